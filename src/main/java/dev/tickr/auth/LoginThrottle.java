package dev.tickr.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #LIMIT} failed logins within {@link #WINDOW} from one
 * client address, or for one user name, further attempts are refused until the oldest failure
 * leaves the window. Kept in memory: a restart forgets it, which costs a guesser a restart per five
 * guesses.
 */
public final class LoginThrottle {
  public static final int LIMIT = 5;
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** Above this many keys, stale ones are dropped (an attacker can vary names, not fill memory). */
  private static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the client must wait before trying again; empty when it may try now. */
  public Optional<Duration> retryAfter(String clientIp, String user) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(clientIp, user)) {
      ArrayDeque<Instant> times = failures.get(key);
      if (times == null) {
        continue;
      }
      synchronized (times) {
        prune(times, now);
        if (times.size() >= LIMIT) {
          Duration left = Duration.between(now, times.peekFirst().plus(WINDOW));
          if (left.compareTo(wait) > 0) {
            wait = left;
          }
        }
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a failed login against the address and the name. */
  public void failed(String clientIp, String user) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(times -> expired(times, now));
    }
    for (String key : keys(clientIp, user)) {
      ArrayDeque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        prune(times, now);
        times.addLast(now);
        while (times.size() > LIMIT) {
          times.removeFirst();
        }
      }
    }
  }

  /** A login succeeded: the name's failures are forgotten (the address's stay). */
  public void succeeded(String user) {
    failures.remove(userKey(user));
  }

  private static String[] keys(String clientIp, String user) {
    return new String[] {"ip " + clientIp, userKey(user)};
  }

  private static String userKey(String user) {
    return "user " + user.toLowerCase(Locale.ROOT);
  }

  private static boolean expired(ArrayDeque<Instant> times, Instant now) {
    synchronized (times) {
      prune(times, now);
      return times.isEmpty();
    }
  }

  private static void prune(ArrayDeque<Instant> times, Instant now) {
    Instant horizon = now.minus(WINDOW);
    while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
      times.removeFirst();
    }
  }
}

package dev.tickr.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing per client address and user name together: {@link #FREE} attempts, then
 * each further one must wait twice as long as the one before ({@link #FIRST_WAIT}, doubling up to
 * {@link #MAX_WAIT}). An attempt is counted before its password is verified ({@link #attempt}), so
 * many attempts sent at once get no more verifications than one after the other; a successful login
 * forgets its pair's count ({@link #succeeded}). A guesser at another address does not slow the
 * user down: nobody is locked out by a name alone. Kept in memory: a restart forgets it.
 */
public final class LoginThrottle {
  /** Attempts per address and name before waits begin. */
  public static final int FREE = 5;

  /** The wait after the attempts that were free; each further attempt doubles it. */
  public static final Duration FIRST_WAIT = Duration.ofSeconds(30);

  public static final Duration MAX_WAIT = Duration.ofMinutes(15);

  /** A pair with no attempt for this long after its wait ended starts again from nothing. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  /**
   * Above this many pairs, forgotten ones are dropped (a guesser varying names fills no memory).
   */
  private static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Map<Key, Count> counts = new HashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private record Key(String clientIp, String user) {
    static Key of(String clientIp, String user) {
      return new Key(clientIp, user.toLowerCase(Locale.ROOT));
    }
  }

  /** Attempts so far, and the instant before which no further one may be made. */
  private record Count(int attempts, Instant next) {
    boolean forgotten(Instant now) {
      return !now.isBefore(next.plus(FORGET_AFTER));
    }
  }

  /**
   * Counts an attempt to log in as {@code user} from {@code clientIp}, before its password is
   * verified.
   *
   * @return empty when the attempt may go on, else how long the client must wait (nothing counted)
   */
  public synchronized Optional<Duration> attempt(String clientIp, String user) {
    Instant now = clock.instant();
    Key key = Key.of(clientIp, user);
    Count count = counts.get(key);
    if (count != null && count.forgotten(now)) {
      count = null;
    }
    if (count != null && now.isBefore(count.next())) {
      return Optional.of(Duration.between(now, count.next()));
    }
    int attempts = count == null ? 1 : count.attempts() + 1;
    if (count == null && counts.size() >= MAX_KEYS) {
      counts.values().removeIf(c -> c.forgotten(now));
    }
    counts.put(key, new Count(attempts, now.plus(waitAfter(attempts))));
    return Optional.empty();
  }

  /** The attempt's password was right: the pair starts again from nothing. */
  public synchronized void succeeded(String clientIp, String user) {
    counts.remove(Key.of(clientIp, user));
  }

  /** How long the next attempt must wait after {@code attempts} attempts. */
  static Duration waitAfter(int attempts) {
    if (attempts < FREE) {
      return Duration.ZERO;
    }
    int doublings = Math.min(attempts - FREE, 30);
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }
}

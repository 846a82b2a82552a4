package dev.tickr.check.auth;

import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.check.RequestAuth;
import dev.tickr.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The one token of one set of {@link OAuth2Settings}, shared by every monitor that has them. Asked
 * for it, a check gets the cached token while it is fresh; else one check fetches it (single
 * flight: the others wait for that fetch, each by its own deadline, and take its result). A failed
 * fetch is remembered for a backoff (10 s, doubling with each failure in a row, at most 2 min):
 * checks in that time get the same failure without asking the endpoint again.
 *
 * <p>A lock rather than {@code synchronized}: the fetch blocks on the network, and checks run on
 * virtual threads.
 */
final class TokenSlot {
  /** Lifetime of a token whose answer has no {@code expires_in}. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** A token is fetched again this long before it expires, or a tenth of its lifetime if less. */
  static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

  /** How many tokens made are kept to be masked (a check may still echo the one before). */
  private static final int RECENT = 3;

  private final OAuth2Settings settings;
  private final Check<HttpTarget> http;
  private final Clock clock;
  private final Set<String> ownSecrets;
  private final ReentrantLock lock = new ReentrantLock();

  /** The cached token; written under the lock, read without it. */
  private volatile @Nullable Token token;

  private @Nullable Failure failure;
  private Instant failedUntil = Instant.MIN;
  private int failuresInARow;
  private volatile List<String> recent = List.of();

  /** A token and when it is fetched again; never shows its value. */
  private record Token(String value, Instant refreshAt, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[***, refreshAt=" + refreshAt + "]";
    }
  }

  TokenSlot(OAuth2Settings settings, Check<HttpTarget> http, Clock clock, Set<String> ownSecrets) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.ownSecrets = ownSecrets;
  }

  /** The credentials to send, fetching a token when there is no fresh one. */
  RequestAuth.Outcome get(Deadline deadline, @Nullable HttpTarget via) {
    Token t = token;
    if (t != null && clock.instant().isBefore(t.refreshAt())) {
      return credentials(t);
    }
    try {
      if (!lock.tryLock(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
        return refused(
            "token endpoint did not give a token in time: timeout after "
                + Durations.format(deadline.budget())
                + " waiting for the token being fetched");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return refused("token endpoint: interrupted while waiting for the token being fetched");
    }
    try {
      return getLocked(deadline, via);
    } finally {
      lock.unlock();
    }
  }

  private RequestAuth.Outcome getLocked(Deadline deadline, @Nullable HttpTarget via) {
    Instant now = clock.instant();
    Token t = token;
    if (t != null && now.isBefore(t.refreshAt())) {
      return credentials(t); // fetched while this check waited
    }
    Failure remembered = failure;
    if (remembered != null && now.isBefore(failedUntil)) {
      return new RequestAuth.Refused(remembered);
    }
    TokenRequest.Answer answer =
        TokenRequest.read(
            settings, http.observe(TokenRequest.target(settings, via), deadline), ownSecrets);
    return switch (answer) {
      case TokenRequest.Minted minted -> credentials(store(minted, now));
      case TokenRequest.Failed failed -> {
        failuresInARow++;
        failure = failed.failure();
        failedUntil = clock.instant().plus(backoff(failuresInARow));
        yield new RequestAuth.Refused(failed.failure());
      }
    };
  }

  /**
   * Keeps a new token: it expires {@code expires_in} after it was asked for ({@code asked}), and is
   * fetched again a margin before.
   */
  private Token store(TokenRequest.Minted minted, Instant asked) {
    Duration lifetime = minted.lifetime() == null ? DEFAULT_LIFETIME : minted.lifetime();
    if (lifetime.compareTo(Duration.ofDays(366)) > 0) {
      lifetime = Duration.ofDays(366);
    }
    Duration margin = lifetime.dividedBy(10);
    if (margin.compareTo(MAX_MARGIN) > 0) {
      margin = MAX_MARGIN;
    }
    Instant expires = asked.plus(lifetime);
    Token t = new Token(minted.token(), expires.minus(margin), expires);
    List<String> kept = new ArrayList<>(recent);
    kept.add(0, t.value());
    recent = List.copyOf(kept.subList(0, Math.min(RECENT, kept.size())));
    failure = null;
    failuresInARow = 0;
    token = t;
    return t;
  }

  /**
   * The API answered 401 to {@code used}: when that is the cached token, it is dropped, so that the
   * next request fetches a new one. True: one more try may help (with a token that another check
   * fetched meanwhile, or a new one).
   */
  boolean rejected(RequestAuth.Credentials used) {
    lock.lock();
    try {
      Token t = token;
      if (t != null && used.headers().contains(header(t))) {
        token = null;
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The tokens made lately, newest first, to be masked wherever a result echoes them. */
  List<String> recentTokens() {
    return recent;
  }

  /** Nothing worth keeping: no fresh token, no failure being remembered, no fetch under way. */
  boolean idle(Instant now) {
    Token t = token;
    return (t == null || !now.isBefore(t.expiresAt()))
        && !now.isBefore(failedUntil)
        && !lock.isLocked();
  }

  static Duration backoff(int failuresInARow) {
    Duration d = FIRST_BACKOFF;
    for (int i = 1; i < failuresInARow && d.compareTo(MAX_BACKOFF) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static Header header(Token t) {
    return Header.secret("Authorization", "Bearer " + t.value());
  }

  private static RequestAuth.Credentials credentials(Token t) {
    return new RequestAuth.Credentials(List.of(header(t)), List.of());
  }

  private RequestAuth.Refused refused(String detail) {
    return new RequestAuth.Refused(
        new Failure(
            Reason.AUTH_REJECTED, detail + " (" + Redaction.url(settings.tokenUrl()) + ")"));
  }
}

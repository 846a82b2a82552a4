package dev.tickr.alert;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How long to wait before trying a notification again: exponential from {@link #FIRST}, at most
 * {@link #MAX}, with jitter (each pause is drawn from its upper half) so that many notifications
 * that failed together do not come back together; never shorter than the provider's {@code
 * Retry-After}.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(30);

  private final RandomGenerator random;

  Backoff(RandomGenerator random) {
    this.random = random;
  }

  /**
   * @param attempts how many attempts have failed so far, at least 1
   */
  Duration after(int attempts, @Nullable Duration retryAfter) {
    long ceiling = MAX.toMillis();
    long exponential = FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    long cap = Math.min(exponential, ceiling);
    long pause;
    synchronized (random) {
      pause = cap / 2 + random.nextLong(cap / 2 + 1);
    }
    Duration jittered = Duration.ofMillis(pause);
    return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
  }
}

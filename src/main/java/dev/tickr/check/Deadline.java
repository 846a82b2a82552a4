package dev.tickr.check;

import dev.tickr.time.Ticker;
import java.time.Duration;

/** A hard point in monotonic time by which a check must be over, whatever the target does. */
public record Deadline(long atNanos, Duration budget, Ticker ticker) {

  public static Deadline after(Duration budget, Ticker ticker) {
    return new Deadline(ticker.nanos() + budget.toNanos(), budget, ticker);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    long left = atNanos - ticker.nanos();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /**
   * Whole milliseconds left, rounded up, for timeouts given in milliseconds (a socket's connect or
   * read): rounded down, they would end before the deadline. 0 once it has passed.
   */
  public long remainingMillisRoundedUp() {
    long left = atNanos - ticker.nanos();
    return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
  }

  public boolean expired() {
    return atNanos - ticker.nanos() <= 0;
  }
}

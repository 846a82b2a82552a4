package dev.tickr.affiliate;

import java.time.Duration;
import java.time.Instant;

/**
 * When the conversions missed in a window can no longer be claimed: the window's start plus the
 * claim period (the earliest of them locks first).
 *
 * @param source where the claim period comes from, in words
 * @param warn whether the deadline is within the report's warning period and not past
 */
public record ClaimDeadline(
    Instant deadline, Duration within, String source, long daysLeft, boolean warn) {

  /** Whether the deadline has passed. */
  public boolean closed() {
    return daysLeft < 0;
  }

  static ClaimDeadline of(Instant start, ClaimRule rule, Instant now, Duration warning) {
    Instant deadline = start.plus(rule.within());
    Duration left = Duration.between(now, deadline);
    long days = left.isNegative() ? -1 - Duration.between(deadline, now).toDays() : left.toDays();
    boolean warn = !left.isNegative() && left.compareTo(warning) <= 0;
    return new ClaimDeadline(deadline, rule.within(), rule.source(), days, warn);
  }
}

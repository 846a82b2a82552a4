package dev.tickr.affiliate;

import java.time.Instant;

/**
 * A stretch of time the impact report does not count for a monitor: one occurrence of a maintenance
 * window, {@code [start, end)}.
 *
 * @param name the maintenance window's name
 */
public record Excluded(String name, Instant start, Instant end) {
  public Excluded {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an excluded stretch ends after it starts");
    }
  }
}

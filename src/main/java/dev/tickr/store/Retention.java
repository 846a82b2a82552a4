package dev.tickr.store;

import java.time.Duration;

/**
 * How long each kind of history is kept; {@link Store#prune} deletes what is older.
 *
 * @param raw single check results
 * @param minuteRollups per-minute figures
 * @param dayRollups per-day figures
 */
public record Retention(Duration raw, Duration minuteRollups, Duration dayRollups) {

  public Retention {
    positive("raw", raw);
    positive("minuteRollups", minuteRollups);
    positive("dayRollups", dayRollups);
  }

  /** Raw results 7 days, minute rollups 30 days, day rollups 400 days. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400));
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("retention " + field + " must be positive, got " + d);
    }
  }
}

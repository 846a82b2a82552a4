package dev.tickr.affiliate;

import java.time.Instant;
import java.util.Map;

/**
 * The recorded hourly volume of a monitor's metric: what the impact report compares an outage with.
 * The metrics store implements it; {@link #NONE} knows no history.
 */
@FunctionalInterface
public interface VolumeHistory {
  /** Knows no history: every estimate from a metric says the history is too short. */
  VolumeHistory NONE = (monitor, metric, from, to) -> Map.of();

  /**
   * The metric's value for each whole UTC hour that starts in {@code [from, to)} and has data, by
   * the hour's start: for a count of conversions, the conversions of that hour. An hour without
   * data is absent (not 0): the estimate does not use a week with a gap.
   *
   * @param from the start of an hour
   */
  Map<Instant, Double> hourly(String monitor, String metric, Instant from, Instant to);
}

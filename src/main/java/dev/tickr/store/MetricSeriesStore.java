package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The series of monitors' extracted metrics: written after each judged check, read back for
 * baselines, charts, the API and estimates. Kept like results: raw values for the raw retention,
 * minute and day rollups for theirs. Thread-safe; windows are half-open, {@code [from, to)}.
 */
public interface MetricSeriesStore {

  /** Keeps nothing and reads nothing: a store without metric series. */
  MetricSeriesStore NONE =
      new MetricSeriesStore() {
        @Override
        public void append(String monitor, Instant at, Map<String, Double> values) {}

        @Override
        public MetricPoint summary(String monitor, String metric, Instant from, Instant to) {
          return MetricPoint.empty(from);
        }

        @Override
        public List<MetricPoint> series(
            String monitor, String metric, Instant from, Instant to, Resolution resolution) {
          return List.of();
        }
      };

  /** How finely a series is read. */
  enum Resolution {
    RAW,
    MINUTE,
    HOUR,
    DAY
  }

  /** Buffers one check's values; written by the store's writer soon after, in order. */
  void append(String monitor, Instant at, Map<String, Double> values);

  /**
   * Every value of {@code metric} in {@code [from, to)} summed up, from the finest kind of data
   * that still covers {@code from} (raw, else minute rollups, else day rollups).
   */
  MetricPoint summary(String monitor, String metric, Instant from, Instant to);

  /**
   * The series in {@code [from, to)}: each value ({@code RAW}) or one point per minute, hour or UTC
   * day that has values, oldest first. Hours are read from the minute rollups.
   */
  List<MetricPoint> series(
      String monitor, String metric, Instant from, Instant to, Resolution resolution);

  /** One point per UTC hour of {@code [from, to)} that has values: what estimates read. */
  default List<MetricPoint> hourly(String monitor, String metric, Instant from, Instant to) {
    return series(monitor, metric, from, to, Resolution.HOUR);
  }
}

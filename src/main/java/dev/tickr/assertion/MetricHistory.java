package dev.tickr.assertion;

import java.time.Instant;

/**
 * What judging may read of a metric's past: the values recorded for one monitor's metric in a
 * half-open window {@code [from, to)}, summed up. The store implements it; tests give synthetic
 * series. Implementations are thread-safe.
 */
@FunctionalInterface
public interface MetricHistory {

  /** A history with nothing in it: every window is empty. */
  MetricHistory NONE = (monitor, metric, from, to) -> Summary.EMPTY;

  Summary summary(String monitor, String metric, Instant from, Instant to);

  /** How many values a window holds, their sum, smallest and largest. */
  record Summary(long count, double sum, double min, double max) {
    public static final Summary EMPTY = new Summary(0, 0, Double.NaN, Double.NaN);

    public static Summary of(double value) {
      return new Summary(1, value, value, value);
    }

    public double mean() {
      return count == 0 ? Double.NaN : sum / count;
    }

    /** Both windows' values together. */
    public Summary plus(Summary other) {
      if (other.count == 0) {
        return this;
      }
      if (count == 0) {
        return other;
      }
      return new Summary(
          count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max));
    }
  }
}

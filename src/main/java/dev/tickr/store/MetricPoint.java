package dev.tickr.store;

import java.time.Instant;

/**
 * Values of one metric in one bucket (or one value, then {@code count} is 1).
 *
 * @param start the bucket's start (the value's time for a raw point)
 * @param count how many values
 * @param sum their sum: the bucket's mean is {@code sum / count}
 */
public record MetricPoint(Instant start, long count, double sum, double min, double max) {

  static MetricPoint empty(Instant start) {
    return new MetricPoint(start, 0, 0, Double.NaN, Double.NaN);
  }

  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }
}

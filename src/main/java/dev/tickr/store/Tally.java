package dev.tickr.store;

import dev.tickr.incident.Verdict;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The rollup math: counts and latency of a set of checks, added one by one or merged from other
 * tallies. A rollup row is one tally; a window's figures are the merge of its rows. Latency covers
 * only checks that did not fail. Not thread-safe.
 */
final class Tally {
  long checks;
  long failed;
  long degraded;
  long sumMicros;
  long minMicros = Long.MAX_VALUE;
  long maxMicros = Long.MIN_VALUE;
  final Histogram histogram;

  Tally() {
    this(new Histogram());
  }

  private Tally(Histogram histogram) {
    this.histogram = histogram;
  }

  /** A tally as stored; {@code min}/{@code max} are {@code null} when no check succeeded. */
  static Tally of(
      long checks,
      long failed,
      long degraded,
      long sumMicros,
      @Nullable Long minMicros,
      @Nullable Long maxMicros,
      Histogram histogram) {
    Tally t = new Tally(histogram);
    t.checks = checks;
    t.failed = failed;
    t.degraded = degraded;
    t.sumMicros = sumMicros;
    if (minMicros != null && maxMicros != null) {
      t.minMicros = minMicros;
      t.maxMicros = maxMicros;
    }
    return t;
  }

  void add(Verdict verdict, long totalMicros) {
    if (verdict == Verdict.INCONCLUSIVE) {
      return; // Tickr's own stall, not the target's doing: not a check of the target at all
    }
    checks++;
    switch (verdict) {
      case FAILED -> failed++;
      case DEGRADED -> degraded++;
      case OK, INCONCLUSIVE -> {}
    }
    if (verdict != Verdict.FAILED) {
      sumMicros += totalMicros;
      minMicros = Math.min(minMicros, totalMicros);
      maxMicros = Math.max(maxMicros, totalMicros);
      histogram.add(totalMicros);
    }
  }

  void merge(Tally other) {
    checks += other.checks;
    failed += other.failed;
    degraded += other.degraded;
    sumMicros += other.sumMicros;
    minMicros = Math.min(minMicros, other.minMicros);
    maxMicros = Math.max(maxMicros, other.maxMicros);
    histogram.merge(other.histogram);
  }

  /** Whether any check counted toward latency. */
  boolean hasLatency() {
    return minMicros <= maxMicros;
  }

  @Nullable Long min() {
    return hasLatency() ? minMicros : null;
  }

  @Nullable Long max() {
    return hasLatency() ? maxMicros : null;
  }

  Uptime toUptime() {
    if (checks == 0) {
      return Uptime.NONE;
    }
    double ratio = (double) (checks - failed) / checks;
    if (!hasLatency() || histogram.count() == 0) {
      return new Uptime(checks, failed, degraded, ratio, null, null, null);
    }
    return new Uptime(
        checks, failed, degraded, ratio, quantile(0.50), quantile(0.95), quantile(0.99));
  }

  private Duration quantile(double q) {
    return Duration.ofNanos(histogram.quantile(q, minMicros, maxMicros) * 1_000);
  }
}

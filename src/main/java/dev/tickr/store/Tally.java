package dev.tickr.store;

import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rollup math: counts and latency of a set of checks, added one by one or merged from other
 * tallies. A rollup row is one tally; a window's figures are the merge of its rows. Latency covers
 * only checks that did not fail, and so do the phase sums. Not thread-safe.
 */
final class Tally {
  /** The phases summed, in the order of {@link #phaseSum}; also their columns' prefixes. */
  static final List<String> PHASES = List.of("dns", "connect", "tls", "ttfb");

  long checks;
  long failed;
  long degraded;
  long sumMicros;
  long minMicros = Long.MAX_VALUE;
  long maxMicros = Long.MIN_VALUE;
  final Histogram histogram;

  /** Per phase of {@link #PHASES}: the sum of its durations, of checks that did not fail. */
  final long[] phaseSum = new long[PHASES.size()];

  /** Per phase of {@link #PHASES}: how many checks that did not fail had it. */
  final long[] phaseChecks = new long[PHASES.size()];

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

  /** Adds a check with its phases. */
  void add(CheckRecord r) {
    add(r.verdict(), Columns.micros(r.total()));
    if (r.verdict() == Verdict.FAILED || r.verdict() == Verdict.INCONCLUSIVE) {
      return;
    }
    addPhase(0, r.dns());
    addPhase(1, r.connect());
    addPhase(2, r.tls());
    addPhase(3, r.ttfb());
  }

  private void addPhase(int phase, @Nullable Duration d) {
    if (d != null) {
      phaseSum[phase] += Columns.micros(d);
      phaseChecks[phase]++;
    }
  }

  /** The average of a phase of {@link #PHASES}, {@code null} when no check had it. */
  @Nullable Duration phaseAverage(int phase) {
    return phaseChecks[phase] == 0
        ? null
        : Columns.duration(Math.round((double) phaseSum[phase] / phaseChecks[phase]));
  }

  /** The average response time of the checks that did not fail, {@code null} without any. */
  @Nullable Duration average() {
    long ok = checks - failed;
    return ok <= 0 ? null : Columns.duration(Math.round((double) sumMicros / ok));
  }

  void merge(Tally other) {
    checks += other.checks;
    failed += other.failed;
    degraded += other.degraded;
    sumMicros += other.sumMicros;
    minMicros = Math.min(minMicros, other.minMicros);
    maxMicros = Math.max(maxMicros, other.maxMicros);
    histogram.merge(other.histogram);
    for (int i = 0; i < phaseSum.length; i++) {
      phaseSum[i] += other.phaseSum[i];
      phaseChecks[i] += other.phaseChecks[i];
    }
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

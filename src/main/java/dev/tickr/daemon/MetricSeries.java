package dev.tickr.daemon;

import dev.tickr.assertion.MetricHistory;
import dev.tickr.assertion.MetricPlan;
import dev.tickr.check.Observation;
import dev.tickr.config.MonitorSpec;
import dev.tickr.store.MetricPoint;
import dev.tickr.store.MetricSeriesStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extracted metrics between judging and the store: the history judging reads (from the store's
 * series), the values each judged check read (to the store), and the last of them per monitor for
 * {@code /metrics}. Only declared names are kept, so what is exported stays bounded.
 */
final class MetricSeries {
  private final MetricSeriesStore store;
  private final MetricHistory history;
  private final Map<String, Map<String, Double>> latest = new ConcurrentHashMap<>();

  MetricSeries(MetricSeriesStore store) {
    this.store = store;
    this.history =
        (monitor, metric, from, to) -> {
          MetricPoint p = store.summary(monitor, metric, from, to);
          return p.count() == 0
              ? MetricHistory.Summary.EMPTY
              : new MetricHistory.Summary(p.count(), p.sum(), p.min(), p.max());
        };
  }

  /**
   * What judging {@code spec}'s {@code observation} needs of metrics: nothing at all for a monitor
   * without; the numbers the observation measured itself (a flow's named durations) are stored and
   * judged like declared metrics.
   */
  MetricPlan plan(MonitorSpec spec, Observation observation) {
    MetricPlan plan = plan(spec);
    if (observation.measures().isEmpty()) {
      return plan;
    }
    return (plan.equals(MetricPlan.NONE) ? MetricPlan.of(spec.name(), Map.of(), history) : plan)
        .withExtra(observation.measures());
  }

  /** What judging {@code spec} needs of metrics: nothing at all for a monitor without. */
  MetricPlan plan(MonitorSpec spec) {
    return spec.metrics().isEmpty()
        ? (usesMetrics(spec) ? MetricPlan.of(spec.name(), Map.of(), history) : MetricPlan.NONE)
        : MetricPlan.of(spec.name(), spec.metrics(), history);
  }

  /** Conditions such as {@code avg(pings, 1h)} read history even without declared metrics. */
  private static boolean usesMetrics(MonitorSpec spec) {
    return spec.conditions().stream()
        .anyMatch(
            c ->
                c.subjects().contains(dev.tickr.assertion.Subject.METRIC)
                    || c.subjects().contains(dev.tickr.assertion.Subject.VOLUME));
  }

  /** A judged check's values: stored, and kept as the monitor's latest. */
  void record(MonitorSpec spec, Instant at, Map<String, Double> values) {
    if (values.isEmpty()) {
      return;
    }
    store.append(spec.name(), at, values);
    latest.put(spec.name(), Map.copyOf(values));
  }

  /** The last values of each monitor still configured, by monitor and metric. */
  Map<String, Map<String, Double>> latest(Collection<String> monitors) {
    Set<String> keep = new HashSet<>(monitors);
    latest.keySet().retainAll(keep);
    return Map.copyOf(latest);
  }
}

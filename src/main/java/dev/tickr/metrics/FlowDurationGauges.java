package dev.tickr.metrics;

import dev.tickr.store.CheckRecord;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code tickr_flow_duration_seconds{monitor, name}}: the last value measured of each named
 * duration of each flow ({@code durations:}). Its labels are bounded: the monitors tracked, and at
 * most ten names per flow, each checked when the config is loaded.
 */
final class FlowDurationGauges {
  private final Map<String, Map<String, Double>> last = new ConcurrentHashMap<>();

  /** A check was recorded: its measured durations, if any, become the last values. */
  void checked(CheckRecord record) {
    if (!record.measures().isEmpty()) {
      last.computeIfAbsent(record.monitor(), k -> new ConcurrentHashMap<>())
          .putAll(record.measures());
    }
  }

  /** Registers the gauge; at each scrape it forgets monitors no longer {@code tracked}. */
  void register(PrometheusRegistry registry, Supplier<Set<String>> tracked) {
    GaugeWithCallback.builder()
        .name("tickr_flow_duration_seconds")
        .help(
            "The last value measured of a flow's named duration (durations:), in seconds: from"
                + " when its from step started to when its to step passed")
        .labelNames("monitor", "name")
        .callback(
            cb -> {
              Set<String> current = tracked.get();
              last.keySet().removeIf(m -> !current.contains(m));
              last.forEach((monitor, named) -> named.forEach((n, v) -> cb.call(v, monitor, n)));
            })
        .register(registry);
  }
}

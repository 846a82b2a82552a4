package dev.tickr.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code tickr_metric_value{monitor,metric}}: the last value of each metric a monitor declares
 * ({@code metrics:}); timestamps as epoch seconds. Only declared names, at most 20 a monitor.
 */
final class MetricValueGauge {
  private MetricValueGauge() {}

  static void register(
      PrometheusRegistry registry, Supplier<Map<String, Map<String, Double>>> values) {
    GaugeWithCallback.builder()
        .name("tickr_metric_value")
        .help("The last value of a metric the monitor reads from its answers (metrics:)")
        .labelNames("monitor", "metric")
        .callback(
            cb ->
                values
                    .get()
                    .forEach(
                        (monitor, byName) ->
                            byName.forEach((metric, v) -> cb.call(v, monitor, metric))))
        .register(registry);
  }
}

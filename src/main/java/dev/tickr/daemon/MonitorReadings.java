package dev.tickr.daemon;

import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code /metrics} reads of the running monitors: what each target said is left of its rate
 * limit, and each monitor's last extracted metrics. Monitors no longer configured are forgotten.
 */
public final class MonitorReadings {
  private final QuotaWatch quotas;
  private final MetricSeries metricSeries;
  private final Supplier<Config> config;

  MonitorReadings(QuotaWatch quotas, MetricSeries metricSeries, Supplier<Config> config) {
    this.quotas = quotas;
    this.metricSeries = metricSeries;
    this.config = config;
  }

  /** Each monitor's rate-limit windows as {@code {remaining, limit}} pairs, by window. */
  public Map<String, Map<String, long[]>> rateLimits() {
    Set<String> names =
        config.get().monitors().stream().map(MonitorSpec::name).collect(Collectors.toSet());
    quotas.retain(names);
    Map<String, Map<String, long[]>> out = new HashMap<>();
    quotas
        .windows()
        .forEach(
            (monitor, windows) -> {
              Map<String, long[]> each = new HashMap<>();
              windows.forEach((w, v) -> each.put(w, new long[] {v.remaining(), v.limit()}));
              out.put(monitor, each);
            });
    return out;
  }

  /** Each configured monitor's last extracted metrics. */
  public Map<String, Map<String, Double>> metricValues() {
    List<String> names = config.get().monitors().stream().map(MonitorSpec::name).toList();
    return metricSeries.latest(names);
  }
}

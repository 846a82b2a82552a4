package dev.tickr.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code tickr_ratelimit_remaining} and {@code tickr_ratelimit_limit}: what each monitor's target
 * said last is left of its rate limit ({@code X-RateLimit-Remaining[-WINDOW]}), per window.
 */
final class RateLimitGauges {
  /**
   * One window of one monitor's rate limit.
   *
   * @param window the header's suffix ({@code hour}), empty for none
   * @param limit 0 when the target gave none
   */
  record Reading(String monitor, String window, long remaining, long limit) {}

  private RateLimitGauges() {}

  /** The readings of monitors still tracked, from {@code {remaining, limit}} per window. */
  static List<Reading> readings(
      java.util.Map<String, java.util.Map<String, long[]>> all, java.util.Set<String> tracked) {
    List<Reading> out = new java.util.ArrayList<>();
    all.forEach(
        (monitor, windows) -> {
          if (tracked.contains(monitor)) {
            windows.forEach((w, v) -> out.add(new Reading(monitor, w, v[0], v[1])));
          }
        });
    return out;
  }

  static void register(PrometheusRegistry registry, Supplier<List<Reading>> readings) {
    GaugeWithCallback.builder()
        .name("tickr_ratelimit_remaining")
        .help(
            "What the monitor's target said last is left of its rate limit"
                + " (X-RateLimit-Remaining, per window: the header's suffix, empty for none)")
        .labelNames("monitor", "window")
        .callback(
            cb -> {
              for (Reading r : readings.get()) {
                cb.call((double) r.remaining(), r.monitor(), r.window());
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_ratelimit_limit")
        .help(
            "The monitor's target's rate limit (X-RateLimit-Limit, per window), when it gives one")
        .labelNames("monitor", "window")
        .callback(
            cb -> {
              for (Reading r : readings.get()) {
                if (r.limit() > 0) {
                  cb.call((double) r.limit(), r.monitor(), r.window());
                }
              }
            })
        .register(registry);
  }
}

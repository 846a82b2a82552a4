package dev.tickr.metrics;

import dev.tickr.alert.ChannelHealth;
import dev.tickr.check.TlsInfo;
import dev.tickr.connectivity.LinkState;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.WriteTimer;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Tickr's Prometheus metrics (see {@code docs/metrics.md}), on a registry of its own. It is fed by
 * events (each recorded check, each certificate a check saw, each store write) and reads the
 * monitors' states, the checks in flight and the channels' health when scraped, so a monitor that a
 * reload removed leaves no series behind.
 */
public final class Metrics implements WriteTimer {
  /** What the text format says it is: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /** What the monitors' state and the alerting look like now; read at every scrape. */
  public interface Sources {
    Map<String, MonitorStatus> monitors();

    int checksInFlight();

    List<ChannelHealth> channels();

    /** Before the daemon exists: nothing. */
    Sources NONE =
        new Sources() {
          @Override
          public Map<String, MonitorStatus> monitors() {
            return Map.of();
          }

          @Override
          public int checksInFlight() {
            return 0;
          }

          @Override
          public List<ChannelHealth> channels() {
            return List.of();
          }
        };

    static Sources of(
        Supplier<Map<String, MonitorStatus>> monitors,
        IntSupplier checksInFlight,
        Supplier<List<ChannelHealth>> channels) {
      return new Sources() {
        @Override
        public Map<String, MonitorStatus> monitors() {
          return monitors.get();
        }

        @Override
        public int checksInFlight() {
          return checksInFlight.getAsInt();
        }

        @Override
        public List<ChannelHealth> channels() {
          return channels.get();
        }
      };
    }
  }

  /** One monitor's last check, its counts by result and the certificate it last saw. */
  private static final class PerMonitor {
    final Map<Verdict, LongAdder> counts = new EnumMap<>(Verdict.class);
    volatile @Nullable CheckRecord last;
    volatile @Nullable Instant certificateExpiry;

    PerMonitor() {
      for (Verdict v : Verdict.values()) {
        counts.put(v, new LongAdder());
      }
    }
  }

  private static final double[] LATENESS_BUCKETS = {
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };
  private static final double[] WRITE_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
  };
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Map<String, PerMonitor> monitors = new ConcurrentHashMap<>();
  private final Histogram lateness;
  private final Histogram storeWrites;
  private final FlowDurationGauges flowDurations = new FlowDurationGauges();
  private volatile Sources sources = Sources.NONE;
  private volatile Supplier<Map<String, Map<String, long[]>>> rateLimits = Map::of;
  private volatile Supplier<LinkState> link = () -> LinkState.OFF;
  private boolean jvmRegistered; // guarded by this

  /**
   * The JVM's metrics as the Prometheus client's {@code JvmMetrics} has them, less native memory:
   * that one asks the JVM for a native memory summary (a tenth of a second and more on 2 cores) and
   * has nothing to show unless the JVM runs with native memory tracking on. Registered at the first
   * scrape, not at start-up: they start the JVM's management beans, a few hundred milliseconds of
   * CPU that a daemon starting 10,000 monitors on 2 cores has better uses for (and a daemon nobody
   * scrapes never needs). The allocation counters count from then on.
   */
  private synchronized void jvmOnce() {
    if (!jvmRegistered) {
      jvm(registry);
      jvmRegistered = true;
    }
  }

  private static void jvm(PrometheusRegistry registry) {
    PrometheusProperties config = PrometheusProperties.get();
    JvmThreadsMetrics.builder(config).register(registry);
    JvmBufferPoolMetrics.builder(config).register(registry);
    JvmClassLoadingMetrics.builder(config).register(registry);
    JvmCompilationMetrics.builder(config).register(registry);
    JvmGarbageCollectorMetrics.builder(config).register(registry);
    JvmMemoryPoolAllocationMetrics.builder(config).register(registry);
    JvmMemoryMetrics.builder(config).register(registry);
    JvmRuntimeInfoMetric.builder(config).register(registry);
    ProcessMetrics.builder(config).register(registry);
  }

  public Metrics() {
    GaugeWithCallback.builder()
        .name("tickr_connectivity_up")
        .help(
            "1 while Tickr reaches a connectivity canary, 0 while its own link is lost; absent"
                + " without connectivity: canaries")
        .callback(
            cb -> {
              switch (link.get()) {
                case ONLINE -> cb.call(1);
                case LOST -> cb.call(0);
                case OFF -> {}
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_monitor_up")
        .help("1 when the monitor is UP or DEGRADED, 0 when DOWN; absent otherwise")
        .labelNames("monitor")
        .callback(
            cb -> {
              for (MonitorStatus s : sources.monitors().values()) {
                switch (s.state()) {
                  case UP, DEGRADED -> cb.call(1, s.monitor());
                  case DOWN -> cb.call(0, s.monitor());
                  case PENDING, PAUSED, MAINTENANCE -> {}
                }
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_monitor_state")
        .help("1 for the monitor's current state, 0 for each other state")
        .labelNames("monitor", "state")
        .callback(
            cb -> {
              for (MonitorStatus s : sources.monitors().values()) {
                for (MonitorState state : MonitorState.values()) {
                  cb.call(state == s.state() ? 1 : 0, s.monitor(), state.name());
                }
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_check_duration_seconds")
        .help("The monitor's last check, per phase (dns, connect, tls, ttfb) and in total")
        .labelNames("monitor", "phase")
        .callback(
            cb ->
                tracked(
                    (name, m) -> {
                      CheckRecord r = m.last;
                      if (r != null) {
                        phase(cb, name, "dns", r.dns());
                        phase(cb, name, "connect", r.connect());
                        phase(cb, name, "tls", r.tls());
                        phase(cb, name, "ttfb", r.ttfb());
                        phase(cb, name, "total", r.total());
                      }
                    }))
        .register(registry);
    CounterWithCallback.builder()
        .name("tickr_checks_total")
        .help("Checks run since Tickr started, by result (ok, degraded, failed, inconclusive)")
        .labelNames("monitor", "result")
        .callback(
            cb ->
                tracked(
                    (name, m) ->
                        m.counts.forEach(
                            (verdict, count) ->
                                cb.call(
                                    (double) count.sum(),
                                    name,
                                    verdict.name().toLowerCase(Locale.ROOT)))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_certificate_expiry_timestamp_seconds")
        .help("When the certificate the monitor's last TLS check saw expires (Unix time)")
        .labelNames("monitor")
        .callback(
            cb ->
                tracked(
                    (name, m) -> {
                      Instant expiry = m.certificateExpiry;
                      if (expiry != null) {
                        cb.call((double) expiry.getEpochSecond(), name);
                      }
                    }))
        .register(registry);
    lateness =
        Histogram.builder()
            .name("tickr_scheduler_lateness_seconds")
            .help("How late checks started against their planned slot")
            .classicOnly()
            .classicUpperBounds(LATENESS_BUCKETS)
            .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_checks_in_flight")
        .help("Checks running right now")
        .callback(cb -> cb.call(sources.checksInFlight()))
        .register(registry);
    storeWrites =
        Histogram.builder()
            .name("tickr_store_write_duration_seconds")
            .help(
                "How long store writes take: results (a batch of check results with rollups) or"
                    + " transaction (one synchronous write, waiting for the writer included)")
            .labelNames("kind")
            .classicOnly()
            .classicUpperBounds(WRITE_BUCKETS)
            .register(registry);
    GaugeWithCallback.builder()
        .name("tickr_alert_outbox_depth")
        .help("Notifications waiting in the outbox, per channel")
        .labelNames("channel")
        .callback(
            cb -> {
              for (ChannelHealth c : sources.channels()) {
                cb.call(c.pending(), c.channel());
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("tickr_alerts_sent_total")
        .help("Notifications a provider took since Tickr started, per channel")
        .labelNames("channel")
        .callback(
            cb -> {
              for (ChannelHealth c : sources.channels()) {
                cb.call((double) c.sent(), c.channel());
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("tickr_alerts_failed_total")
        .help("Delivery attempts that failed since Tickr started (retried or not), per channel")
        .labelNames("channel")
        .callback(
            cb -> {
              for (ChannelHealth c : sources.channels()) {
                cb.call((double) c.failedAttempts(), c.channel());
              }
            })
        .register(registry);
  }

  {
    RateLimitGauges.register(
        registry, () -> RateLimitGauges.readings(rateLimits.get(), sources.monitors().keySet()));
    flowDurations.register(registry, () -> sources.monitors().keySet());
  }

  /** Where the scrape-time values come from, once the daemon exists. */
  public void watch(Sources sources) {
    this.sources = sources;
  }

  /**
   * Where {@code tickr_ratelimit_remaining} and {@code _limit} read from: per monitor and window,
   * {@code {remaining, limit}} (limit 0 when unknown). Monitors no longer tracked are left out.
   */
  public void watchRateLimits(Supplier<Map<String, Map<String, long[]>>> source) {
    this.rateLimits = source;
  }

  /** Where {@code tickr_metric_value} reads monitors' last extracted metrics. */
  public void watchMetricValues(Supplier<Map<String, Map<String, Double>>> source) {
    MetricValueGauge.register(registry, source);
  }

  /** Where {@code tickr_connectivity_up} reads Tickr's own link from. */
  public void watchConnectivity(Supplier<LinkState> link) {
    this.link = link;
  }

  /** A check was recorded. */
  public void checked(CheckRecord record) {
    // Lateness first: at every instant there are at least as many lateness samples as counted
    // checks (one scrape reads the families one after another, in no fixed order).
    Duration late = record.lateness();
    lateness.observe(late.isNegative() ? 0 : seconds(late));
    PerMonitor m = monitors.computeIfAbsent(record.monitor(), k -> new PerMonitor());
    m.last = record;
    flowDurations.checked(record);
    LongAdder count = m.counts.get(record.verdict());
    if (count != null) {
      count.increment();
    }
  }

  /** A check of {@code monitor} saw this certificate. */
  public void certificate(String monitor, TlsInfo tls) {
    monitors.computeIfAbsent(monitor, k -> new PerMonitor()).certificateExpiry = tls.expiresAt();
  }

  @Override
  public void wrote(WriteTimer.Kind kind, Duration took) {
    storeWrites.labelValues(kind.name().toLowerCase(Locale.ROOT)).observe(seconds(took));
  }

  /** Writes every metric in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public void write(OutputStream out) throws IOException {
    jvmOnce();
    writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
  }

  /** Every metric as text, as {@link #write} writes it. */
  public String text() {
    var out = new ByteArrayOutputStream();
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Calls {@code each} for every monitor that is still tracked; forgets the others. */
  private void tracked(BiConsumer<String, PerMonitor> each) {
    Map<String, MonitorStatus> current = sources.monitors();
    monitors.forEach(
        (name, m) -> {
          if (current.containsKey(name)) {
            each.accept(name, m);
          }
        });
    if (monitors.size() > current.size()) {
      monitors.keySet().removeIf(name -> !current.containsKey(name));
    }
  }

  private static void phase(
      GaugeWithCallback.Callback cb, String monitor, String phase, @Nullable Duration took) {
    if (took != null) {
      cb.call(seconds(took), monitor, phase);
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}

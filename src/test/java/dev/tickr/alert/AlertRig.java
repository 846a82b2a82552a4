package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.channel.Notifiers;
import dev.tickr.check.Reason;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.FlapRule;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.StateMachine;
import dev.tickr.incident.Verdict;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The alerting engine as the daemon runs it, for tests: a real SQLite store in a temporary
 * directory, the real incident tracker feeding it events, hand-written notifiers, and a clock moved
 * by hand. Nothing runs in the background but deliveries, which {@link #tick} waits for.
 */
final class AlertRig implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final Map<String, FakeNotifier> notifiers = new HashMap<>();
  private boolean realChannels;
  private final Map<String, Notifier> real = new HashMap<>();
  private final Path data;
  private Config config;
  SqliteStore store;
  IncidentTracker tracker;
  AlertEngine engine;

  AlertRig(Path dir, String yaml) {
    this.data = dir.resolve("data");
    this.config = parse(yaml);
    this.store = SqliteStore.open(data, Retention.defaults(), clock);
    this.tracker = tracker(store);
    this.engine = engine();
  }

  static Config parse(String yaml) {
    try {
      return BuiltInTypes.loader(Map.of()).parse("tickr.yml", yaml);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private IncidentTracker tracker(SqliteStore s) {
    IncidentTracker t =
        new IncidentTracker(
            new StateMachine(s::nextIncidentId),
            s,
            monitor ->
                config
                    .monitor(monitor)
                    .map(m -> new FlapRule(m.flapping().changes(), m.flapping().within()))
                    .orElse(null),
            clock);
    t.restore(s.loadStatuses());
    return t;
  }

  private AlertEngine engine() {
    AlertEngine e =
        new AlertEngine(
            config, store, this::notifiers, clock, NO_TIMER, new SplittableRandom(42), tracker);
    e.restore(store.loadStatuses());
    tracker.listen(e);
    return e;
  }

  /** The config's own notifiers (for channels on loopback servers), and the fakes over them. */
  private Map<String, Notifier> notifiers(List<ChannelSpec> channels) {
    Map<String, Notifier> out = new HashMap<>();
    if (realChannels) {
      out.putAll(
          Notifiers.build(channels, Notifiers.Context.create(clock, "Tickr/test")).notifiers());
    }
    out.putAll(notifiers);
    out.putAll(real);
    return Map.copyOf(out);
  }

  /** Sends through the real notifiers of the config's channels, not fakes. */
  void realChannels() {
    realChannels = true;
    engine.reconfigure(config);
  }

  /** The notifier of a channel; set before the engine needs it. */
  FakeNotifier notifier(String channel, FakeNotifier notifier) {
    notifiers.put(channel, notifier);
    engine.reconfigure(config);
    return notifier;
  }

  /** A real notifier (one that sends over the network) for a channel. */
  void use(String channel, Notifier notifier) {
    real.put(channel, notifier);
    engine.reconfigure(config);
  }

  void reconfigure(String yaml) {
    config = parse(yaml);
    engine.reconfigure(config);
  }

  /** Stops the engine and the store and starts both again on the same data, as a restart does. */
  void restart() {
    engine.close();
    store.close();
    store = SqliteStore.open(data, Retention.defaults(), clock);
    tracker = tracker(store);
    engine = engine();
  }

  MonitorSpec spec(String monitor) {
    return config.monitor(monitor).orElseThrow();
  }

  /** A failed check of the monitor now. */
  MonitorStatus fail(String monitor) {
    return apply(
        monitor,
        new Outcome(
            clock.instant(),
            Verdict.FAILED,
            Reason.HTTP_STATUS,
            "[STATUS] == 200 (actual 500)",
            new Evidence(500, List.of(), "{\"error\":\"upstream\"}")));
  }

  /** A check of the monitor that failed now for this reason. */
  MonitorStatus fail(String monitor, Reason reason, String detail) {
    return apply(
        monitor, new Outcome(clock.instant(), Verdict.FAILED, reason, detail, Evidence.NONE));
  }

  /** A check now that failed only on response time. */
  MonitorStatus slow(String monitor) {
    return apply(
        monitor,
        new Outcome(
            clock.instant(),
            Verdict.DEGRADED,
            Reason.CONDITION,
            "[RESPONSE_TIME] < 500 (actual 1200)",
            Evidence.NONE));
  }

  MonitorStatus pass(String monitor) {
    return apply(monitor, Outcome.ok(clock.instant()));
  }

  private MonitorStatus apply(String monitor, Outcome outcome) {
    MonitorSpec spec = spec(monitor);
    return tracker.apply(
        monitor,
        outcome,
        new StateMachine.Thresholds(spec.failureThreshold(), spec.successThreshold()));
  }

  /** Moves the clock on, does what is due and waits for the deliveries it started. */
  void tick(Duration by) {
    clock.advance(by);
    tick();
  }

  void tick() {
    engine.runDue();
    try {
      assertThat(engine.awaitDeliveries(Duration.ofSeconds(10))).as("deliveries finished").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    engine.close();
    store.close();
  }

  /** The engine's timer is never started in these tests; they call {@link #tick} instead. */
  private static final Waiter NO_TIMER =
      new Waiter() {
        @Override
        public void await(Duration atMost) {
          throw new UnsupportedOperationException("the timer does not run in these tests");
        }

        @Override
        public void wake() {}
      };
}

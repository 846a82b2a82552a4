package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import dev.tickr.check.StepResult;
import dev.tickr.check.Timings;
import dev.tickr.config.MonitorSpec;
import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.StateMachine;
import dev.tickr.incident.Verdict;
import dev.tickr.schedule.Scheduler;
import dev.tickr.schedule.Stalls;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.ResultSink;
import dev.tickr.time.Ticker;
import dev.tickr.types.MonitorTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planned check from end to end: observe, judge, feed the state machine, record. Knows the
 * current monitor specs, which a reload swaps.
 */
final class MonitorRunner implements Scheduler.Runner {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorRunner.class);
  private final Clock clock;
  private final Ticker ticker;
  private final MonitorTypes types;
  private final Judge judge;
  private final IncidentTracker tracker;
  private final ResultSink store;
  private final Consumer<CheckRecord> observer;
  private final Stalls stalls;
  private final ResultListener results;
  private final ConnectivityGuard link;
  private final Holds holds;
  private final MetricSeries metrics;
  private final Map<String, MonitorSpec> specs = new ConcurrentHashMap<>();
  private volatile Set<String> configSecrets = Set.of();

  /** Where a monitor is held back when its target asks for time ({@code Retry-After}). */
  @FunctionalInterface
  interface Holds {
    void notBefore(String monitor, Instant time);
  }

  /** Hears every judged check, after the tracker has applied it. */
  @FunctionalInterface
  interface ResultListener {
    void checked(MonitorSpec spec, CheckResult result, Instant startedAt);
  }

  MonitorRunner(
      Clock clock,
      Ticker ticker,
      MonitorTypes types,
      Judge judge,
      IncidentTracker tracker,
      ResultSink store,
      Consumer<CheckRecord> observer,
      Stalls stalls,
      ResultListener results,
      ConnectivityGuard link,
      Holds holds,
      MetricSeries metrics) {
    this.clock = clock;
    this.ticker = ticker;
    this.types = types;
    this.judge = judge;
    this.tracker = tracker;
    this.store = store;
    this.observer = observer;
    this.stalls = stalls;
    this.results = results;
    this.link = link;
    this.holds = holds;
    this.metrics = metrics;
  }

  /** The config's {@code ${NAME}} values, masked wherever a failure's evidence echoes them. */
  void secrets(Set<String> values) {
    configSecrets = Set.copyOf(values);
  }

  void put(MonitorSpec spec) {
    specs.put(spec.name(), spec);
  }

  void remove(String name) {
    specs.remove(name);
  }

  @Override
  public void run(String monitor, Instant planned) {
    MonitorSpec spec = specs.get(monitor);
    if (spec == null) {
      return; // removed by a reload while this run was queued
    }
    runNow(spec, planned);
  }

  /** Runs one check of the monitor at once; returns what it found. */
  CheckResult runNow(MonitorSpec spec, Instant planned) {
    Instant started = clock.instant();
    long startNanos = ticker.nanos();
    Observation observation = types.observe(spec, Deadline.after(spec.timeout(), ticker));
    long endNanos = ticker.nanos();
    Integer status = observation.status();
    if (status != null && (status == 429 || status == 503)) {
      holdBack(spec, observation);
    }
    CheckResult result =
        judge.judge(
            observation, spec.conditions(), spec.reasons(), metrics.plan(spec, observation));
    Verdict verdict = Judgement.verdict(result, spec);
    Outcome outcome;
    if (verdict == Verdict.OK) {
      outcome = Outcome.ok(started);
    } else {
      Set<String> secrets = secrets(spec);
      Duration stall = stalls.stalledDuring(startNanos, endNanos);
      if (Judgement.explainedByStall(result, spec.conditions(), spec.timeout(), stall)) {
        outcome = Judgement.scrubbed(Judgement.inconclusive(started, result, stall), secrets);
        verdict = outcome.verdict();
      } else if (Judgement.unreached(result) && link.explains(startNanos, endNanos)) {
        outcome = Judgement.scrubbed(Judgement.offline(started, result), secrets);
        verdict = outcome.verdict();
      } else {
        outcome = Judgement.outcome(started, result, verdict, secrets);
      }
    }
    Timings t = observation.timings();
    CheckRecord record =
        new CheckRecord(
            spec.name(),
            planned,
            started,
            t.total(),
            t.dns(),
            t.connect(),
            t.tls(),
            t.ttfb(),
            observation.status(),
            verdict,
            outcome.reason(),
            outcome.detail(),
            observation.steps().isEmpty() ? List.of() : masked(observation.steps(), spec),
            observation.measures());
    settle(spec, outcome, record, result);
    return result;
  }

  /** The target said "too many requests": its next check waits for its {@code Retry-After}. */
  private void holdBack(MonitorSpec spec, Observation observation) {
    Instant now = clock.instant();
    Duration delay = RetryAfter.delay(observation, now, spec.limits().retryAfterMax());
    if (delay != null) {
      Instant until = now.plus(delay);
      holds.notBefore(spec.name(), until);
      LOG.info(
          "monitor={} status={} next check not before {} (Retry-After {} s)",
          spec.name(),
          observation.status(),
          LocalTime.ofInstant(until, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
          delay.toSeconds());
    }
  }

  /**
   * Probes and judges once, as {@link #runNow} would, but records, counts and tells nothing: for
   * settings being tried out before they are saved.
   *
   * @param secrets values to mask besides the request's own credentials and the config's, such as
   *     what the monitor's {@code ${NAME}}s stand for
   */
  Trial trial(MonitorSpec spec, Set<String> secrets) {
    Observation observation = types.observe(spec, Deadline.after(spec.timeout(), ticker));
    CheckResult result =
        judge.judge(
            observation, spec.conditions(), spec.reasons(), metrics.plan(spec, observation));
    Verdict verdict = Judgement.verdict(result, spec);
    Set<String> hidden = new HashSet<>(secrets(spec));
    hidden.addAll(secrets);
    Evidence evidence = Judgement.evidence(observation, hidden);
    return new Trial(result, verdict, evidence, hidden);
  }

  /**
   * Feeds an outcome to the state machine, then stores its record and tells the listeners: the one
   * path every result takes, probed or pinged.
   *
   * @param result the judged check, {@code null} for a result that no probe made (a ping)
   */
  void settle(MonitorSpec spec, Outcome outcome, CheckRecord record, @Nullable CheckResult result) {
    tracker.apply(
        spec.name(),
        outcome,
        new StateMachine.Thresholds(spec.failureThreshold(), spec.successThreshold()));
    store.append(record);
    if (result != null) {
      metrics.record(spec, record.startedAt(), result.metrics());
      results.checked(spec, result, record.startedAt());
    }
    observer.accept(record);
  }

  /** A flow's steps as they are kept: every secret of the monitor and the config masked. */
  private List<StepResult> masked(List<StepResult> steps, MonitorSpec spec) {
    Set<String> secrets = secrets(spec);
    return steps.stream().map(s -> s.masked(t -> Redaction.scrubShortened(t, secrets))).toList();
  }

  /** The config's {@code ${NAME}} values. */
  Set<String> configSecrets() {
    return configSecrets;
  }

  /** What a failure's evidence must not show: the request's own secrets and the config's. */
  private Set<String> secrets(MonitorSpec spec) {
    Set<String> config = configSecrets;
    Set<String> own = spec.settings().secretValues();
    if (own.isEmpty()) {
      return config;
    }
    Set<String> out = new HashSet<>(own);
    out.addAll(config);
    return out;
  }
}

package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Judge;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.Body;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.PushedSettings;
import dev.tickr.heartbeat.Ping;
import dev.tickr.heartbeat.PingVolume;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume of heartbeats' pings: each heartbeat with {@code conditions} or a {@code count} field
 * counts its success pings and the counts they carry ({@link PingVolume}); as each UTC hour ends,
 * its totals become the metrics {@code pings} and {@code count}, stored as series (at the hour's
 * last millisecond) and judged by the monitor's conditions, so {@code baseline(pings, 4w)} compares
 * the hour with the same hour of the weeks before, exactly. A failed judgement is a failure of the
 * monitor through {@link MonitorRunner#settle}; while it stands, a success ping is one too, so the
 * incident closes at the first ping after an hour that holds. A judgement that holds is no result:
 * pings are. The first hour judged is the first one wholly seen (an hour half seen would look like
 * a drop).
 */
final class HeartbeatVolumes {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatVolumes.class);
  private static final URI PUSHED = URI.create("tickr:heartbeat");

  private final Clock clock;
  private final MonitorRunner runner;
  private final MetricSeries series;
  private final Map<String, Volume> volumes = new ConcurrentHashMap<>();

  /**
   * What the last judgement of a heartbeat's volume found.
   *
   * @param judged whether the conditions were judged (false while the first hour is measured)
   * @param notes what held only for want of history, or why nothing was judged yet
   * @param failure the judgement's failure, {@code null} when it held
   */
  record Reading(
      Instant at,
      long pings,
      double count,
      boolean judged,
      List<String> notes,
      @Nullable Outcome failure) {}

  /** What a ping counts: its number ({@code null} for none), or a bad count. */
  record Count(@Nullable Double value, boolean bad) {
    static final Count NONE = new Count(null, false);
    static final Count BAD = new Count(null, true);
  }

  /** One heartbeat's pings of the last hour and its last judgement. */
  private static final class Volume {
    final MonitorSpec spec;
    final PingVolume pings;
    final Instant since;
    volatile Instant next;
    volatile Reading last;

    Volume(MonitorSpec spec, PingVolume pings, Instant since, Reading last) {
      this.spec = spec;
      this.pings = pings;
      this.since = since;
      this.next = firstHour(since).plus(PingVolume.WINDOW);
      this.last = last;
    }
  }

  HeartbeatVolumes(Clock clock, MonitorRunner runner, MetricSeries series) {
    this.clock = clock;
    this.runner = runner;
    this.series = series;
  }

  /**
   * Measures a heartbeat's volume when it has conditions or a count field; a changed one keeps the
   * pings counted so far.
   */
  void put(MonitorSpec spec) {
    if (!(spec.settings() instanceof PushedSettings hb)
        || (spec.conditions().isEmpty() && hb.count() == null)) {
      volumes.remove(spec.name());
      return;
    }
    Instant now = clock.instant();
    volumes.compute(
        spec.name(),
        (name, old) -> {
          PingVolume pings = old == null ? new PingVolume() : old.pings;
          Instant since = old == null ? now : old.since;
          Volume v = new Volume(spec, pings, since, old == null ? warmingUp(since, now) : old.last);
          if (old != null) {
            v.next = old.next; // an hour already judged is not judged again
          }
          return v;
        });
  }

  void remove(String monitor) {
    volumes.remove(monitor);
  }

  /**
   * The count {@code ping} carries: the URL's {@code ?count=}, else what the monitor's {@code
   * count} reads from the body, else a body that is only a number; {@link Count#BAD} when the
   * monitor's {@code count} finds no count in a body.
   */
  static Count count(PushedSettings settings, Ping ping, @Nullable Double query, Instant now) {
    if (query != null) {
      return new Count(query, false);
    }
    if (ping.body().isBlank()) {
      return Count.NONE;
    }
    MetricExpression field = settings.count();
    if (field == null) {
      Double plain = PingVolume.parse(ping.body());
      return plain == null ? Count.NONE : new Count(plain, false);
    }
    Body body =
        new Body(
            ping.body().getBytes(StandardCharsets.UTF_8),
            ping.bodyCut(),
            "application/json",
            StandardCharsets.UTF_8);
    Double read = field.read(observation(body, Map.of()), now, new StringBuilder());
    Double valid = read == null ? null : PingVolume.valid(read);
    return valid == null ? Count.BAD : new Count(valid, false);
  }

  /** Counts one success ping of {@code monitor}, if its volume is measured. */
  void add(String monitor, Instant at, @Nullable Double count) {
    Volume v = volumes.get(monitor);
    if (v != null) {
      v.pings.add(at, count);
    }
  }

  /**
   * A success ping's outcome while the monitor's volume is judged too low: a failure with the
   * judgement's reason and numbers; any other outcome as it is.
   */
  Outcome gate(String monitor, Outcome outcome) {
    Volume v = volumes.get(monitor);
    Outcome failure = v == null ? null : v.last.failure();
    if (failure == null || outcome.verdict() != Verdict.OK) {
      return outcome;
    }
    return new Outcome(
        outcome.at(),
        failure.verdict(),
        failure.reason(),
        "pinged, but the volume is still low: " + failure.detail(),
        Evidence.NONE);
  }

  /** The last judgement of a heartbeat's volume, if it is measured. */
  Optional<Reading> reading(String monitor) {
    return Optional.ofNullable(volumes.get(monitor)).map(v -> v.last);
  }

  /**
   * Judges the hour that just ended of every heartbeat whose next hour has ended (the daemon asks
   * every second); an hour missed while Tickr was stopped or stalled is not judged afterwards.
   *
   * @return how many judgements failed
   */
  int judge() {
    Instant now = clock.instant();
    Instant end = now.truncatedTo(ChronoUnit.HOURS);
    int failed = 0;
    for (Volume v : volumes.values()) {
      if (v.spec.paused() || now.isBefore(v.next)) {
        continue;
      }
      v.next = end.plus(PingVolume.WINDOW);
      if (judge(v, end.minusMillis(1))) {
        failed++;
      }
    }
    return failed;
  }

  /** Judges the UTC hour {@code at} is the last millisecond of. */
  private boolean judge(Volume v, Instant at) {
    PingVolume.Totals t = v.pings.lastHour(at);
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put("pings", (double) t.pings());
    measures.put("count", t.count());
    Observation o = observation(Body.EMPTY, measures);
    // Judged as of the hour's last millisecond: baseline() reads the same hour of earlier weeks.
    Judge judge = new Judge(Clock.fixed(at, ZoneOffset.UTC));
    CheckResult r = judge.judge(o, v.spec.conditions(), ReasonRules.NONE, series.plan(v.spec, o));
    Verdict verdict = Judgement.verdict(r, v.spec);
    if (!r.notes().equals(v.last.notes())) {
      r.notes().forEach(n -> LOG.info("monitor={} volume: {}", v.spec.name(), n));
    }
    if (verdict == Verdict.OK) {
      v.last = new Reading(at, t.pings(), t.count(), true, r.notes(), null);
      series.record(v.spec, at, r.metrics());
      return false;
    }
    Outcome judged = Judgement.outcome(at, r, verdict, runner.configSecrets());
    Reason reason = Objects.requireNonNullElse(judged.reason(), Reason.CONDITION);
    String detail = hour(at) + ": " + judged.detail();
    Outcome failure = new Outcome(at, judged.verdict(), reason, detail, Evidence.NONE);
    v.last = new Reading(at, t.pings(), t.count(), true, r.notes(), failure);
    CheckRecord record =
        new CheckRecord(
            v.spec.name(),
            at,
            at,
            Duration.ZERO,
            null,
            null,
            null,
            null,
            null,
            judged.verdict(),
            reason,
            detail);
    try {
      runner.settle(v.spec, failure, record, r);
    } catch (RuntimeException e) {
      LOG.error("monitor={} a heartbeat's volume could not be recorded", v.spec.name(), e);
    }
    return true;
  }

  /** {@code 14:00-15:00 UTC} for any instant of that hour. */
  private static String hour(Instant at) {
    var start = at.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toLocalTime();
    return start + "-" + start.plusHours(1) + " UTC";
  }

  /** The first UTC hour that starts at or after {@code since}. */
  private static Instant firstHour(Instant since) {
    Instant hour = since.truncatedTo(ChronoUnit.HOURS);
    return hour.equals(since) ? hour : hour.plus(PingVolume.WINDOW);
  }

  /** The reading while the first hour is measured: nothing judged yet, and when it will be. */
  private static Reading warmingUp(Instant since, Instant now) {
    Instant first = firstHour(since);
    String note =
        "not judged yet: pings are counted since "
            + since.atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.SECONDS)
            + " UTC; the first whole hour judged is "
            + hour(first);
    return new Reading(now, 0, 0, false, List.of(note), null);
  }

  private static Observation observation(Body body, Map<String, Double> measures) {
    return new Observation(
        PUSHED,
        true,
        null,
        null,
        null,
        Headers.NONE,
        body,
        Timings.totalOnly(Duration.ZERO),
        null,
        null,
        List.of(),
        null,
        List.of(),
        List.of(),
        measures);
  }
}

package dev.tickr.api;

import static dev.tickr.api.ApiHttp.publicBase;
import static dev.tickr.api.ApiHttp.putRatio;
import static dev.tickr.api.ApiHttp.putTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.Principal;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.documents.MonitorJson;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.report.StepsJson;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Pause;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.web.Access;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API's monitor objects for one request: what the live state and the store say, read once per
 * request, then each monitor's settings, state, open incident, uptime and (for a caller who may
 * write) a heartbeat's ping URL.
 */
final class MonitorViews {
  /** The field of a flow's last run in a monitor's JSON. */
  static final String LAST_RUN = "last_run";

  private final Store store;
  private final ApiMonitors api;
  private final Context ctx;
  private final Instant now;
  private final Map<String, MonitorStatus> statuses;
  private final Map<String, ShownState> shown;
  private @Nullable Map<String, Uptime> day;
  private @Nullable Map<String, Uptime> month;
  private final Map<String, String> pings;
  private final boolean mayWrite;
  private final boolean many;

  private final DaemonControl daemon;

  /**
   * @param many whether many monitors will be shown (their uptimes are read in one pass)
   */
  MonitorViews(
      DaemonControl daemon, Store store, ApiMonitors api, Clock clock, Context ctx, boolean many) {
    this.store = store;
    this.api = api;
    this.ctx = ctx;
    this.now = clock.instant();
    this.statuses = daemon.tracker().snapshot();
    this.daemon = daemon;
    this.shown = daemon.tracker().shown(now);
    this.pings = daemon.pingPaths();
    this.many = many;
    this.mayWrite = Access.principal(ctx).map(Principal::mayWrite).orElse(false);
  }

  /** The API's monitor object: its settings (secrets masked), state, incident and uptime. */
  ObjectNode monitor(MonitorSpec spec, Config config) {
    ObjectNode o;
    if (spec.source().equals(MonitorSpec.SOURCE_API)) {
      o =
          api.masked(spec.name())
              .orElseGet(() -> MonitorJson.of(spec, config.secretValues().values()));
      o.put("paused", spec.paused());
    } else {
      o = MonitorJson.of(spec, config.secretValues().values());
    }
    o.put("source", spec.source());
    RateLimitsJson.put(o, spec, daemon.heldUntil(spec.name()).orElse(null));
    MonitorStatus s = statuses.get(spec.name());
    ShownState shownState = shown.getOrDefault(spec.name(), ShownState.UNKNOWN);
    MonitorState state = shownState.state();
    Instant since = shownState.since();
    o.put("state", state.name());
    putTime(o, "since", since);
    putTime(o, "last_check", s == null ? null : s.lastCheck());
    putIncident(o, s == null ? null : s.incident());
    putUptime(o, spec.name());
    if (!many) {
      putLastRun(o, spec.name());
    }
    if (spec.pushed() && mayWrite) {
      // The URL holds the heartbeat's token: whoever has it reports the job's runs.
      String path = pings.get(spec.name());
      String base = publicBase(config.server(), ctx);
      if (path == null) {
        o.putNull("ping_url");
      } else {
        o.put("ping_url", base + path);
      }
    }
    Optional<Pause> pause = api.pause(spec.name());
    pause.ifPresent(p -> o.put("paused_by", p.by()));
    api.stored(spec.name())
        .ifPresent(
            d ->
                o.put("created_at", d.createdAt().toString())
                    .put("created_by", d.createdBy())
                    .put("updated_at", d.updatedAt().toString())
                    .put("updated_by", d.updatedBy()));
    return o;
  }

  private static void putIncident(ObjectNode o, @Nullable Incident open) {
    if (open == null) {
      o.putNull("incident");
    } else {
      o.putObject("incident")
          .put("id", open.id())
          .put("started_at", open.startedAt().toString())
          .put("reason", open.reason().code());
    }
  }

  /**
   * A flow's last run, {@code last_run: {started_at, verdict, steps, durations_s}}, when its last
   * stored result has steps; one indexed read, for one monitor asked about.
   */
  private void putLastRun(ObjectNode o, String name) {
    List<CheckRecord> last = store.results(name, Instant.EPOCH, now.plusMillis(1), 1, null);
    if (last.isEmpty() || (last.get(0).steps().isEmpty() && last.get(0).measures().isEmpty())) {
      return;
    }
    CheckRecord r = last.get(0);
    ObjectNode run = o.putObject(LAST_RUN);
    run.put("started_at", r.startedAt().toString()).put("verdict", r.verdict().name());
    StepsJson.put(run, r.steps(), r.measures());
  }

  private void putUptime(ObjectNode o, String name) {
    if (day == null && !many) {
      // One monitor: its own figures, not every monitor's.
      day = Map.of(name, store.uptime(name, now.minus(Duration.ofHours(24)), now));
      month = Map.of(name, store.uptime(name, now.minus(Duration.ofDays(30)), now));
    } else if (day == null) {
      day = store.uptimes(now.minus(Duration.ofHours(24)), now);
      month = store.uptimes(now.minus(Duration.ofDays(30)), now);
    }
    ObjectNode uptime = o.putObject("uptime");
    putRatio(uptime, "24h", day.getOrDefault(name, Uptime.NONE));
    putRatio(uptime, "30d", month == null ? Uptime.NONE : month.getOrDefault(name, Uptime.NONE));
  }
}

package dev.tickr.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Redaction;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.store.Store;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One monitor's page at {@code /monitors/{name}}, where people go when an endpoint misbehaves: what
 * it probes and its state ({@link MonitorHeader}); response time by phase ({@link MonitorSeries});
 * daily uptime and percentiles, the latest results ({@link MonitorHistory}); its incidents with
 * evidence and notes ({@link MonitorIncidents}); a flow's last run step by step ({@link
 * MonitorSteps}). Admins get pause/resume, check now, and for API monitors edit and delete, all
 * through the REST API. The script polls {@code /ui/monitors/{name}/live} for the state and latest
 * results. Secret values (the config's and those the target's URL and headers carry) are masked in
 * everything shown.
 */
final class MonitorPage {
  static final int LATEST = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A monitor as this request sees it: its settings, its live state and what to mask. */
  record Subject(
      MonitorSpec spec,
      MonitorState state,
      @Nullable Instant since,
      @Nullable Instant lastCheck,
      @Nullable Incident incident,
      Set<String> secrets,
      @Nullable Instant heldUntil) {

    String scrub(String text) {
      return Redaction.scrub(text, secrets);
    }

    /** The name as one URL path segment. */
    String path() {
      return Html.urlPart(spec.name());
    }
  }

  private final DaemonControl daemon;
  private final Clock clock;
  private final MonitorSeries series;
  private final MonitorHistory history;
  private final MonitorIncidents incidents;
  private final MonitorMetrics metrics;
  private final MonitorSteps steps;

  MonitorPage(DaemonControl daemon, Store store, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
    this.series = new MonitorSeries(store);
    this.history = new MonitorHistory(store);
    this.incidents = new MonitorIncidents(store, daemon::config);
    this.metrics = new MonitorMetrics(store.metricSeries());
    this.steps = new MonitorSteps(store);
  }

  void install(JavalinConfig config) {
    config.routes.get("/monitors/{name}", this::page);
    config.routes.get("/ui/monitors/{name}/live", this::live);
    config.routes.get(
        "/ui/monitors/{name}/series",
        ctx -> {
          Subject s = subject(ctx.pathParam("name")).orElse(null);
          series.answer(ctx, s, clock.instant());
        });
  }

  private void page(Context ctx) {
    String name = ctx.pathParam("name");
    Optional<Subject> found = subject(name);
    if (found.isEmpty()) {
      ctx.status(404);
      Layout.render(
          ctx,
          "No such monitor",
          Layout.Nav.NONE,
          "<h1>No such monitor</h1><p>There is no monitor named “"
              + Html.escape(name)
              + "”. It may have been renamed or deleted. <a href=\"/\">Back to the overview</a>"
              + "</p>");
      return;
    }
    Subject s = found.get();
    Instant now = clock.instant();
    boolean admin = Layout.canWrite(ctx);
    StringBuilder main = new StringBuilder(32_768);
    main.append("<link rel=\"stylesheet\" href=\"/assets/uPlot.min.css\">")
        .append("<div id=\"monitor\" data-monitor=\"")
        .append(Html.escape(s.spec.name()))
        .append("\" data-path=\"")
        .append(Html.escape(s.path()))
        .append("\"><div class=\"row\" style=\"justify-content:space-between\"><h1>")
        .append(Html.escape(s.spec.name()))
        .append("</h1><p class=\"live\" id=\"live\">Live: updates every 5 s")
        .append(" <time id=\"updated\"></time></p></div>")
        .append("<div id=\"status\">")
        .append(MonitorHeader.status(s))
        .append("</div>");
    MonitorHeader.facts(main, s);
    if (admin) {
      MonitorHeader.actions(main, s);
    }
    main.append("</div>");
    steps.section(main, s, now);
    series.section(main, s, now);
    metrics.section(main, s.spec.name(), MonitorMetrics.names(s.spec), now);
    history.uptime(main, s, now);
    incidents.section(main, s, now, admin);
    main.append("<section aria-labelledby=\"latest-h\"><h2 id=\"latest-h\">Latest results</h2>")
        .append(MonitorHistory.RESULTS_HEAD)
        .append("<tbody id=\"latest\">")
        .append(history.latest(s, now))
        .append("</tbody></table></section>");
    Layout.render(ctx, title(s), Layout.Nav.NONE, main.toString(), "uPlot.min.js", "monitor.js");
  }

  /** The state and latest results as JSON, for the page's live updates. */
  private void live(Context ctx) {
    Subject s =
        subject(ctx.pathParam("name"))
            .orElseThrow(() -> MonitorSeries.notFound(ctx.pathParam("name")));
    ObjectNode out = JSON.createObjectNode();
    Instant now = clock.instant();
    out.put("at", now.toString());
    out.put("state", s.state.name());
    out.put("title", title(s));
    out.put("status", MonitorHeader.status(s));
    out.put("latest", history.latest(s, now));
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  /** The monitor of this name with its live state; empty when there is none. */
  Optional<Subject> subject(String name) {
    Config config = daemon.config();
    Optional<MonitorSpec> found = config.monitor(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MonitorSpec spec = found.get();
    MonitorStatus st = daemon.tracker().snapshot().get(name);
    ShownState shown = daemon.tracker().shown(name, clock.instant());
    MonitorState state = shown.state();
    Instant since = shown.since();
    return Optional.of(
        new Subject(
            spec,
            state,
            since,
            st == null ? null : st.lastCheck(),
            st == null ? null : st.incident(),
            secrets(spec, config.secretValues().values()),
            daemon.heldUntil(name).orElse(null)));
  }

  private static Set<String> secrets(MonitorSpec spec, Collection<String> configured) {
    Set<String> out = new HashSet<>(configured);
    out.addAll(spec.settings().secretValues());
    return Set.copyOf(out);
  }

  private static String title(Subject s) {
    return s.state == MonitorState.DOWN ? "DOWN · " + s.spec.name() : s.spec.name();
  }
}

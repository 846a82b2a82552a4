package dev.tickr.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Redaction;
import dev.tickr.config.Config;
import dev.tickr.config.Endpoint;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.MonitorType;
import dev.tickr.daemon.Daemon;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One monitor's page at {@code /monitors/{name}}, where people go when an endpoint misbehaves: what
 * it probes and its state; response time by phase ({@link MonitorSeries}); daily uptime and
 * percentiles, the latest results ({@link MonitorHistory}); its incidents with evidence and notes
 * ({@link MonitorIncidents}). Admins get pause/resume, check now, and for API monitors edit and
 * delete, all through the REST API. The script polls {@code /ui/monitors/{name}/live} for the state
 * and latest results. Secret values (the config's and those the target's URL and headers carry) are
 * masked in everything shown.
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
      Set<String> secrets) {

    String scrub(String text) {
      return Redaction.scrub(text, secrets);
    }

    /** The name as one URL path segment. */
    String path() {
      return encode(spec.name());
    }
  }

  private final Daemon daemon;
  private final Store store;
  private final Clock clock;
  private final MonitorSeries series;
  private final MonitorHistory history;
  private final MonitorIncidents incidents;

  MonitorPage(Daemon daemon, Store store, Clock clock) {
    this.daemon = daemon;
    this.store = store;
    this.clock = clock;
    this.series = new MonitorSeries(store);
    this.history = new MonitorHistory(store);
    this.incidents = new MonitorIncidents(store);
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
        .append(status(s))
        .append("</div>");
    facts(main, s);
    if (admin) {
      actions(main, s);
    }
    main.append("</div>");
    series.section(main, s, now);
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
    out.put("status", status(s));
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
    MonitorState state = st == null ? MonitorState.PENDING : st.state();
    Instant since = st == null ? null : st.since();
    MaintenanceMark mark = store.maintenance().get(name);
    Instant now = clock.instant();
    if (mark != null && mark.covers(now) && state != MonitorState.PAUSED) {
      state = MonitorState.MAINTENANCE;
      since = mark.start();
    }
    return Optional.of(
        new Subject(
            spec,
            state,
            since,
            st == null ? null : st.lastCheck(),
            st == null ? null : st.incident(),
            secrets(spec, config.secretValues().values())));
  }

  private static Set<String> secrets(MonitorSpec spec, Collection<String> configured) {
    Set<String> out = new HashSet<>(configured);
    if (spec.target() instanceof Endpoint.Http http) {
      out.addAll(Redaction.secretsOf(http.target()));
    }
    return Set.copyOf(out);
  }

  private static String title(Subject s) {
    return s.state == MonitorState.DOWN ? "DOWN · " + s.spec.name() : s.spec.name();
  }

  /** The live part of the header: state, since when, last check, open incident. */
  static String status(Subject s) {
    StringBuilder html = new StringBuilder(512);
    html.append("<dl class=\"facts\"><div><dt>State</dt><dd><span class=\"state state-")
        .append(s.state.name())
        .append("\">")
        .append(s.state.name())
        .append("</span></dd></div><div><dt>Since</dt><dd>")
        .append(Layout.time(s.since))
        .append("</dd></div><div><dt>Last check</dt><dd>")
        .append(Layout.time(s.lastCheck))
        .append("</dd></div><div><dt>Open incident</dt><dd>");
    if (s.incident == null) {
      html.append("none");
    } else {
      html.append("<a href=\"#incident-")
          .append(s.incident.id())
          .append("\">#")
          .append(s.incident.id())
          .append(' ')
          .append(Html.escape(s.incident.reason().code()))
          .append("</a> since ")
          .append(Layout.time(s.incident.startedAt()));
    }
    return html.append("</dd></div></dl>").toString();
  }

  private static void facts(StringBuilder html, Subject s) {
    MonitorSpec spec = s.spec;
    html.append("<dl class=\"facts\"><div><dt>Type</dt><dd>")
        .append(Html.escape(spec.type().code()))
        .append("</dd></div><div><dt>Target</dt><dd><code>")
        .append(Html.escape(target(s)))
        .append("</code></dd></div><div><dt>")
        .append(spec.type() == MonitorType.HEARTBEAT ? "Period" : "Interval")
        .append("</dt><dd>")
        .append(Html.escape(Durations.format(spec.interval())));
    if (spec.type() != MonitorType.HEARTBEAT) {
      html.append(" (timeout ").append(Html.escape(Durations.format(spec.timeout()))).append(')');
    }
    html.append("</dd></div><div><dt>Source</dt><dd>");
    if (spec.source().equals(MonitorSpec.SOURCE_API)) {
      html.append("API");
    } else {
      html.append("YAML file");
      if (spec.line() > 0) {
        html.append(", line ").append(spec.line());
      }
    }
    html.append("</dd></div><div><dt>Tags</dt><dd>");
    if (spec.tags().isEmpty()) {
      html.append("<span class=\"muted\">none</span>");
    }
    for (int i = 0; i < spec.tags().size(); i++) {
      html.append(i > 0 ? ", " : "")
          .append("<a href=\"/?tag=")
          .append(Html.escape(encode(spec.tags().get(i))))
          .append("\">")
          .append(Html.escape(spec.tags().get(i)))
          .append("</a>");
    }
    html.append("</dd></div></dl>");
  }

  /** What is probed, with credentials and secret query values masked. */
  private static String target(Subject s) {
    return switch (s.spec.target()) {
      case Endpoint.Http http ->
          http.target().method() + " " + s.scrub(Redaction.url(http.target().url()));
      case Endpoint e -> s.scrub(e.describe());
    };
  }

  private static void actions(StringBuilder html, Subject s) {
    String api = "/api/v1/monitors/" + s.path();
    String name = s.spec.name();
    html.append("<div class=\"actions\">");
    if (s.state == MonitorState.PAUSED || s.spec.paused()) {
      button(html, "POST " + api + "/resume", "Resumed.", "Resume", "", "data-reload");
    } else {
      button(html, "POST " + api + "/pause", "Paused.", "Pause", "", "data-reload");
    }
    if (s.spec.type() != MonitorType.HEARTBEAT) {
      button(
          html, "POST " + api + "/check", "Checked.", "Check now", "primary", "id=\"check-now\"");
    }
    if (s.spec.source().equals(MonitorSpec.SOURCE_API)) {
      html.append("<a class=\"button\" href=\"/monitors/")
          .append(Html.escape(s.path()))
          .append("/edit\">Edit</a>");
      button(
          html,
          "DELETE " + api,
          "Deleted.",
          "Delete",
          "danger",
          "data-gone data-confirm=\""
              + Html.escape("Delete the monitor “" + name + "”? Its history stays.")
              + "\"");
    }
    html.append("</div><div id=\"check-result\" aria-live=\"polite\"></div>");
  }

  private static void button(
      StringBuilder html, String api, String done, String label, String css, String extra) {
    html.append("<button type=\"button\"");
    if (!css.isEmpty()) {
      html.append(" class=\"").append(css).append('"');
    }
    html.append(" data-api=\"")
        .append(Html.escape(api))
        .append("\" data-done=\"")
        .append(Html.escape(done))
        .append("\" ")
        .append(extra)
        .append('>')
        .append(Html.escape(label))
        .append("</button>");
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

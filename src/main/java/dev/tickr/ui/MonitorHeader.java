package dev.tickr.ui;

import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Revenue;
import dev.tickr.incident.MonitorState;
import dev.tickr.time.Durations;
import dev.tickr.web.Html;

/**
 * The top of a monitor's page: its live state (also sent to the page's script every few seconds),
 * what it probes with secrets masked, and an admin's buttons, which call the REST API.
 */
final class MonitorHeader {
  /** {@code 10:02:00}: seconds always shown, unlike {@code LocalTime.toString()}. */
  private static final java.time.format.DateTimeFormatter CLOCK =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

  private MonitorHeader() {}

  /** The live part of the header: state, since when, last check, open incident. */
  static String status(MonitorPage.Subject s) {
    StringBuilder html = new StringBuilder(512);
    html.append("<dl class=\"facts\"><div><dt>State</dt><dd><span class=\"state state-")
        .append(s.state().name())
        .append("\">")
        .append(s.state().name())
        .append("</span></dd></div><div><dt>Since</dt><dd>")
        .append(Layout.time(s.since()))
        .append("</dd></div><div><dt>Last check</dt><dd>")
        .append(Layout.time(s.lastCheck()))
        .append("</dd></div><div><dt>Open incident</dt><dd>");
    if (s.incident() == null) {
      html.append("none");
    } else {
      html.append("<a href=\"#incident-")
          .append(s.incident().id())
          .append("\">#")
          .append(s.incident().id())
          .append(' ')
          .append(Html.escape(s.incident().reason().code()))
          .append("</a> since ")
          .append(Layout.time(s.incident().startedAt()));
    }
    html.append("</dd></div>");
    if (s.heldUntil() != null) {
      html.append("<div><dt>Next check</dt><dd>not before ")
          .append(CLOCK.format(s.heldUntil()))
          .append(" UTC (the target asked for time: Retry-After)</dd></div>");
    }
    return html.append("</dl>").toString();
  }

  static void facts(StringBuilder html, MonitorPage.Subject s) {
    MonitorSpec spec = s.spec();
    html.append("<dl class=\"facts\"><div><dt>Type</dt><dd>")
        .append(Html.escape(spec.type().name()))
        .append("</dd></div>");
    if (spec.preset() != null) {
      html.append("<div><dt>Platform</dt><dd id=\"platform\">")
          .append(Html.escape(spec.preset().title()))
          .append(" <small>(preset <code>")
          .append(Html.escape(spec.preset().name()))
          .append("</code>, endpoint <code>")
          .append(Html.escape(spec.preset().endpoint()))
          .append("</code>)</small></dd></div>");
    }
    html.append("<div><dt>Target</dt><dd><code>")
        .append(Html.escape(target(s)))
        .append("</code></dd></div><div><dt>")
        .append(spec.pushed() ? "Period" : "Interval")
        .append("</dt><dd>")
        .append(Html.escape(Durations.format(spec.interval())));
    if (!spec.pushed()) {
      html.append(" (timeout ").append(Html.escape(Durations.format(spec.timeout()))).append(')');
    }
    if (spec.limits().stretch() != null) {
      html.append("</dd></div><div><dt>Quota</dt><dd>")
          .append(Html.escape(spec.limits().stretch().text()));
    }
    Revenue r = spec.revenue();
    if (r != null) {
      html.append("</dd></div><div><dt>Revenue</dt><dd id=\"revenue\">")
          .append(Html.escape(r.conversionsPerHour().text()))
          .append(" conversions/h × ")
          .append(Html.escape(r.payout().text()))
          .append(' ')
          .append(r.currency().getCurrencyCode());
      if (r.volumeFrom() != null) {
        html.append(", volume from ").append(Html.escape(r.volumeFrom()));
      }
      if (r.claimWithin() != null) {
        html.append(", claim within ").append(Html.escape(Durations.format(r.claimWithin())));
      }
      html.append(" <a href=\"/reports/impact\">outage impact</a>");
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
          .append(Html.escape(Html.urlPart(spec.tags().get(i))))
          .append("\">")
          .append(Html.escape(spec.tags().get(i)))
          .append("</a>");
    }
    html.append("</dd></div></dl>");
  }

  /** What is probed, with credentials and secret query values masked. */
  private static String target(MonitorPage.Subject s) {
    return s.scrub(s.spec().settings().describe());
  }

  static void actions(StringBuilder html, MonitorPage.Subject s) {
    String api = "/api/v1/monitors/" + s.path();
    String name = s.spec().name();
    html.append("<div class=\"actions\">");
    if (s.state() == MonitorState.PAUSED || s.spec().paused()) {
      button(html, "POST " + api + "/resume", "Resumed.", "Resume", "", "data-reload");
    } else {
      button(html, "POST " + api + "/pause", "Paused.", "Pause", "", "data-reload");
    }
    if (!s.spec().pushed()) {
      button(
          html, "POST " + api + "/check", "Checked.", "Check now", "primary", "id=\"check-now\"");
    }
    if (s.spec().source().equals(MonitorSpec.SOURCE_API)) {
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
}

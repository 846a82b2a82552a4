package dev.tickr.ui;

import dev.tickr.affiliate.ImpactText;
import dev.tickr.check.Reason;
import dev.tickr.check.ReasonHelp;
import dev.tickr.config.Config;
import dev.tickr.impact.ImpactReports;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.IncidentRow;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import dev.tickr.web.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A monitor's incidents on its page ({@code #incidents}), newest first: when, how long, why (with
 * what the reason means and what to check), who acknowledged it, the evidence the failing check saw
 * (status, headers, start of the body, as the API's incident answer gives it) and the notes. Admins
 * acknowledge an open incident and add notes through the REST API.
 */
final class MonitorIncidents {
  static final Duration PAST = Duration.ofDays(90);
  static final int MAX = 50;

  private final Store store;
  private final ImpactReports impact;
  private final Supplier<Config> config;

  MonitorIncidents(Store store, Supplier<Config> config) {
    this.store = store;
    this.impact = ImpactReports.over(store);
    this.config = config;
  }

  void section(StringBuilder html, MonitorPage.Subject s, Instant now, boolean admin) {
    List<Incident> all =
        new ArrayList<>(store.incidents(s.spec().name(), now.minus(PAST), now.plusSeconds(1)));
    Incident open = s.incident();
    if (open != null && all.stream().noneMatch(i -> i.id() == open.id())) {
      all.add(open);
    }
    all.sort(Comparator.comparing(Incident::startedAt).thenComparingLong(Incident::id).reversed());
    html.append("<section id=\"incidents\" aria-labelledby=\"incidents-h\">")
        .append("<h2 id=\"incidents-h\">Incidents</h2>");
    if (all.isEmpty()) {
      html.append("<p>No incidents in the last ").append(PAST.toDays()).append(" days.</p>");
    } else if (all.size() > MAX) {
      html.append("<p class=\"muted\">The newest ")
          .append(MAX)
          .append(" of ")
          .append(all.size())
          .append(" incidents in the last ")
          .append(PAST.toDays())
          .append(" days.</p>");
    }
    for (Incident i : all.subList(0, Math.min(MAX, all.size()))) {
      IncidentRow row =
          store.incidentRow(i.id()).orElseGet(() -> new IncidentRow(i, null, null, false));
      incident(html, s, row, now, admin);
    }
    html.append("</section>");
  }

  private void incident(
      StringBuilder html, MonitorPage.Subject s, IncidentRow row, Instant now, boolean admin) {
    Incident i = row.incident();
    String id = "incident-" + i.id();
    Instant end = i.endedAt() == null ? now : i.endedAt();
    html.append("<article class=\"card\" id=\"")
        .append(id)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-h\"><h3 id=\"")
        .append(id)
        .append("-h\">#")
        .append(i.id())
        .append(" <code>")
        .append(Html.escape(i.reason().code()))
        .append("</code> ")
        .append(
            i.open()
                ? "<span class=\"state state-DOWN\">open</span>"
                : "<span class=\"state state-UP\">resolved</span>")
        .append("</h3><dl class=\"facts\"><div><dt>Started</dt><dd>")
        .append(Layout.time(i.startedAt()))
        .append("</dd></div><div><dt>Ended</dt><dd>")
        .append(i.open() ? "open" : Layout.time(i.endedAt()))
        .append("</dd></div><div><dt>Duration</dt><dd>")
        .append(
            Durations.format(Duration.ofSeconds(Duration.between(i.startedAt(), end).toSeconds())))
        .append(i.open() ? " so far" : "")
        .append("</dd></div><div><dt>Acknowledged</dt><dd>");
    if (row.acknowledged()) {
      html.append("by ")
          .append(Html.escape(String.valueOf(row.acknowledgedBy())))
          .append(" at ")
          .append(Layout.time(row.acknowledgedAt()));
    } else {
      html.append("no");
    }
    html.append("</dd></div>");
    if (row.maintenance()) {
      html.append("<div><dt>Maintenance</dt><dd>opened during a maintenance window</dd></div>");
    }
    html.append("</dl><p>").append(Html.escape(s.scrub(i.detail()))).append("</p>");
    impact
        .window(config.get(), i, now)
        .ifPresent(
            w ->
                html.append("<p class=\"impact\"><a href=\"/reports/impact\">Outage impact</a>: ")
                    .append(Html.escape(ImpactText.summary(w)))
                    .append("</p>"));
    help(html, i.reason());
    evidence(html, s, i.evidence());
    notes(html, store.notes(i.id()));
    if (admin) {
      if (i.open() && !row.acknowledged()) {
        html.append("<div class=\"actions\"><button type=\"button\" data-api=\"POST")
            .append(" /api/v1/incidents/")
            .append(i.id())
            .append("/acknowledge\" data-done=\"Acknowledged.\" data-reload>Acknowledge")
            .append("</button></div>");
      }
      html.append("<details><summary>Add a note</summary><form class=\"add-note\"")
          .append(" method=\"post\" data-incident=\"")
          .append(i.id())
          .append("\"><div class=\"field\"><label for=\"note-")
          .append(i.id())
          .append("\">Note</label><textarea id=\"note-")
          .append(i.id())
          .append("\" name=\"text\" rows=\"3\" maxlength=\"10000\" required></textarea></div>")
          .append("<div class=\"field\"><label><input type=\"checkbox\" name=\"public\"> Public:")
          .append(" shown on status pages</label></div><button type=\"submit\">Add note</button>")
          .append("</form></details>");
    }
    html.append("</article>");
  }

  /** What the reason means and what to check first, one line each. */
  private static void help(StringBuilder html, Reason reason) {
    html.append("<dl class=\"facts reason-help\"><div><dt>Meaning</dt><dd>")
        .append(Html.escape(ReasonHelp.explanation(reason)))
        .append("</dd></div><div><dt>What to check</dt><dd>")
        .append(Html.escape(ReasonHelp.hint(reason)))
        .append("</dd></div></dl>");
  }

  private static void evidence(StringBuilder html, MonitorPage.Subject s, Evidence e) {
    html.append("<details><summary>Evidence</summary>");
    if (e.status() == null && e.headers().isEmpty() && e.bodyStart().isEmpty()) {
      html.append("<p>No response was received.</p></details>");
      return;
    }
    html.append("<p>HTTP status: ")
        .append(e.status() == null ? "none" : e.status().toString())
        .append("</p>");
    if (!e.headers().isEmpty()) {
      html.append("<table><caption class=\"sr-only\">Response headers</caption><thead><tr>")
          .append("<th scope=\"col\">Header</th><th scope=\"col\">Value</th></tr></thead><tbody>");
      for (Map.Entry<String, String> h : e.headers()) {
        html.append("<tr><td><code>")
            .append(Html.escape(h.getKey()))
            .append("</code></td><td><code>")
            .append(Html.escape(s.scrub(h.getValue())))
            .append("</code></td></tr>");
      }
      html.append("</tbody></table>");
    }
    if (!e.bodyStart().isEmpty()) {
      html.append("<p>Start of the body:</p><pre>")
          .append(Html.escape(s.scrub(e.bodyStart())))
          .append("</pre>");
    }
    html.append("</details>");
  }

  private static void notes(StringBuilder html, List<IncidentNote> notes) {
    if (notes.isEmpty()) {
      return;
    }
    html.append("<h4>Notes</h4><ul class=\"notes\">");
    for (IncidentNote n : notes) {
      html.append("<li class=\"note\"><p>")
          .append(Html.escape(n.text()))
          .append("</p><small>")
          .append(Html.escape(n.author()))
          .append(" · ")
          .append(Layout.time(n.at()))
          .append(" · ")
          .append(n.visible() ? "public: shown on status pages" : "internal")
          .append("</small></li>");
    }
    html.append("</ul>");
  }
}

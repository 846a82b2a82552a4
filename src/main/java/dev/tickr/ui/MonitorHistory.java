package dev.tickr.ui;

import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.DayUptime;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.web.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's past on its page: a bar of daily uptime over {@link #DAYS} UTC days, uptime and
 * latency percentiles over 24 h, 7 d, 30 d and 90 d, and the latest results.
 */
final class MonitorHistory {
  static final int DAYS = 90;

  static final String RESULTS_HEAD =
      "<table class=\"results\"><caption class=\"sr-only\">The latest "
          + MonitorPage.LATEST
          + " results, newest first</caption><thead><tr><th scope=\"col\">Time</th>"
          + "<th scope=\"col\">Verdict</th><th scope=\"col\" class=\"num\">HTTP status</th>"
          + "<th scope=\"col\" class=\"num\">Total</th><th scope=\"col\" class=\"num\">DNS</th>"
          + "<th scope=\"col\" class=\"num\">Connect</th><th scope=\"col\" class=\"num\">TLS</th>"
          + "<th scope=\"col\" class=\"num\">First byte</th><th scope=\"col\">Reason</th>"
          + "</tr></thead>";

  private static final List<Window> WINDOWS =
      List.of(
          new Window("24 h", Duration.ofHours(24)),
          new Window("7 d", Duration.ofDays(7)),
          new Window("30 d", Duration.ofDays(30)),
          new Window("90 d", Duration.ofDays(DAYS)));

  private record Window(String label, Duration span) {}

  private final Store store;

  MonitorHistory(Store store) {
    this.store = store;
  }

  /** The uptime section: the daily bar and the figures per window. */
  void uptime(StringBuilder html, MonitorPage.Subject s, Instant now) {
    String name = s.spec().name();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<LocalDate, DayUptime> days = new HashMap<>();
    for (DayUptime d :
        store
            .days(Set.of(name), first.atStartOfDay(ZoneOffset.UTC).toInstant())
            .getOrDefault(name, List.of())) {
      days.put(d.day(), d);
    }
    html.append("<section aria-labelledby=\"uptime-h\"><h2 id=\"uptime-h\">Uptime</h2>")
        .append("<ol class=\"bar\" aria-label=\"Uptime per UTC day, ")
        .append(first)
        .append(" to ")
        .append(today)
        .append("\">");
    for (int i = 0; i < DAYS; i++) {
      LocalDate day = first.plusDays(i);
      DayUptime d = days.get(day);
      String text = day + ": " + dayText(d);
      html.append("<li class=\"cell")
          .append(cell(d))
          .append("\" title=\"")
          .append(Html.escape(text))
          .append("\"><span class=\"sr-only\">")
          .append(Html.escape(text))
          .append("</span></li>");
    }
    html.append("</ol><p class=\"bar-legend muted\"><span>")
        .append(first)
        .append("</span><span>Green: 99.9 % or more · amber: 99 % or more · red: less · grey:")
        .append(" no checks</span><span>")
        .append(today)
        .append("</span></p>");
    html.append("<table class=\"figures\"><caption class=\"sr-only\">Uptime and response time")
        .append(" percentiles by window</caption><thead><tr><th scope=\"col\">Window</th>")
        .append("<th scope=\"col\" class=\"num\">Uptime</th>")
        .append("<th scope=\"col\" class=\"num\">Checks</th>")
        .append("<th scope=\"col\" class=\"num\">Failed</th>")
        .append("<th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p95</th>")
        .append("<th scope=\"col\" class=\"num\">p99</th></tr></thead><tbody>");
    for (Window w : WINDOWS) {
      Uptime u = store.uptime(name, now.minus(w.span), now);
      html.append("<tr><th scope=\"row\">Last ")
          .append(w.label)
          .append("</th><td class=\"num\">")
          .append(OverviewPage.percent(u))
          .append("</td><td class=\"num\">")
          .append(u.checks())
          .append("</td><td class=\"num\">")
          .append(u.failed())
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(u.p50()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(u.p95()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(u.p99()))
          .append("</td></tr>");
    }
    html.append("</tbody></table></section>");
  }

  private static String cell(@Nullable DayUptime d) {
    if (d == null || d.checks() == 0) {
      return "";
    }
    double r = d.ratio();
    return r >= 0.999 ? " ok" : r >= 0.99 ? " minor" : " major";
  }

  private static String dayText(@Nullable DayUptime d) {
    if (d == null || d.checks() == 0) {
      return "no checks";
    }
    return String.format(
        Locale.ROOT, "%.2f %% up, %d of %d checks failed", d.ratio() * 100, d.failed(), d.checks());
  }

  /** The rows of the latest results, newest first. */
  String latest(MonitorPage.Subject s, Instant now) {
    List<CheckRecord> results =
        store.results(s.spec().name(), Instant.MIN, now.plusSeconds(1), MonitorPage.LATEST, null);
    if (results.isEmpty()) {
      return "<tr><td colspan=\"9\">No results yet.</td></tr>";
    }
    StringBuilder html = new StringBuilder(results.size() * 400);
    for (CheckRecord r : results) {
      html.append("<tr><td>")
          .append(Layout.time(r.startedAt()))
          .append("</td><td><span class=\"state ")
          .append(verdictClass(r.verdict()))
          .append("\">")
          .append(r.verdict().name())
          .append("</span></td><td class=\"num\">")
          .append(r.status() == null ? "-" : r.status().toString())
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(r.total()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(r.dns()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(r.connect()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(r.tls()))
          .append("</td><td class=\"num\">")
          .append(MonitorSeries.ms(r.ttfb()))
          .append("</td><td>");
      if (r.reason() != null) {
        html.append("<code>").append(Html.escape(r.reason().code())).append("</code> ");
      }
      if (r.error() != null) {
        html.append(Html.escape(s.scrub(r.error())));
      }
      html.append("</td></tr>");
    }
    return html.toString();
  }

  static String verdictClass(Verdict v) {
    return switch (v) {
      case OK -> "state-UP";
      case DEGRADED -> "state-DEGRADED";
      case FAILED -> "state-DOWN";
      case INCONCLUSIVE -> "state-PENDING";
    };
  }
}

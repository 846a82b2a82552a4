package dev.tickr.ui;

import dev.tickr.affiliate.ImpactEstimate;
import dev.tickr.affiliate.ImpactEstimator;
import dev.tickr.affiliate.ImpactReport;
import dev.tickr.affiliate.ImpactWindow;
import dev.tickr.config.Config;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.impact.ImpactReports;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /reports/impact}: the outage-impact report of the running config as a table, one row per
 * window (its estimate, range and method, claim deadline), with links to each incident and to the
 * API's CSV for a claim.
 */
final class ImpactPage {
  private final DaemonControl daemon;
  private final ImpactReports reports;
  private final Clock clock;

  ImpactPage(DaemonControl daemon, Store store, Clock clock) {
    this.daemon = daemon;
    this.reports = ImpactReports.over(store);
    this.clock = clock;
  }

  void install(JavalinConfig config) {
    config.routes.get("/reports/impact", this::page);
  }

  private void page(Context ctx) {
    Duration since = since(ctx.queryParam("since"));
    Instant now = clock.instant();
    Config config = daemon.config();
    ImpactReport r =
        reports.report(config, null, now.minus(since), now, ImpactEstimator.CLAIM_WARNING);
    String period = Durations.format(since);
    StringBuilder h = new StringBuilder();
    h.append("<h1>Outage impact</h1><p>Outage windows of revenue-relevant monitors in the last ")
        .append(Html.escape(period))
        .append(", with the conversions and commission they are estimated to have put at risk. ")
        .append("<a href=\"/api/v1/reports/impact?format=csv&amp;since=")
        .append(Html.urlPart(period))
        .append("\">CSV for a claim</a></p>");
    if (r.monitors().isEmpty()) {
      h.append("<p>No monitor is revenue-relevant: give one <code>revenue:</code>.</p>");
    } else if (r.windows().isEmpty()) {
      h.append("<p>No outage windows in this period.</p>");
    } else {
      h.append("<table><thead><tr><th scope=\"col\">Monitor</th><th scope=\"col\">Window (UTC)")
          .append("</th><th scope=\"col\">Duration</th><th scope=\"col\">Reason</th>")
          .append("<th scope=\"col\">Expected conversions</th><th scope=\"col\">At risk</th>")
          .append("<th scope=\"col\">How</th><th scope=\"col\">Claim by</th></tr></thead><tbody>");
      for (ImpactWindow w : r.windows()) {
        row(h, w);
      }
      h.append("</tbody></table>");
    }
    for (ImpactWindow w : r.nearDeadline()) {
      h.append("<p class=\"warning\" role=\"alert\">")
          .append(Html.escape(w.monitor()))
          .append(" #")
          .append(w.incidentId())
          .append(" must be claimed soon.</p>");
    }
    Layout.render(ctx, "Outage impact", Layout.Nav.IMPACT, h.toString());
  }

  private static void row(StringBuilder h, ImpactWindow w) {
    ImpactEstimate e = w.estimate();
    h.append("<tr><td><a href=\"/monitors/")
        .append(Html.urlPart(w.monitor()))
        .append("#incident-")
        .append(w.incidentId())
        .append("\">")
        .append(Html.escape(w.monitor()))
        .append(" #")
        .append(w.incidentId())
        .append("</a></td><td>")
        .append(Layout.time(w.start()))
        .append(" to ")
        .append(Layout.time(w.end()))
        .append(w.ongoing() ? " (ongoing)" : "")
        .append("</td><td>")
        .append(Html.escape(Durations.format(w.duration())))
        .append("</td><td>")
        .append(Html.escape(String.join(", ", w.reasons())))
        .append("</td><td>")
        .append(
            e == null
                ? "–"
                : String.format(
                    java.util.Locale.ROOT,
                    "%.1f (%.1f–%.1f)",
                    e.conversions(),
                    e.conversionsLow(),
                    e.conversionsHigh()))
        .append("</td><td>")
        .append(e == null ? "–" : Html.escape(amount(w, e)))
        .append("</td><td>")
        .append(
            Html.escape(
                e == null
                    ? String.valueOf(w.noEstimate())
                    : e.conversionsMethod() + "; " + e.comparable()));
    for (String note : w.notes()) {
      h.append("<br>").append(Html.escape(note));
    }
    h.append("</td><td>");
    if (w.claim() != null) {
      h.append(Layout.time(w.claim().deadline()))
          .append(w.claim().warn() ? " <strong>soon</strong>" : "");
    } else {
      h.append("–");
    }
    h.append("</td></tr>");
  }

  private static String amount(ImpactWindow w, ImpactEstimate e) {
    String c = w.currency().getCurrencyCode();
    return String.format(
        java.util.Locale.ROOT, "%.2f %s (%.2f–%.2f)", e.amount(), c, e.amountLow(), e.amountHigh());
  }

  private static Duration since(@org.jspecify.annotations.Nullable String text) {
    if (text != null) {
      try {
        Duration d = Durations.parse(text);
        if (!d.isNegative() && !d.isZero() && d.compareTo(Duration.ofDays(400)) <= 0) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // the default period
      }
    }
    return Duration.ofDays(30);
  }
}

package dev.tickr.api;

import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.publicBase;

import dev.tickr.affiliate.ImpactCsv;
import dev.tickr.affiliate.ImpactEstimator;
import dev.tickr.affiliate.ImpactJson;
import dev.tickr.affiliate.ImpactReport;
import dev.tickr.config.Config;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.impact.ImpactReports;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /reports/impact}: the outage-impact report of the running config, as JSON or ({@code
 * format=csv}) the claim CSV.
 */
final class ReportRoutes {
  private final DaemonControl daemon;
  private final ImpactReports reports;
  private final Clock clock;

  ReportRoutes(DaemonControl daemon, Store store, Clock clock) {
    this.daemon = daemon;
    this.reports = ImpactReports.over(store);
    this.clock = clock;
  }

  void impact(Context ctx) {
    Duration since = duration(ctx, "since", Duration.ofDays(30));
    Duration warning = duration(ctx, "claim_warning", ImpactEstimator.CLAIM_WARNING);
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      throw ApiProblem.badRequest("format must be json or csv", "format");
    }
    Config config = daemon.config();
    String monitor = ctx.queryParam("monitor");
    if (monitor != null && config.monitor(monitor).map(m -> m.revenue() == null).orElse(true)) {
      throw ApiProblem.badRequest(
          "monitor: no revenue-relevant monitor \"" + monitor + "\"", "monitor");
    }
    Instant now = clock.instant();
    ImpactReport report = reports.report(config, monitor, now.minus(since), now, warning);
    String base = publicBase(config.server(), ctx);
    if ("csv".equals(format)) {
      ctx.status(200).contentType("text/csv; charset=utf-8").result(ImpactCsv.of(report, base));
    } else {
      json(ctx, 200, ImpactJson.of(report, base));
    }
  }

  private static Duration duration(Context ctx, String name, Duration fallback) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(text);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // the same answer as a duration of 0
    }
    throw ApiProblem.badRequest(
        name + " must be a duration like 30d or 12h, got \"" + text + "\"", name);
  }
}

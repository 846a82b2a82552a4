package dev.tickr.api;

import static dev.tickr.api.ApiHttp.DEFAULT_PAGE;
import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.MAX_PAGE;
import static dev.tickr.api.ApiHttp.instant;
import static dev.tickr.api.ApiHttp.integer;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.monitorOr404;
import static dev.tickr.api.ApiHttp.putRatio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.report.StepsJson;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.time.Durations;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's history: {@code /monitors/{name}/results} (each check, newest first, a page at a
 * time) and {@code /monitors/{name}/uptime} (uptime, percentiles and an SLA over a window).
 */
final class ResultRoutes {
  private final DaemonControl daemon;
  private final Store store;
  private final Clock clock;

  /** A stretch of time asked about. */
  private record Span(Instant from, Instant to) {}

  ResultRoutes(DaemonControl daemon, Store store, Clock clock) {
    this.daemon = daemon;
    this.store = store;
    this.clock = clock;
  }

  void results(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(daemon.config(), name);
    Instant now = clock.instant();
    Instant to = instant(ctx, "to", now);
    Instant from = instant(ctx, "from", to.minus(Duration.ofHours(24)));
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from must be before to", "from");
    }
    int limit = integer(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    String cursor = ctx.queryParam("cursor");
    Instant before = cursor == null ? null : instant(ctx, "cursor", now);
    List<CheckRecord> page = store.results(name, from, to, limit, before);
    ArrayNode list = JSON.createArrayNode();
    for (CheckRecord r : page) {
      ObjectNode o = list.addObject();
      o.put("started_at", r.startedAt().toString());
      o.put("planned_at", r.plannedAt().toString());
      o.put("verdict", r.verdict().name());
      if (r.status() == null) {
        o.putNull("status");
      } else {
        o.put("status", r.status());
      }
      if (r.reason() == null) {
        o.putNull("reason");
      } else {
        o.put("reason", r.reason().code());
      }
      if (r.error() == null) {
        o.putNull("error");
      } else {
        o.put("error", r.error());
      }
      ObjectNode t = o.putObject("timings_ms");
      putMillis(t, "dns", r.dns());
      putMillis(t, "connect", r.connect());
      putMillis(t, "tls", r.tls());
      putMillis(t, "ttfb", r.ttfb());
      putMillis(t, "total", r.total());
      StepsJson.put(o, r.steps(), r.measures());
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", name).put("from", from.toString()).put("to", to.toString());
    out.set("results", list);
    if (page.size() == limit) {
      out.put("next_cursor", page.get(page.size() - 1).startedAt().toString());
    } else {
      out.putNull("next_cursor");
    }
    json(ctx, 200, out);
  }

  private static void putMillis(ObjectNode o, String field, @Nullable Duration d) {
    if (d == null) {
      o.putNull(field);
    } else {
      o.put(field, d.toNanos() / 1_000_000.0);
    }
  }

  void uptime(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(daemon.config(), name);
    Instant now = clock.instant();
    Span span = span(ctx, now);
    Instant from = span.from();
    Instant to = span.to();
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from must be before to", "from");
    }
    Uptime u = store.uptime(name, from, to);
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", name).put("from", from.toString()).put("to", to.toString());
    out.put("checks", u.checks()).put("failed", u.failed()).put("degraded", u.degraded());
    putRatio(out, "uptime", u);
    putMillis(out, "p50_ms", u.p50());
    putMillis(out, "p95_ms", u.p95());
    putMillis(out, "p99_ms", u.p99());
    String slo = ctx.queryParam("slo");
    if (slo != null) {
      putSla(out, slo, u);
    }
    json(ctx, 200, out);
  }

  /** {@code ?window=} back from now, or {@code ?from=}/{@code ?to=} (30 days to now by default). */
  private static Span span(Context ctx, Instant now) {
    Instant to;
    Instant from;
    String window = ctx.queryParam("window");
    if (window != null) {
      if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
        throw ApiProblem.badRequest("give window or from/to, not both", "window");
      }
      Duration d;
      try {
        d = Durations.parse(window);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw ApiProblem.badRequest("window: " + e.getMessage(), "window");
      }
      if (d.isZero() || d.isNegative()) {
        throw ApiProblem.badRequest("window must be longer than 0", "window");
      }
      to = now;
      from = now.minus(d);
    } else {
      to = instant(ctx, "to", now);
      from = instant(ctx, "from", to.minus(Duration.ofDays(30)));
    }
    return new Span(from, to);
  }

  /** The SLA against a target percentage {@code ?slo=}: met, failures allowed and left. */
  private static void putSla(ObjectNode out, String slo, Uptime u) {
    double target;
    try {
      target = Double.parseDouble(slo);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("slo must be a number such as 99.9", "slo");
    }
    if (!(target > 0 && target <= 100)) {
      throw ApiProblem.badRequest("slo must be a percentage above 0 and at most 100", "slo");
    }
    ObjectNode sla = out.putObject("sla");
    sla.put("target_percent", target);
    if (u.checks() == 0) {
      sla.putNull("met");
      sla.putNull("allowed_failures");
    } else {
      long allowed = (long) Math.floor(u.checks() * (1 - target / 100) + 1e-9);
      sla.put("met", u.ratio() * 100 + 1e-9 >= target);
      sla.put("allowed_failures", allowed);
      sla.put("failures_left", Math.max(0, allowed - u.failed()));
    }
  }
}

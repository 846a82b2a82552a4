package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.instant;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.monitorOr404;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.store.MetricPoint;
import dev.tickr.store.MetricSeriesStore;
import dev.tickr.store.MetricSeriesStore.Resolution;
import dev.tickr.time.Durations;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** A monitor's extracted metric as a series: {@code /monitors/{name}/metrics/{metric}}. */
final class MetricRoutes {
  /** At most this many points an answer: a finer resolution over a longer span is refused. */
  static final int MAX_POINTS = 20_000;

  private final DaemonControl daemon;
  private final MetricSeriesStore series;
  private final Clock clock;

  MetricRoutes(DaemonControl daemon, MetricSeriesStore series, Clock clock) {
    this.daemon = daemon;
    this.series = series;
    this.clock = clock;
  }

  void series(Context ctx) {
    String name = ctx.pathParam("name");
    MonitorSpec spec = monitorOr404(daemon.config(), name);
    String metric = ctx.pathParam("metric");
    MetricExpression expression = spec.metrics().get(metric);
    boolean measured = spec.settings().measures().contains(metric);
    if (expression == null && !measured) {
      throw ApiProblem.notFound(
          "monitor \"" + name + "\" has no metric named \"" + metric + "\"" + known(spec));
    }
    Instant now = clock.instant();
    Instant to = instant(ctx, "to", now);
    Instant from = since(ctx, to);
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from must be before to", "from");
    }
    Resolution resolution = resolution(ctx, Duration.between(from, to));
    List<MetricPoint> points = series.series(name, metric, from, to, resolution);
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", name);
    out.put("metric", metric);
    out.put(
        "expression",
        expression == null
            ? "measured by the " + spec.type().name() + " monitor"
            : expression.text());
    out.put("resolution", resolution.name().toLowerCase(Locale.ROOT));
    out.put("from", from.toString());
    out.put("to", to.toString());
    ArrayNode list = out.putArray("points");
    for (MetricPoint p : points) {
      ObjectNode o = list.addObject();
      o.put("t", p.start().toString());
      o.put("count", p.count());
      o.put("mean", p.mean());
      o.put("min", p.min());
      o.put("max", p.max());
      o.put("sum", p.sum());
    }
    json(ctx, 200, out);
  }

  private static String known(MonitorSpec spec) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(spec.metrics().keySet());
    names.addAll(spec.settings().measures());
    return names.isEmpty()
        ? "; it declares none (metrics:)"
        : "; it declares " + String.join(", ", names);
  }

  /** {@code ?since=24h} back from {@code to}, else {@code ?from=}, else 24 hours. */
  private static Instant since(Context ctx, Instant to) {
    String since = ctx.queryParam("since");
    if (since == null) {
      return instant(ctx, "from", to.minus(Duration.ofHours(24)));
    }
    if (ctx.queryParam("from") != null) {
      throw ApiProblem.badRequest("give since or from, not both", "since");
    }
    Duration d;
    try {
      d = Durations.parse(since);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiProblem.badRequest("since: " + e.getMessage(), "since");
    }
    if (d.isZero() || d.isNegative()) {
      throw ApiProblem.badRequest("since must be longer than 0", "since");
    }
    return to.minus(d);
  }

  /** {@code ?resolution=raw|minute|hour|day}; by default the finest that stays readable. */
  private static Resolution resolution(Context ctx, Duration span) {
    String text = ctx.queryParam("resolution");
    if (text == null) {
      return span.compareTo(Duration.ofHours(6)) <= 0
          ? Resolution.RAW
          : span.compareTo(Duration.ofDays(2)) <= 0
              ? Resolution.MINUTE
              : span.compareTo(Duration.ofDays(30)) <= 0 ? Resolution.HOUR : Resolution.DAY;
    }
    Resolution r;
    try {
      r = Resolution.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          "resolution must be raw, minute, hour or day, got \"" + text + "\"", "resolution");
    }
    long width =
        switch (r) {
          case RAW, MINUTE -> 60_000;
          case HOUR -> 3_600_000;
          case DAY -> 86_400_000;
        };
    if (span.toMillis() / width > MAX_POINTS) {
      throw ApiProblem.badRequest(
          "too many points at resolution " + text + " over that span: at most " + MAX_POINTS,
          "resolution");
    }
    return r;
  }
}

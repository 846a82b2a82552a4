package dev.tickr.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.store.SeriesPoint;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.web.ApiProblem;
import dev.tickr.web.Html;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's response time by phase over a range, for the chart on its page: {@code GET
 * /ui/monitors/{name}/series?range=1h|24h|7d|30d} answers one column per phase (uPlot's shape), the
 * checks and failures per slice, and a summary in words that is also the chart's text alternative.
 * Every range has 120 to 288 slices; the store reads raw results for the hour and rollups for the
 * rest, so a month works after the raw results are pruned.
 */
final class MonitorSeries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The ranges offered, each with its slice width. */
  enum Range {
    HOUR("1h", "1 h", Duration.ofHours(1), Duration.ofSeconds(30)),
    DAY("24h", "24 h", Duration.ofHours(24), Duration.ofMinutes(5)),
    WEEK("7d", "7 d", Duration.ofDays(7), Duration.ofHours(1)),
    MONTH("30d", "30 d", Duration.ofDays(30), Duration.ofHours(4));

    static final Range DEFAULT = DAY;

    final String code;
    final String label;
    final Duration span;
    final Duration step;

    Range(String code, String label, Duration span, Duration step) {
      this.code = code;
      this.label = label;
      this.span = span;
      this.step = step;
    }

    int slices() {
      return (int) (span.toMillis() / step.toMillis());
    }

    /** The end of the last slice: the step boundary after {@code now}, so slices stay put. */
    Instant end(Instant now) {
      long step = this.step.toMillis();
      return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step + step);
    }

    static Optional<Range> of(String code) {
      for (Range r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** A range's figures: the slices, the whole range as one, and percentiles. */
  record Figures(
      Range range, Instant from, Instant to, List<SeriesPoint> points, SeriesPoint all, Uptime u) {

    /** The figures in one paragraph: the chart's text alternative. */
    String text() {
      StringBuilder t = new StringBuilder(256).append("Last ").append(range.label).append(": ");
      if (all.checks() == 0) {
        return t.append("no checks.").toString();
      }
      t.append(all.checks()).append(all.checks() == 1 ? " check, " : " checks, ");
      t.append(all.failed()).append(" failed");
      SeriesPoint last = null;
      for (SeriesPoint p : points) {
        if (p.failed() > 0) {
          last = p;
        }
      }
      if (last != null) {
        t.append(" (the last between ")
            .append(TIME.format(last.start()))
            .append(" and ")
            .append(TIME.format(last.start().plus(range.step)))
            .append(')');
      }
      t.append(". Average ");
      t.append("DNS ").append(ms(all.dns()));
      t.append(", connect ").append(ms(all.connect()));
      t.append(", TLS ").append(ms(all.tls()));
      t.append(", first byte ").append(ms(all.ttfb()));
      t.append(", total ").append(ms(all.total()));
      t.append("; p50 ").append(ms(u.p50()));
      t.append(", p95 ").append(ms(u.p95()));
      t.append(", p99 ").append(ms(u.p99())).append('.');
      return t.toString();
    }
  }

  private final Store store;

  MonitorSeries(Store store) {
    this.store = store;
  }

  Figures figures(String monitor, Range range, Instant now) {
    Instant to = range.end(now);
    Instant from = to.minus(range.span);
    List<SeriesPoint> points = store.series(monitor, from, to, range.slices());
    List<SeriesPoint> whole = store.series(monitor, from, to, 1);
    SeriesPoint all =
        whole.isEmpty()
            ? new SeriesPoint(from, 0, 0, 0, null, null, null, null, null)
            : whole.get(0);
    return new Figures(range, from, to, points, all, store.uptime(monitor, from, to));
  }

  /** The chart's section: range switcher, chart, and the default range's summary in words. */
  void section(StringBuilder html, MonitorPage.Subject s, Instant now) {
    Figures f = figures(s.spec().name(), Range.DEFAULT, now);
    html.append(
            "<section aria-labelledby=\"chart-h\"><h2 id=\"chart-h\">Response time by phase</h2>")
        .append("<div class=\"range\" role=\"group\" aria-label=\"Time range\">");
    for (Range r : Range.values()) {
      html.append("<button type=\"button\" data-range=\"")
          .append(r.code)
          .append("\" aria-pressed=\"")
          .append(r == Range.DEFAULT)
          .append("\">")
          .append(r.label)
          .append("</button>");
    }
    html.append("</div><figure class=\"chart\"><div id=\"chart\"></div>")
        .append("<figcaption id=\"chart-summary\" aria-live=\"polite\">")
        .append(Html.escape(f.text()))
        .append("</figcaption></figure><noscript><p>The chart needs JavaScript; the sentence")
        .append(" above gives its figures in words.</p></noscript></section>");
  }

  /** Answers {@code GET /ui/monitors/{name}/series}. */
  void answer(Context ctx, MonitorPage.@Nullable Subject s, Instant now) {
    String code = ctx.queryParam("range");
    Range range =
        code == null
            ? Range.DEFAULT
            : Range.of(code)
                .orElseThrow(
                    () -> {
                      String detail = "range must be one of 1h, 24h, 7d, 30d, got \"" + code + "\"";
                      return new ApiProblem(
                          400,
                          "Bad request",
                          detail,
                          List.of(new ApiProblem.FieldError("range", detail)));
                    });
    if (s == null) {
      throw notFound(ctx.pathParam("name"));
    }
    Figures f = figures(s.spec().name(), range, now);
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", s.spec().name());
    out.put("range", range.code);
    out.put("from", f.from.toString());
    out.put("to", f.to.toString());
    out.put("step_s", range.step.toSeconds());
    ArrayNode t = out.putArray("t");
    f.points.forEach(p -> t.add(p.start().getEpochSecond()));
    column(out, "total", f.points, SeriesPoint::total);
    column(out, "dns", f.points, SeriesPoint::dns);
    column(out, "connect", f.points, SeriesPoint::connect);
    column(out, "tls", f.points, SeriesPoint::tls);
    column(out, "ttfb", f.points, SeriesPoint::ttfb);
    ArrayNode checks = out.putArray("checks");
    ArrayNode failed = out.putArray("failed");
    for (SeriesPoint p : f.points) {
      checks.add(p.checks());
      failed.add(p.failed());
    }
    ObjectNode summary = out.putObject("summary");
    summary.put("checks", f.all.checks()).put("failed", f.all.failed());
    ObjectNode avg = summary.putObject("avg_ms");
    putMs(avg, "dns", f.all.dns());
    putMs(avg, "connect", f.all.connect());
    putMs(avg, "tls", f.all.tls());
    putMs(avg, "ttfb", f.all.ttfb());
    putMs(avg, "total", f.all.total());
    putMs(summary, "p50_ms", f.u.p50());
    putMs(summary, "p95_ms", f.u.p95());
    putMs(summary, "p99_ms", f.u.p99());
    summary.put("text", f.text());
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  static ApiProblem notFound(String name) {
    return new ApiProblem(404, "Not found", "no monitor named \"" + name + "\"");
  }

  private static void column(
      ObjectNode out,
      String name,
      List<SeriesPoint> points,
      Function<SeriesPoint, @Nullable Duration> phase) {
    ArrayNode column = out.putArray(name);
    for (SeriesPoint p : points) {
      Duration d = phase.apply(p);
      if (d == null) {
        column.addNull();
      } else {
        column.add(millis(d));
      }
    }
  }

  private static void putMs(ObjectNode o, String field, @Nullable Duration d) {
    if (d == null) {
      o.putNull(field);
    } else {
      o.put(field, millis(d));
    }
  }

  /** Milliseconds to two decimals. */
  static double millis(Duration d) {
    return Math.round(d.toNanos() / 10_000.0) / 100.0;
  }

  /** A duration as people read it: "12 ms", "1.25 s"; "-" for none. */
  static String ms(@Nullable Duration d) {
    if (d == null) {
      return "-";
    }
    double ms = d.toNanos() / 1e6;
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    return ms < 10 && ms > 0
        ? String.format(Locale.ROOT, "%.1f ms", ms)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }
}

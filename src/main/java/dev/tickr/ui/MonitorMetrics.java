package dev.tickr.ui;

import dev.tickr.store.MetricPoint;
import dev.tickr.store.MetricSeriesStore;
import dev.tickr.web.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monitor page's section of extracted metrics ({@code metrics:}): for each, its hourly means
 * over the last 7 days as an inline SVG line, with the figures in words as its text alternative.
 * Nothing for a monitor without metrics.
 */
final class MonitorMetrics {
  static final Duration SPAN = Duration.ofDays(7);
  private static final int WIDTH = 600;
  private static final int HEIGHT = 120;

  private final MetricSeriesStore series;

  MonitorMetrics(MetricSeriesStore series) {
    this.series = series;
  }

  /** The metrics a monitor declares and those its type measures itself (a flow's durations). */
  static Map<String, ?> names(dev.tickr.config.MonitorSpec spec) {
    if (spec.settings().measures().isEmpty()) {
      return spec.metrics();
    }
    Map<String, Object> all = new java.util.LinkedHashMap<>(spec.metrics());
    spec.settings().measures().forEach(n -> all.putIfAbsent(n, n));
    return all;
  }

  void section(StringBuilder html, String monitor, Map<String, ?> metrics, Instant now) {
    if (metrics.isEmpty()) {
      return;
    }
    Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from = to.minus(SPAN);
    html.append("<section aria-labelledby=\"metrics-h\"><h2 id=\"metrics-h\">Metrics</h2>");
    for (Map.Entry<String, ?> e : metrics.entrySet()) {
      String name = e.getKey();
      List<MetricPoint> hours = series.hourly(monitor, name, from, to);
      String text = text(name, hours);
      html.append("<figure class=\"chart metric\"><figcaption><strong>")
          .append(Html.escape(name))
          .append("</strong> <code>")
          .append(Html.escape(String.valueOf(e.getValue())))
          .append("</code><br>")
          .append(Html.escape(text))
          .append("</figcaption>")
          .append(svg(hours, from, text))
          .append("</figure>");
    }
    html.append("</section>");
  }

  /** The figures in one sentence. */
  static String text(String name, List<MetricPoint> hours) {
    if (hours.isEmpty()) {
      return "No values of " + name + " in the last 7 days.";
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (MetricPoint p : hours) {
      low = Math.min(low, p.mean());
      high = Math.max(high, p.mean());
      sum += p.mean();
    }
    MetricPoint last = hours.get(hours.size() - 1);
    return String.format(
        Locale.ROOT,
        "Last 7 days, hourly means: latest %s (hour from %s), average %s, lowest %s, highest %s.",
        number(last.mean()),
        last.start(),
        number(sum / hours.size()),
        number(low),
        number(high));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String svg(List<MetricPoint> hours, Instant from, String label) {
    if (hours.isEmpty()) {
      return "";
    }
    double low = 0;
    double high = 0;
    for (MetricPoint p : hours) {
      low = Math.min(low, p.mean());
      high = Math.max(high, p.mean());
    }
    double range = high - low == 0 ? 1 : high - low;
    double slots = SPAN.toHours();
    StringBuilder points = new StringBuilder();
    for (MetricPoint p : hours) {
      double x = Duration.between(from, p.start()).toHours() / slots * WIDTH;
      double y = HEIGHT - 4 - (p.mean() - low) / range * (HEIGHT - 8);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return "<svg class=\"metric-line\" width=\"100%\" height=\""
        + HEIGHT
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + HEIGHT
        + "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\"><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\""
        + points.toString().strip()
        + "\"/></svg>";
  }
}

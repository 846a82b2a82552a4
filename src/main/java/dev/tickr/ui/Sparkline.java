package dev.tickr.ui;

import dev.tickr.web.Html;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's response time over 24 h as an inline SVG line of the slices' averages, with a text
 * alternative: a line through consecutive slices, a dot for a lone slice between gaps, "-" without
 * data.
 */
final class Sparkline {
  private static final int WIDTH = 120;
  private static final int HEIGHT = 24;
  private static final String NONE = "<span class=\"muted\">-</span>";

  private Sparkline() {}

  /** The sparkline of the slices' averages ({@code NaN} for a slice without checks). */
  static String svg(@Nullable List<Double> slices, String name) {
    if (slices == null) {
      return NONE;
    }
    double[] points = slices.stream().mapToDouble(Double::doubleValue).toArray();
    double max = 0;
    double sum = 0;
    int n = 0;
    for (double p : points) {
      if (!Double.isNaN(p)) {
        max = Math.max(max, p);
        sum += p;
        n++;
      }
    }
    if (n == 0) {
      return NONE;
    }
    String label =
        String.format(
            Locale.ROOT,
            "Response time of %s over 24 h: average %.0f ms, highest %.0f ms",
            name,
            sum / n,
            max);
    return "<svg class=\"spark\" width=\""
        + WIDTH
        + "\" height=\""
        + HEIGHT
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + HEIGHT
        + "\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\"><title>"
        + Html.escape(label)
        + "</title>"
        + shapes(points, max)
        + "</svg>";
  }

  /** A polyline for each run of slices with data, a circle for each lone one. */
  private static String shapes(double[] points, double max) {
    double step = (double) WIDTH / Math.max(1, points.length - 1);
    StringBuilder shapes = new StringBuilder(points.length * 14);
    StringBuilder line = new StringBuilder();
    int inLine = 0;
    for (int i = 0; i <= points.length; i++) {
      if (i < points.length && !Double.isNaN(points[i])) {
        double y = HEIGHT - 2 - (max == 0 ? 0 : points[i] / max * (HEIGHT - 4));
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
        inLine++;
        continue;
      }
      if (inLine == 1) { // a lone slice between gaps: a dot
        String[] xy = line.toString().strip().split(",");
        shapes.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]);
        shapes.append("\" r=\"1.8\"/>");
      } else if (inLine > 1) {
        shapes.append("<polyline points=\"").append(line.toString().strip()).append("\"/>");
      }
      line.setLength(0);
      inLine = 0;
    }
    return shapes.toString();
  }
}

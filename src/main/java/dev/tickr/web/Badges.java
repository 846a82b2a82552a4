package dev.tickr.web;

import dev.tickr.config.Config;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStates;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.HistoryStore;
import dev.tickr.store.Uptime;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * SVG badges, {@code /badge/<monitor>.svg}: a monitor's judged state and its 30-day uptime, for the
 * monitors a status page makes public; the same 404 for every other name.
 */
final class Badges {
  private static final String NO_BADGE =
      "no badge here: badges are /badge/<monitor>.svg, for the monitors status pages show\n";

  private final Supplier<Config> config;
  private final MonitorStates tracker;
  private final HistoryStore history;
  private final Clock clock;

  Badges(Supplier<Config> config, MonitorStates tracker, HistoryStore history, Clock clock) {
    this.config = config;
    this.tracker = tracker;
    this.history = history;
    this.clock = clock;
  }

  /** Answers {@code /badge/<monitor>.svg}. */
  void serve(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".svg")) {
      StatusPages.publicAnswer(ctx.status(404)).contentType("text/plain").result(NO_BADGE);
      return;
    }
    String name = file.substring(0, file.length() - 4);
    Config c = config.get();
    boolean shown = c.statusPages().stream().anyMatch(p -> p.monitors().contains(name));
    if (!shown) {
      // Only monitors a status page makes public have badges; the answer is the same whether
      // another monitor of that name exists or not, and does not repeat the name.
      StatusPages.publicAnswer(ctx.status(404)).contentType("text/plain").result(NO_BADGE);
      return;
    }
    // The badge shows the judged state, as it always has (not MAINTENANCE).
    MonitorStatus s = tracker.status(name);
    MonitorState state = s == null ? MonitorState.PENDING : s.state();
    Instant now = clock.instant();
    Uptime month = history.uptime(name, now.minus(Duration.ofDays(30)), now);
    String value =
        StatusPageView.stateText(state).toLowerCase(Locale.ROOT)
            + (month.checks() == 0
                ? ""
                : String.format(Locale.ROOT, " · %.2f%%", month.ratio() * 100));
    String colour =
        switch (state) {
          case UP -> "#1a7f37";
          case DOWN -> "#cf222e";
          case DEGRADED -> "#bf8700";
          case MAINTENANCE -> "#0550ae";
          default -> "#6e7781";
        };
    StatusPages.cacheable(ctx).contentType("image/svg+xml").result(svg(name, value, colour));
  }

  static String svg(String label, String value, String colour) {
    int left = 10 + 7 * label.length();
    int right = 10 + 7 * value.length();
    String l = Html.escape(label);
    String v = Html.escape(value);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + (left + right)
        + "\" height=\"20\" role=\"img\" aria-label=\""
        + l
        + ": "
        + v
        + "\"><title>"
        + l
        + ": "
        + v
        + "</title><rect width=\""
        + left
        + "\" height=\"20\" fill=\"#555\"/><rect x=\""
        + left
        + "\" width=\""
        + right
        + "\" height=\"20\" fill=\""
        + colour
        + "\"/><g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"5\" y=\"14\">"
        + l
        + "</text><text x=\""
        + (left + 5)
        + "\" y=\"14\">"
        + v
        + "</text></g></svg>";
  }
}

package dev.tickr.ui;

import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MaintenanceWindow.Once;
import dev.tickr.config.MaintenanceWindow.Span;
import dev.tickr.config.MaintenanceWindow.Weekly;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.time.Durations;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /maintenance}: the maintenance windows of the config file (read-only) and of the API
 * (deletable by admins), those in force now first, then the coming ones by their next start, then
 * the ended ones; and for admins a form that creates a window through {@code POST
 * /api/v1/maintenance} ({@code admin.js}), with the API's problems shown next to their fields.
 */
final class MaintenancePage {
  private final DaemonControl daemon;
  private final Clock clock;

  MaintenancePage(DaemonControl daemon, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
  }

  void install(JavalinConfig config) {
    config.routes.get("/maintenance", this::page);
  }

  /** A window as listed: when it is in force now, or next. */
  private record Listed(
      MaintenanceWindow window, boolean fromFile, Optional<Span> now, Optional<Span> next) {
    int rank() {
      return now.isPresent() ? 0 : next.isPresent() ? 1 : 2;
    }

    Instant when() {
      return now.map(Span::end).or(() -> next.map(Span::start)).orElse(Instant.MAX);
    }
  }

  private void page(Context ctx) {
    Instant now = clock.instant();
    Set<String> inFile = new HashSet<>();
    daemon.fileConfig().maintenance().forEach(w -> inFile.add(w.name()));
    List<Listed> windows = new ArrayList<>();
    for (MaintenanceWindow w : daemon.config().maintenance()) {
      windows.add(new Listed(w, inFile.contains(w.name()), w.spanAt(now), w.next(now)));
    }
    windows.sort(
        Comparator.comparingInt(Listed::rank)
            .thenComparing(Listed::when)
            .thenComparing(l -> l.window().name()));
    boolean admin = Layout.canWrite(ctx);
    StringBuilder h = new StringBuilder(8192 + windows.size() * 600);
    h.append("<h1>Maintenance</h1><p>While a monitor is in a maintenance window it is still")
        .append(" probed and its results and incidents are recorded, but nobody is alerted.</p>");
    List<String> active =
        windows.stream().filter(l -> l.now().isPresent()).map(l -> l.window().name()).toList();
    h.append("<p id=\"maintenance-summary\">");
    if (active.isEmpty()) {
      h.append("No window is in force now.");
    } else {
      h.append("<strong>In force now:</strong> ")
          .append(Html.escape(String.join(", ", active)))
          .append('.');
    }
    h.append("</p><h2 id=\"windows-title\">Windows</h2>");
    if (windows.isEmpty()) {
      h.append("<p class=\"muted\" id=\"no-windows\">There are no maintenance windows.</p>");
    } else {
      table(h, windows, admin);
    }
    if (admin) {
      form(h);
    }
    Layout.render(ctx, "Maintenance", Layout.Nav.MAINTENANCE, h.toString(), "admin.js");
  }

  private static void table(StringBuilder h, List<Listed> windows, boolean admin) {
    h.append("<table id=\"windows\" aria-labelledby=\"windows-title\"><thead><tr>")
        .append("<th scope=\"col\">Window</th><th scope=\"col\">Status</th>")
        .append("<th scope=\"col\">When</th><th scope=\"col\">Covers</th>")
        .append("<th scope=\"col\">Defined in</th></tr></thead><tbody>");
    for (Listed l : windows) {
      MaintenanceWindow w = l.window();
      String slug = Forms.slug(w.name());
      h.append("<tr id=\"window-")
          .append(slug)
          .append("\" data-source=\"")
          .append(l.fromFile() ? MonitorSpec.SOURCE_YAML : MonitorSpec.SOURCE_API)
          .append("\"><th scope=\"row\">")
          .append(Html.escape(w.name()))
          .append("</th><td>");
      if (l.now().isPresent()) {
        h.append("<span class=\"state state-MAINTENANCE\">In force</span> until ")
            .append(Layout.time(l.now().get().end()));
      } else if (l.next().isPresent()) {
        h.append("<span class=\"state state-PENDING\">Scheduled</span> next ")
            .append(Layout.time(l.next().get().start()))
            .append(" to ")
            .append(Layout.time(l.next().get().end()));
      } else {
        h.append("<span class=\"muted\">Ended</span>");
      }
      h.append("</td><td>").append(schedule(w)).append("</td><td>").append(covers(w));
      h.append("</td><td>");
      if (l.fromFile()) {
        h.append("tickr.yml").append(w.line() > 0 ? ", line " + w.line() : "");
        h.append(" <small class=\"muted\">(read-only here)</small>");
      } else {
        h.append("the API");
        if (admin) {
          h.append(" <button type=\"button\" class=\"danger\" id=\"delete-")
              .append(slug)
              .append("\" data-api=\"DELETE /api/v1/maintenance/")
              .append(Html.escape(Html.urlPart(w.name())))
              .append("\" data-confirm=\"Delete the maintenance window ")
              .append(Html.escape(w.name()))
              .append("?\" data-done=\"Deleted.\" data-reload>Delete<span class=\"sr-only\"> ")
              .append(Html.escape(w.name()))
              .append("</span></button>");
        }
      }
      h.append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  /** When a window happens, as a person reads it. */
  static String schedule(MaintenanceWindow w) {
    return switch (w.schedule()) {
      case Once once -> "once, " + Layout.time(once.start()) + " to " + Layout.time(once.end());
      case Weekly weekly -> {
        StringBuilder s = new StringBuilder("every ");
        if (weekly.days().size() == 7) {
          s.append("day");
        } else {
          List<String> days = new ArrayList<>();
          new TreeSet<>(weekly.days()).forEach(d -> days.add(dayName(d)));
          s.append(String.join(", ", days));
        }
        s.append(" from ").append(weekly.from());
        if (weekly.duration() != null) {
          s.append(" for ").append(Durations.format(weekly.duration()));
        } else {
          s.append(" to ").append(weekly.to());
        }
        String zone =
            weekly.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : weekly.zone().getId();
        s.append(" (").append(Html.escape(zone)).append(')');
        yield s.toString();
      }
    };
  }

  private static String covers(MaintenanceWindow w) {
    if (w.monitors().isEmpty() && w.tags().isEmpty()) {
      return "every monitor";
    }
    StringBuilder s = new StringBuilder();
    if (!w.monitors().isEmpty()) {
      s.append(Html.escape(String.join(", ", w.monitors())));
    }
    if (!w.tags().isEmpty()) {
      s.append(s.isEmpty() ? "" : "; ")
          .append("tags ")
          .append(Html.escape(String.join(", ", w.tags())));
    }
    return s.toString();
  }

  private static void form(StringBuilder h) {
    h.append("<h2 id=\"new-window-title\">New window</h2>");
    Forms.problems(h, "maintenance-problems");
    h.append("<form id=\"maintenance-form\" novalidate aria-labelledby=\"new-window-title\">");
    Forms.input(
        h,
        "name",
        "Name",
        "text",
        "",
        "Unique, e.g. <code>db-upgrade</code>.",
        "required autocomplete=\"off\"");
    h.append("<div class=\"row\">");
    Forms.input(
        h,
        "monitors",
        "Monitors",
        "text",
        "",
        "Names, comma-separated.",
        "autocomplete=\"off\" placeholder=\"offers-api, postback\"");
    Forms.input(
        h,
        "tags",
        "Tags",
        "text",
        "",
        "Monitors with any of these tags, comma-separated. With neither, every monitor.",
        "autocomplete=\"off\"");
    h.append("</div><fieldset id=\"kind\"><legend>When</legend>")
        .append("<div><input type=\"radio\" name=\"kind\" id=\"kind-once\" value=\"once\" checked>")
        .append(" <label for=\"kind-once\">Once</label></div>")
        .append("<div><input type=\"radio\" name=\"kind\" id=\"kind-weekly\" value=\"weekly\">")
        .append(" <label for=\"kind-weekly\">Every week</label></div>")
        .append("<div class=\"row\" data-kind=\"once\">");
    Forms.input(h, "start", "Start", "datetime-local", "", "Your browser's local time.", "");
    Forms.input(h, "end", "End", "datetime-local", "", "Or give a duration instead.", "");
    h.append("</div><div class=\"row\" data-kind=\"weekly\" hidden>");
    Forms.input(
        h,
        "every",
        "Days",
        "text",
        "",
        "<code>day</code>, a weekday, <code>monday..friday</code>, or several, comma-separated.",
        "placeholder=\"sunday\" autocomplete=\"off\"");
    Forms.input(h, "from", "From", "time", "", "Local time in the time zone.", "");
    Forms.input(h, "to", "To", "time", "", "Or give a duration instead.", "");
    Forms.input(
        h,
        "timezone",
        "Time zone",
        "text",
        "UTC",
        "An IANA zone such as <code>Europe/Berlin</code>.",
        "autocomplete=\"off\"");
    h.append("</div>");
    Forms.input(
        h,
        "duration",
        "Duration",
        "text",
        "",
        "How long, e.g. <code>2h</code> (instead of an end).",
        "placeholder=\"2h\" autocomplete=\"off\"");
    h.append("</fieldset><div class=\"actions\"><button type=\"submit\" id=\"create-window\"")
        .append(" class=\"primary\">Create window</button></div></form>");
  }

  /** Day names as {@code every:} takes them, for hints and tests. */
  static String dayName(DayOfWeek d) {
    return d.name().toLowerCase(Locale.ROOT);
  }
}

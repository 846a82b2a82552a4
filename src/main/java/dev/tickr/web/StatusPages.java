package dev.tickr.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.DayUptime;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public status pages ({@code /status/<slug>}, and {@code /status/<slug>.json}), their index at
 * {@code /status}, and SVG badges ({@code /badge/<monitor>.svg}) of the monitors they show. What a
 * page shows is public by design: a monitor's name, state, daily uptime, incidents (when and how
 * long, not why) and their public notes, scheduled maintenance. Never a URL, header, body, reason
 * or error. Pages work without JavaScript and are cached for {@link #CACHE_FOR}, so heavy traffic
 * costs one rendering per page every few seconds.
 */
public final class StatusPages {
  static final Duration CACHE_FOR = Duration.ofSeconds(10);
  static final int DAYS = 90;
  static final Duration PAST_INCIDENTS = Duration.ofDays(14);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A page's data at one moment, rendered both ways. */
  private record Rendered(Instant at, String html, String json) {}

  private record Row(String name, MonitorState state, List<Double> days, double uptime) {}

  private final Supplier<Config> config;
  private final Supplier<Map<String, MonitorStatus>> statuses;
  private final Store store;
  private final Clock clock;
  private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

  public StatusPages(
      Supplier<Config> config,
      Supplier<Map<String, MonitorStatus>> statuses,
      Store store,
      Clock clock) {
    this.config = config;
    this.statuses = statuses;
    this.store = store;
    this.clock = clock;
  }

  public void install(JavalinConfig javalin) {
    javalin.routes.get("/status", this::index);
    javalin.routes.get("/status/{slug}", this::page);
    javalin.routes.get("/badge/{file}", this::badge);
  }

  private void index(Context ctx) {
    StringBuilder html = head("Status pages");
    html.append("<main><h1>Status pages</h1><ul>");
    for (StatusPageSpec p : config.get().statusPages()) {
      html.append("<li><a href=\"/status/")
          .append(Html.escape(p.slug()))
          .append("\">")
          .append(Html.escape(p.title()))
          .append("</a></li>");
    }
    html.append("</ul></main></body></html>");
    cacheable(ctx).html(html.toString());
  }

  private void page(Context ctx) {
    String slug = ctx.pathParam("slug");
    boolean json = slug.endsWith(".json");
    if (json) {
      slug = slug.substring(0, slug.length() - ".json".length());
    }
    String wanted = slug;
    StatusPageSpec spec = config.get().statusPage(wanted).orElse(null);
    if (spec == null) {
      ctx.status(404).html(head("Not found") + "<main><h1>No such status page</h1></main>");
      return;
    }
    Instant now = clock.instant();
    Rendered r = cache.get(slug);
    if (r == null || !now.isBefore(r.at().plus(CACHE_FOR))) {
      r = render(spec, now);
      cache.put(slug, r);
    }
    if (json) {
      cacheable(ctx).contentType("application/json").result(r.json());
    } else {
      cacheable(ctx).html(r.html());
    }
  }

  private static Context cacheable(Context ctx) {
    return ctx.header("Cache-Control", "public, max-age=" + CACHE_FOR.toSeconds());
  }

  /** The groups of a page: its {@code groups} when set, else one unnamed group of all. */
  private static Map<String, List<String>> groups(StatusPageSpec spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Object raw = spec.settings().get("groups");
    Set<String> placed = new LinkedHashSet<>();
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> group
            && group.get("name") instanceof String name
            && group.get("monitors") instanceof List<?> names) {
          List<String> members = new ArrayList<>();
          for (Object n : names) {
            if (n instanceof String s && spec.monitors().contains(s) && placed.add(s)) {
              members.add(s);
            }
          }
          out.put(name, members);
        }
      }
    }
    List<String> rest = spec.monitors().stream().filter(m -> !placed.contains(m)).toList();
    if (!rest.isEmpty()) {
      out.put(out.isEmpty() ? "" : "Other", rest);
    }
    return out;
  }

  private Rendered render(StatusPageSpec spec, Instant now) {
    Map<String, MonitorStatus> live = statuses.get();
    Map<String, MaintenanceMark> marks = store.maintenance();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<String, List<DayUptime>> days =
        store.days(spec.monitors(), first.atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<String, Row> rows = new HashMap<>();
    for (String name : spec.monitors()) {
      MonitorStatus s = live.get(name);
      MonitorState state = s == null ? MonitorState.PENDING : s.state();
      MaintenanceMark mark = marks.get(name);
      if (mark != null && mark.covers(now) && state != MonitorState.PAUSED) {
        state = MonitorState.MAINTENANCE;
      }
      Map<LocalDate, DayUptime> byDay = new HashMap<>();
      long checks = 0;
      long failed = 0;
      for (DayUptime d : days.getOrDefault(name, List.of())) {
        byDay.put(d.day(), d);
        checks += d.checks();
        failed += d.failed();
      }
      List<Double> cells = new ArrayList<>(DAYS);
      for (int i = 0; i < DAYS; i++) {
        DayUptime d = byDay.get(first.plusDays(i));
        cells.add(d == null ? Double.NaN : d.ratio());
      }
      double uptime = checks == 0 ? Double.NaN : (double) (checks - failed) / checks;
      rows.put(name, new Row(name, state, cells, uptime));
    }
    List<Incident> incidents = new ArrayList<>();
    for (String name : spec.monitors()) {
      incidents.addAll(store.incidents(name, now.minus(PAST_INCIDENTS), now.plusSeconds(1)));
      MonitorStatus s = live.get(name);
      if (s != null
          && s.incident() != null
          && incidents.stream().noneMatch(i -> i.id() == s.incident().id())) {
        incidents.add(s.incident());
      }
    }
    incidents.sort(Comparator.comparing(Incident::startedAt).reversed());
    Map<Long, List<IncidentNote>> notes = new HashMap<>();
    for (Incident i : incidents) {
      notes.put(i.id(), store.notes(i.id()).stream().filter(IncidentNote::visible).toList());
    }
    String overall = overall(rows.values());
    Map<String, List<String>> groups = groups(spec);
    return new Rendered(
        now,
        html(spec, groups, rows, incidents, notes, overall, first, now),
        json(spec, groups, rows, incidents, notes, overall, first, now));
  }

  /** One word for the page: {@code operational}, {@code degraded}, {@code outage}, ... */
  private static String overall(java.util.Collection<Row> rows) {
    if (rows.stream().anyMatch(r -> r.state() == MonitorState.DOWN)) {
      return "outage";
    }
    if (rows.stream().anyMatch(r -> r.state() == MonitorState.DEGRADED)) {
      return "degraded";
    }
    if (rows.stream().anyMatch(r -> r.state() == MonitorState.MAINTENANCE)) {
      return "maintenance";
    }
    return "operational";
  }

  private static String banner(String overall) {
    return switch (overall) {
      case "outage" -> "Some systems are down";
      case "degraded" -> "Some systems are degraded";
      case "maintenance" -> "Scheduled maintenance in progress";
      default -> "All systems operational";
    };
  }

  private static String stateText(MonitorState s) {
    return switch (s) {
      case UP -> "Operational";
      case DOWN -> "Down";
      case DEGRADED -> "Degraded";
      case MAINTENANCE -> "Maintenance";
      case PAUSED -> "Paused";
      case PENDING -> "No data yet";
    };
  }

  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "no data" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  private static String cell(double ratio) {
    if (Double.isNaN(ratio)) {
      return "none";
    }
    if (ratio >= 0.999) {
      return "good";
    }
    return ratio >= 0.99 ? "fair" : "poor";
  }

  /**
   * The daily bars in words, for screen readers (the cells' colours and titles are hidden inside
   * the image): how many days have data, and the latest days below {@code good}.
   */
  static String barLabel(String name, List<Double> days, LocalDate first) {
    int measured = 0;
    List<String> below = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      double d = days.get(i);
      if (!Double.isNaN(d)) {
        measured++;
        if (!cell(d).equals("good")) {
          below.add(first.plusDays(i) + " " + percent(d));
        }
      }
    }
    StringBuilder label =
        new StringBuilder("Daily uptime of ")
            .append(name)
            .append(" over the last ")
            .append(days.size())
            .append(" days: ");
    if (measured == 0) {
      return label.append("no data yet").toString();
    }
    label.append(measured).append(measured == 1 ? " day" : " days").append(" with data, ");
    if (below.isEmpty()) {
      return label.append("all at 99.9 % or more").toString();
    }
    label.append(below.size()).append(" below 99.9 %: ");
    int shown = Math.min(5, below.size());
    label.append(String.join(", ", below.subList(below.size() - shown, below.size())));
    if (below.size() > shown) {
      label.append(" and ").append(below.size() - shown).append(" earlier");
    }
    return label.toString();
  }

  private static StringBuilder head(String title) {
    StringBuilder html = new StringBuilder(16 * 1024);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title><style>")
        .append("body{font:15px system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1.5rem;")
        .append("color:#1b1f24;background:#fff}a{color:#0550ae}")
        .append(".banner{padding:1rem;border-radius:.4rem;font-weight:600;color:#fff}")
        .append(".operational{background:#116329}.degraded{background:#8a4b00}")
        .append(".outage{background:#b3261e}.maintenance{background:#0550ae}")
        .append("table{border-collapse:collapse;width:100%}td,th{padding:.4rem;text-align:left;")
        .append("border-bottom:1px solid #d0d7de}.bar{display:flex;gap:1px}")
        .append(".bar span{flex:1;height:1.6rem;border-radius:1px}.good{background:#1a7f37}")
        .append(".fair{background:#bf8700}.poor{background:#cf222e}.none{background:#d0d7de}")
        .append(".UP{color:#116329}.DOWN{color:#b3261e}.DEGRADED{color:#8a4b00}")
        .append("@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}")
        .append("a{color:#58a6ff}td,th{border-color:#30363d}.none{background:#30363d}")
        .append(".UP{color:#3fb950}")
        .append(".DOWN{color:#ff7b72}.DEGRADED{color:#d29922}}")
        .append(".sr-only{position:absolute;left:-9999px}</style></head><body>");
    return html;
  }

  private static String html(
      StatusPageSpec spec,
      Map<String, List<String>> groups,
      Map<String, Row> rows,
      List<Incident> incidents,
      Map<Long, List<IncidentNote>> notes,
      String overall,
      LocalDate first,
      Instant now) {
    StringBuilder html = head(spec.title());
    html.append("<main><h1>")
        .append(Html.escape(spec.title()))
        .append("</h1><p class=\"banner ")
        .append(overall)
        .append("\" role=\"status\">")
        .append(banner(overall))
        .append("</p>");
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      if (!group.getKey().isEmpty()) {
        html.append("<h2>").append(Html.escape(group.getKey())).append("</h2>");
      }
      html.append("<table><caption class=\"sr-only\">")
          .append(Html.escape(group.getKey().isEmpty() ? "Services" : group.getKey()))
          .append("</caption><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">State</th>")
          .append("<th scope=\"col\">Last ")
          .append(DAYS)
          .append(" days</th><th scope=\"col\">Uptime</th></tr></thead><tbody>");
      for (String name : group.getValue()) {
        Row r = rows.get(name);
        if (r == null) {
          continue;
        }
        html.append("<tr><th scope=\"row\">")
            .append(Html.escape(name))
            .append("</th><td class=\"")
            .append(r.state().name())
            .append("\">")
            .append(stateText(r.state()))
            .append("</td><td><div class=\"bar\" role=\"img\" aria-label=\"")
            .append(Html.escape(barLabel(name, r.days(), first)))
            .append("\">");
        for (int i = 0; i < r.days().size(); i++) {
          double d = r.days().get(i);
          html.append("<span class=\"")
              .append(cell(d))
              .append("\" title=\"")
              .append(first.plusDays(i))
              .append(": ")
              .append(percent(d))
              .append("\"></span>");
        }
        html.append("</div></td><td>").append(percent(r.uptime())).append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("<h2>Incidents</h2>");
    if (incidents.isEmpty()) {
      html.append("<p>No incidents in the last ")
          .append(PAST_INCIDENTS.toDays())
          .append(" days.</p>");
    }
    for (Incident i : incidents) {
      html.append("<article><h3>")
          .append(Html.escape(i.monitor()))
          .append(i.open() ? ": ongoing" : ": resolved")
          .append("</h3><p>Started ")
          .append(TIME.format(i.startedAt()));
      Instant end = i.endedAt();
      if (end != null) {
        html.append(", resolved ")
            .append(TIME.format(end))
            .append(" (")
            .append(
                dev.tickr.time.Durations.format(
                    Duration.ofSeconds(Duration.between(i.startedAt(), end).toSeconds())))
            .append(")");
      }
      html.append(".</p>");
      for (IncidentNote n : notes.getOrDefault(i.id(), List.of())) {
        html.append("<p><time datetime=\"")
            .append(n.at())
            .append("\">")
            .append(TIME.format(n.at()))
            .append("</time>: ")
            .append(Html.escape(n.text()))
            .append("</p>");
      }
      html.append("</article>");
    }
    html.append("<footer><small>Updated ")
        .append(TIME.format(now))
        .append(". <a href=\"/status/")
        .append(Html.escape(spec.slug()))
        .append(".json\">JSON</a></small></footer></main></body></html>");
    return html.toString();
  }

  private static String json(
      StatusPageSpec spec,
      Map<String, List<String>> groups,
      Map<String, Row> rows,
      List<Incident> incidents,
      Map<Long, List<IncidentNote>> notes,
      String overall,
      LocalDate first,
      Instant now) {
    ObjectNode root = JSON.createObjectNode();
    root.put("slug", spec.slug()).put("title", spec.title()).put("status", overall);
    root.put("updated_at", now.toString());
    ArrayNode groupList = root.putArray("groups");
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      ObjectNode g = groupList.addObject();
      g.put("name", group.getKey());
      ArrayNode monitors = g.putArray("monitors");
      for (String name : group.getValue()) {
        Row r = rows.get(name);
        if (r == null) {
          continue;
        }
        ObjectNode m = monitors.addObject();
        m.put("name", name).put("state", r.state().name());
        putRatio(m, "uptime_90d", r.uptime());
        ArrayNode days = m.putArray("days");
        for (int i = 0; i < r.days().size(); i++) {
          ObjectNode d = days.addObject();
          d.put("date", first.plusDays(i).toString());
          putRatio(d, "uptime", r.days().get(i));
        }
      }
    }
    ArrayNode list = root.putArray("incidents");
    for (Incident i : incidents) {
      ObjectNode o = list.addObject();
      o.put("monitor", i.monitor()).put("started_at", i.startedAt().toString());
      Instant end = i.endedAt();
      if (end == null) {
        o.putNull("ended_at");
      } else {
        o.put("ended_at", end.toString());
      }
      ArrayNode ns = o.putArray("notes");
      for (IncidentNote n : notes.getOrDefault(i.id(), List.of())) {
        ns.addObject().put("at", n.at().toString()).put("text", n.text());
      }
    }
    return root.toString();
  }

  private static void putRatio(ObjectNode o, String field, double ratio) {
    if (Double.isNaN(ratio)) {
      o.putNull(field);
    } else {
      o.put(field, ratio);
    }
  }

  // --- badges ---

  private void badge(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".svg")) {
      ctx.status(404).result("badges are /badge/<monitor>.svg\n");
      return;
    }
    String name = file.substring(0, file.length() - 4);
    Config c = config.get();
    boolean shown = c.statusPages().stream().anyMatch(p -> p.monitors().contains(name));
    if (!shown) {
      // Only monitors a status page makes public have badges.
      ctx.status(404).result("no public monitor named " + name + "\n");
      return;
    }
    MonitorStatus s = statuses.get().get(name);
    MonitorState state = s == null ? MonitorState.PENDING : s.state();
    Instant now = clock.instant();
    Uptime month = store.uptime(name, now.minus(Duration.ofDays(30)), now);
    String value =
        stateText(state).toLowerCase(Locale.ROOT)
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
    cacheable(ctx).contentType("image/svg+xml").result(svg(name, value, colour));
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

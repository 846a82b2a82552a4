package dev.tickr.web;

import dev.tickr.config.Config;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStates;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.store.DayUptime;
import dev.tickr.store.HistoryStore;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.IncidentStore;
import dev.tickr.web.StatusPageView.Planned;
import dev.tickr.web.StatusPageView.Row;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public status pages ({@code /status/<slug>}, and {@code /status/<slug>.json}), their index at
 * {@code /status}, and SVG badges ({@code /badge/<monitor>.svg}) of the monitors they show. What a
 * page shows is public by design: a monitor's name, state, daily uptime, incidents (when and how
 * long, not why) and their public notes, scheduled maintenance (when, and which of its monitors).
 * Never a URL, header, body, reason or error. Pages work without JavaScript (their answers forbid
 * scripts) and are cached for {@link #CACHE_FOR}, so heavy traffic costs one rendering per page
 * every few seconds; a change of the config (a page edited through the API, a reload) is shown at
 * once.
 */
public final class StatusPages {
  static final Duration CACHE_FOR = Duration.ofSeconds(10);
  static final int DAYS = 90;
  static final Duration PAST_INCIDENTS = Duration.ofDays(14);

  /** How far ahead a status page shows the maintenance to come. */
  static final Duration UPCOMING_MAINTENANCE = Duration.ofDays(30);

  /**
   * What public answers may load: their own inline styles, images from here (badges), and nothing
   * else; no script runs.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
          + " base-uri 'none'; form-action 'self'";

  /** A page rendered both ways, from one config at one moment. */
  private record Rendered(Config config, Instant at, String html, String json) {}

  private final Supplier<Config> config;
  private final MonitorStates tracker;
  private final HistoryStore history;
  private final IncidentStore incidentStore;
  private final Clock clock;
  private final Map<String, Rendered> cache = new ConcurrentHashMap<>();
  private final StatusFeed feed;
  private final Badges badges;

  public StatusPages(
      Supplier<Config> config,
      MonitorStates tracker,
      HistoryStore history,
      IncidentStore incidentStore,
      Clock clock) {
    this.config = config;
    this.tracker = tracker;
    this.history = history;
    this.incidentStore = incidentStore;
    this.clock = clock;
    this.feed = new StatusFeed(config, tracker, incidentStore, clock);
    this.badges = new Badges(config, tracker, history, clock);
  }

  public void install(JavalinConfig javalin) {
    javalin.routes.get("/status", this::index);
    javalin.routes.get("/status/{slug}", this::page);
    javalin.routes.get("/status/{slug}/feed.atom", feed::serve);
    javalin.routes.get("/badge/{file}", badges::serve);
  }

  private void index(Context ctx) {
    StringBuilder html = StatusPageView.head("Status pages");
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
    Config now = config.get();
    StatusPageSpec spec = now.statusPage(wanted).orElse(null);
    if (spec == null) {
      cache.remove(wanted);
      publicAnswer(ctx.status(404));
      if (json) {
        ctx.contentType("application/json").result("{\"error\":\"no such status page\"}");
      } else {
        ctx.html(
            StatusPageView.head("Not found")
                + "<main><h1>No such status page</h1><p><a href=\"/status\">All status pages"
                + "</a></p></main></body></html>");
      }
      return;
    }
    Instant at = clock.instant();
    Rendered r = cache.get(slug);
    // A new config (this page changed, a monitor went, maintenance was planned) renders anew.
    if (r == null || !r.config().equals(now) || !at.isBefore(r.at().plus(CACHE_FOR))) {
      StatusPageView view = gather(now, spec, at);
      r = new Rendered(now, at, view.html(), view.json());
      cache.put(slug, r);
    }
    if (json) {
      cacheable(ctx).contentType("application/json").result(r.json());
    } else {
      cacheable(ctx).html(r.html());
    }
  }

  static Context publicAnswer(Context ctx) {
    return ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
  }

  static Context cacheable(Context ctx) {
    return publicAnswer(ctx).header("Cache-Control", "public, max-age=" + CACHE_FOR.toSeconds());
  }

  /** The groups of a page: its {@code groups}, then "Other" (or one unnamed group) for the rest. */
  private static Map<String, List<String>> groups(StatusPageSpec spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Set<String> placed = new LinkedHashSet<>();
    for (StatusPageSpec.Group g : spec.groups()) {
      out.put(g.name(), g.monitors());
      placed.addAll(g.monitors());
    }
    List<String> rest = spec.monitors().stream().filter(m -> !placed.contains(m)).toList();
    if (!rest.isEmpty()) {
      out.merge(out.isEmpty() ? "" : "Other", rest, (a, b) -> concat(a, b));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private StatusPageView gather(Config c, StatusPageSpec spec, Instant now) {
    Map<String, MonitorStatus> live = tracker.snapshot();
    Map<String, ShownState> shown = tracker.shown(now);
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<String, List<DayUptime>> days =
        history.days(spec.monitors(), first.atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<String, Row> rows = new HashMap<>();
    for (String name : spec.monitors()) {
      MonitorState state = shown.getOrDefault(name, ShownState.UNKNOWN).state();
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
      incidents.addAll(
          incidentStore.incidents(name, now.minus(PAST_INCIDENTS), now.plusSeconds(1)));
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
      notes.put(
          i.id(), incidentStore.notes(i.id()).stream().filter(IncidentNote::visible).toList());
    }
    return new StatusPageView(
        spec,
        groups(spec),
        rows,
        maintenance(c, spec, now),
        incidents,
        notes,
        overall(rows.values()),
        first,
        now);
  }

  /**
   * The maintenance of the file and the API that covers monitors of the page: each window's
   * occurrence going on now, else its next one within {@link #UPCOMING_MAINTENANCE}; soonest first.
   */
  static List<Planned> maintenance(Config c, StatusPageSpec spec, Instant now) {
    List<Planned> out = new ArrayList<>();
    if (c.maintenance().isEmpty()) {
      return out;
    }
    Set<String> onPage = Set.copyOf(spec.monitors());
    Map<String, List<String>> tags = new HashMap<>();
    for (MonitorSpec m : c.monitors()) {
      if (onPage.contains(m.name())) {
        tags.put(m.name(), m.tags());
      }
    }
    for (MaintenanceWindow w : c.maintenance()) {
      List<String> covered =
          spec.monitors().stream()
              .filter(m -> w.covers(m, tags.getOrDefault(m, List.of())))
              .toList();
      if (covered.isEmpty()) {
        continue;
      }
      Optional<MaintenanceWindow.Span> current = w.spanAt(now);
      Optional<MaintenanceWindow.Span> span =
          current.isPresent()
              ? current
              : w.next(now).filter(n -> n.start().isBefore(now.plus(UPCOMING_MAINTENANCE)));
      span.ifPresent(
          n ->
              out.add(
                  new Planned(
                      n.start(), n.end(), current.isPresent(), repeats(w.schedule()), covered)));
    }
    out.sort(Comparator.comparing(Planned::start).thenComparing(Planned::end));
    return out;
  }

  private static String repeats(MaintenanceWindow.Schedule schedule) {
    return switch (schedule) {
      case MaintenanceWindow.Once once -> "once";
      case MaintenanceWindow.Weekly weekly -> weekly.days().size() == 7 ? "daily" : "weekly";
    };
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
        if (!StatusPageView.cell(d).equals("good")) {
          below.add(first.plusDays(i) + " " + StatusPageView.percent(d));
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
}

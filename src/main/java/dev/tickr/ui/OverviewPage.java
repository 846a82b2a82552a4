package dev.tickr.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The overview at {@code /}: every monitor with its state, since when, last check, a 24 h
 * response-time sparkline and 24 h / 30 d uptime; counts per state at the top; filters by tag and
 * state, search by name; {@link #PAGE_SIZE} rows a page, problems first. The page's script polls
 * {@code /ui/overview} (the same rows, rendered here, and the counts) every few seconds, so states
 * change on screen without a reload.
 *
 * <p>With thousands of monitors, a request filters and sorts the daemon's in-memory states and
 * reads figures from the store only for the rows it shows, from a cache renewed every {@link
 * #FIGURES_FOR} (at once when a monitor's state changed, and at every request while it has no
 * checks yet).
 */
final class OverviewPage {
  static final int PAGE_SIZE = 100;
  static final Duration FIGURES_FOR = Duration.ofSeconds(30);
  static final int SPARK_SLICES = 48;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The order problems come in: worst first. */
  private static final List<MonitorState> ORDER =
      List.of(
          MonitorState.DOWN,
          MonitorState.DEGRADED,
          MonitorState.PENDING,
          MonitorState.MAINTENANCE,
          MonitorState.PAUSED,
          MonitorState.UP);

  /** What a request asked for. */
  record Query(String q, String tag, @Nullable MonitorState state, int page) {
    static Query of(Context ctx) {
      String q = trim(ctx.queryParam("q"));
      String tag = trim(ctx.queryParam("tag"));
      MonitorState state = null;
      String s = trim(ctx.queryParam("state")).toUpperCase(Locale.ROOT);
      for (MonitorState m : MonitorState.values()) {
        if (m.name().equals(s)) {
          state = m;
        }
      }
      int page = 1;
      try {
        page = Math.max(1, Integer.parseInt(trim(ctx.queryParam("page"))));
      } catch (NumberFormatException e) {
        page = 1;
      }
      return new Query(q, tag, state, page);
    }

    boolean matches(Row r) {
      return (q.isEmpty() || r.name.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
          && (tag.isEmpty() || r.tags.contains(tag));
    }

    /** This query's URL with another state filter and page. */
    String link(@Nullable MonitorState withState, int withPage) {
      StringBuilder url = new StringBuilder("/?");
      if (!q.isEmpty()) {
        url.append("q=").append(Html.urlPart(q)).append('&');
      }
      if (!tag.isEmpty()) {
        url.append("tag=").append(Html.urlPart(tag)).append('&');
      }
      if (withState != null) {
        url.append("state=").append(withState.name()).append('&');
      }
      if (withPage > 1) {
        url.append("page=").append(withPage).append('&');
      }
      return url.substring(0, url.length() - 1);
    }
  }

  /** One monitor as the overview lists it. */
  record Row(
      String name,
      String type,
      List<String> tags,
      MonitorState state,
      @Nullable Instant since,
      @Nullable Instant lastCheck,
      @Nullable Incident incident) {}

  /** A monitor's figures from the store, and when they were read. */
  private record Figures(
      Instant at, MonitorState state, Uptime day, Uptime month, @Nullable List<Double> spark) {}

  /** One answer: the rows of the page asked for and the counts. */
  private record View(
      Query query,
      Map<MonitorState, Integer> counts,
      int total,
      int matching,
      int pages,
      List<Row> rows,
      Map<String, Figures> figures,
      List<String> tags,
      int failingChannels) {}

  private final DaemonControl daemon;
  private final Store store;
  private final Clock clock;
  private final Supplier<List<ChannelView>> channels;
  private final Map<String, Figures> figures = new ConcurrentHashMap<>();

  OverviewPage(
      DaemonControl daemon, Store store, Clock clock, Supplier<List<ChannelView>> channels) {
    this.daemon = daemon;
    this.store = store;
    this.clock = clock;
    this.channels = channels;
  }

  void install(JavalinConfig config) {
    config.routes.get("/", this::page);
    config.routes.get("/ui/overview", this::live);
  }

  private void page(Context ctx) {
    View view = view(Query.of(ctx));
    StringBuilder main = new StringBuilder(16_384 + view.rows.size() * 700);
    main.append("<div class=\"row\" style=\"justify-content:space-between\"><h1>Monitors</h1>")
        .append("<p class=\"live\" id=\"live\" aria-live=\"off\">Live: updates every 5 s")
        .append(" <time id=\"updated\"></time></p></div>");
    main.append("<div id=\"summary\">").append(summary(view)).append("</div>");
    filters(main, view);
    main.append("<table id=\"monitors\"><caption class=\"sr-only\">Monitors, problems first")
        .append("</caption><thead><tr><th scope=\"col\">Monitor</th>")
        .append("<th scope=\"col\">State</th><th scope=\"col\">Since</th>")
        .append("<th scope=\"col\">Last check</th><th scope=\"col\">Response time 24 h</th>")
        .append("<th scope=\"col\" class=\"num\">Uptime 24 h</th>")
        .append("<th scope=\"col\" class=\"num\">Uptime 30 d</th>")
        .append("<th scope=\"col\">Open incident</th></tr></thead><tbody id=\"rows\">")
        .append(rows(view))
        .append("</tbody></table><nav class=\"pager\" id=\"pager\" aria-label=\"Pages\">")
        .append(pager(view))
        .append("</nav>");
    String title =
        view.counts.getOrDefault(MonitorState.DOWN, 0) > 0
            ? view.counts.get(MonitorState.DOWN) + " down"
            : "Overview";
    Layout.render(ctx, title, Layout.Nav.OVERVIEW, main.toString(), "overview.js");
  }

  /** The rows, counts and pager of the same query as JSON, for the page's live updates. */
  private void live(Context ctx) {
    View view = view(Query.of(ctx));
    ObjectNode out = JSON.createObjectNode();
    out.put("at", clock.instant().toString());
    ObjectNode counts = out.putObject("counts");
    for (MonitorState s : ORDER) {
      counts.put(s.name(), view.counts.getOrDefault(s, 0));
    }
    out.put("total", view.total);
    out.put("matching", view.matching);
    out.put("page", view.query.page);
    out.put("pages", view.pages);
    out.put("down", view.counts.getOrDefault(MonitorState.DOWN, 0));
    out.put("summary", summary(view));
    out.put("rows", rows(view));
    out.put("pager", pager(view));
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private View view(Query query) {
    Instant now = clock.instant();
    Map<String, MonitorStatus> statuses = daemon.tracker().snapshot();
    Map<String, ShownState> states = daemon.tracker().shown(now);
    List<MonitorSpec> specs = daemon.config().monitors();
    Map<MonitorState, Integer> counts = new EnumMap<>(MonitorState.class);
    TreeSet<String> tags = new TreeSet<>();
    List<Row> matching = new ArrayList<>();
    for (MonitorSpec spec : specs) {
      tags.addAll(spec.tags());
      Row row =
          row(
              spec,
              statuses.get(spec.name()),
              states.getOrDefault(spec.name(), ShownState.UNKNOWN));
      if (!query.matches(row)) {
        continue;
      }
      counts.merge(row.state, 1, Integer::sum);
      if (query.state == null || query.state == row.state) {
        matching.add(row);
      }
    }
    matching.sort(
        Comparator.comparingInt((Row r) -> ORDER.indexOf(r.state))
            .thenComparing(r -> r.name, String.CASE_INSENSITIVE_ORDER));
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(query.page, pages);
    List<Row> rows =
        matching.subList(
            Math.min(matching.size(), (page - 1) * PAGE_SIZE),
            Math.min(matching.size(), page * PAGE_SIZE));
    int failing = (int) channels.get().stream().filter(ChannelView::failing).count();
    Query shown = new Query(query.q, query.tag, query.state, page);
    return new View(
        shown,
        counts,
        specs.size(),
        matching.size(),
        pages,
        List.copyOf(rows),
        figures(rows, now),
        List.copyOf(tags),
        failing);
  }

  private static Row row(MonitorSpec spec, @Nullable MonitorStatus s, ShownState shown) {
    MonitorState state = shown.state();
    Instant since = shown.since();
    return new Row(
        spec.name(),
        spec.type().name(),
        spec.tags(),
        state,
        since,
        s == null ? null : s.lastCheck(),
        s == null ? null : s.incident());
  }

  /** The figures of these rows: cached ones while fresh, the others read in one pass. */
  private Map<String, Figures> figures(List<Row> rows, Instant now) {
    List<String> stale = new ArrayList<>();
    for (Row r : rows) {
      Figures f = figures.get(r.name);
      if (f == null
          || f.day.checks() == 0
          || f.state != r.state
          || f.at.plus(FIGURES_FOR).isBefore(now)) {
        stale.add(r.name);
      }
    }
    if (!stale.isEmpty()) {
      Map<String, MonitorState> states = new java.util.HashMap<>();
      rows.forEach(r -> states.put(r.name, r.state));
      Map<String, Uptime> day = store.uptimes(stale, now.minus(Duration.ofHours(24)), now);
      Map<String, Uptime> month = store.uptimes(stale, now.minus(Duration.ofDays(30)), now);
      Map<String, double[]> spark =
          store.averages(stale, now.minus(Duration.ofHours(24)), now, SPARK_SLICES);
      for (String name : stale) {
        figures.put(
            name,
            new Figures(
                now,
                states.getOrDefault(name, MonitorState.PENDING),
                day.getOrDefault(name, Uptime.NONE),
                month.getOrDefault(name, Uptime.NONE),
                list(spark.get(name))));
      }
      if (figures.size() > 4 * PAGE_SIZE + daemon.config().monitors().size()) {
        figures.clear(); // monitors renamed or removed over time: start afresh
      }
    }
    Map<String, Figures> out = new java.util.HashMap<>();
    for (Row r : rows) {
      Figures f = figures.get(r.name);
      if (f != null) {
        out.put(r.name, f);
      }
    }
    return out;
  }

  private static String summary(View view) {
    StringBuilder html = new StringBuilder(1024);
    html.append("<ul class=\"counts\" aria-label=\"Monitors by state\">");
    html.append("<li><a href=\"")
        .append(Html.escape(view.query.link(null, 1)))
        .append("\"")
        .append(view.query.state == null ? " aria-current=\"true\"" : "")
        .append("><b>")
        .append(view.counts.values().stream().mapToInt(Integer::intValue).sum())
        .append("</b>All</a></li>");
    for (MonitorState s : ORDER) {
      int n = view.counts.getOrDefault(s, 0);
      if (n == 0 && s != MonitorState.UP && s != MonitorState.DOWN && s != MonitorState.DEGRADED) {
        continue;
      }
      html.append("<li><a class=\"count-")
          .append(s.name())
          .append("\" href=\"")
          .append(Html.escape(view.query.link(s, 1)))
          .append("\"")
          .append(view.query.state == s ? " aria-current=\"true\"" : "")
          .append("><b>")
          .append(n)
          .append("</b><span class=\"state state-")
          .append(s.name())
          .append("\">")
          .append(s.name())
          .append("</span></a></li>");
    }
    html.append("</ul>");
    if (view.failingChannels > 0) {
      html.append("<p class=\"error\" role=\"alert\">")
          .append(view.failingChannels)
          .append(" alert channel")
          .append(view.failingChannels > 1 ? "s are" : " is")
          .append(" failing: <a href=\"/channels\">see channels</a>.</p>");
    }
    return html.toString();
  }

  private static void filters(StringBuilder html, View view) {
    html.append("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">")
        .append("<div class=\"field\"><label for=\"q\">Search by name</label>")
        .append("<input id=\"q\" name=\"q\" type=\"search\" value=\"")
        .append(Html.escape(view.query.q))
        .append("\"></div><div class=\"field\"><label for=\"tag\">Tag</label>")
        .append("<select id=\"tag\" name=\"tag\"><option value=\"\">Any tag</option>");
    for (String tag : view.tags) {
      html.append("<option")
          .append(tag.equals(view.query.tag) ? " selected" : "")
          .append(" value=\"")
          .append(Html.escape(tag))
          .append("\">")
          .append(Html.escape(tag))
          .append("</option>");
    }
    html.append("</select></div><div class=\"field\"><label for=\"state\">State</label>")
        .append("<select id=\"state\" name=\"state\"><option value=\"\">Any state</option>");
    for (MonitorState s : ORDER) {
      html.append("<option")
          .append(s == view.query.state ? " selected" : "")
          .append(" value=\"")
          .append(s.name())
          .append("\">")
          .append(s.name())
          .append("</option>");
    }
    html.append("</select></div><button type=\"submit\">Filter</button>");
    if (!view.query.q.isEmpty() || !view.query.tag.isEmpty() || view.query.state != null) {
      html.append("<a href=\"/\">Clear filters</a>");
    }
    html.append("</form>");
  }

  private static String rows(View view) {
    StringBuilder html = new StringBuilder(view.rows.size() * 700 + 256);
    if (view.rows.isEmpty()) {
      html.append("<tr><td colspan=\"8\">")
          .append(
              view.total == 0
                  ? "No monitors yet. <a href=\"/monitors/new\">Create one</a> or add them to the"
                      + " YAML file."
                  : "No monitor matches these filters.")
          .append("</td></tr>");
      return html.toString();
    }
    for (Row r : view.rows) {
      Figures f = view.figures.get(r.name);
      String link = "/monitors/" + Html.urlPart(r.name);
      html.append("<tr data-monitor=\"")
          .append(Html.escape(r.name))
          .append("\" data-state=\"")
          .append(r.state.name())
          .append("\"><th scope=\"row\"><a href=\"")
          .append(Html.escape(link))
          .append("\">")
          .append(Html.escape(r.name))
          .append("</a> <small>")
          .append(Html.escape(r.type));
      for (String tag : r.tags) {
        html.append(" · ").append(Html.escape(tag));
      }
      html.append("</small></th><td><span class=\"state state-")
          .append(r.state.name())
          .append("\">")
          .append(r.state.name())
          .append("</span></td><td>")
          .append(Layout.time(r.since))
          .append("</td><td>")
          .append(Layout.time(r.lastCheck))
          .append("</td><td>")
          .append(sparkline(f == null ? null : f.spark, r.name))
          .append("</td><td class=\"num\">")
          .append(percent(f == null ? Uptime.NONE : f.day))
          .append("</td><td class=\"num\">")
          .append(percent(f == null ? Uptime.NONE : f.month))
          .append("</td><td>");
      if (r.incident != null) {
        html.append("<a href=\"")
            .append(Html.escape(link))
            .append("#incidents\">#")
            .append(r.incident.id())
            .append(' ')
            .append(Html.escape(r.incident.reason().code()))
            .append("</a>");
      }
      html.append("</td></tr>");
    }
    return html.toString();
  }

  private static String pager(View view) {
    if (view.pages <= 1) {
      return "<span>" + view.matching + " of " + view.total + " monitors</span>";
    }
    StringBuilder html = new StringBuilder(512);
    int page = view.query.page;
    if (page > 1) {
      html.append("<a rel=\"prev\" href=\"")
          .append(Html.escape(view.query.link(view.query.state, page - 1)))
          .append("\">← Previous</a>");
    }
    html.append("<span>Page ")
        .append(page)
        .append(" of ")
        .append(view.pages)
        .append(" · ")
        .append(view.matching)
        .append(" of ")
        .append(view.total)
        .append(" monitors</span>");
    if (page < view.pages) {
      html.append("<a rel=\"next\" href=\"")
          .append(Html.escape(view.query.link(view.query.state, page + 1)))
          .append("\">Next →</a>");
    }
    return html.toString();
  }

  /** An inline SVG line of the slices' averages, with a text alternative; "-" without data. */
  static String sparkline(@Nullable List<Double> slices, String name) {
    if (slices == null) {
      return "<span class=\"muted\">-</span>";
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
      return "<span class=\"muted\">-</span>";
    }
    int width = 120;
    int height = 24;
    double step = (double) width / Math.max(1, points.length - 1);
    StringBuilder shapes = new StringBuilder(points.length * 14);
    StringBuilder line = new StringBuilder();
    int inLine = 0;
    for (int i = 0; i <= points.length; i++) {
      if (i < points.length && !Double.isNaN(points[i])) {
        double y = height - 2 - (max == 0 ? 0 : points[i] / max * (height - 4));
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
    String label =
        String.format(
            Locale.ROOT,
            "Response time of %s over 24 h: average %.0f ms, highest %.0f ms",
            name,
            sum / n,
            max);
    return "<svg class=\"spark\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\"><title>"
        + Html.escape(label)
        + "</title>"
        + shapes
        + "</svg>";
  }

  private static @Nullable List<Double> list(double @Nullable [] points) {
    if (points == null) {
      return null;
    }
    List<Double> out = new ArrayList<>(points.length);
    for (double p : points) {
      out.add(p);
    }
    return out;
  }

  static String percent(Uptime u) {
    return Double.isNaN(u.ratio())
        ? "<span class=\"muted\">-</span>"
        : String.format(Locale.ROOT, "%.3f %%", u.ratio() * 100);
  }

  private static String trim(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}

package dev.tickr.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The overview at {@code /}: every monitor with its state, since when, last check, a 24 h
 * response-time sparkline and 24 h / 30 d uptime; counts per state at the top; filters by tag and
 * state, search by name; {@link OverviewData#PAGE_SIZE} rows a page, problems first. The page's
 * script polls {@code /ui/overview} (the same rows, rendered here, and the counts) every few
 * seconds, so states change on screen without a reload.
 *
 * <p>A request is read by {@link OverviewQuery}, answered by {@link OverviewData} (with figures
 * from the store through {@link OverviewFigures}, for the rows shown only) and rendered by {@link
 * OverviewHtml}.
 */
final class OverviewPage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OverviewData data;
  private final Clock clock;

  OverviewPage(
      DaemonControl daemon, Store store, Clock clock, Supplier<List<ChannelView>> channels) {
    this.data = new OverviewData(daemon, new OverviewFigures(store), clock, channels);
    this.clock = clock;
  }

  void install(JavalinConfig config) {
    config.routes.get("/", this::page);
    config.routes.get("/ui/overview", this::live);
  }

  private void page(Context ctx) {
    OverviewView view = data.view(OverviewQuery.of(ctx));
    int down = view.count(MonitorState.DOWN);
    String title = down > 0 ? down + " down" : "Overview";
    Layout.render(ctx, title, Layout.Nav.OVERVIEW, OverviewHtml.main(view), "overview.js");
  }

  /** The rows, counts and pager of the same query as JSON, for the page's live updates. */
  private void live(Context ctx) {
    OverviewView view = data.view(OverviewQuery.of(ctx));
    ObjectNode out = JSON.createObjectNode();
    out.put("at", clock.instant().toString());
    ObjectNode counts = out.putObject("counts");
    for (MonitorState s : OverviewView.ORDER) {
      counts.put(s.name(), view.count(s));
    }
    out.put("total", view.total());
    out.put("matching", view.matching());
    out.put("page", view.query().page());
    out.put("pages", view.pages());
    out.put("down", view.count(MonitorState.DOWN));
    out.put("summary", OverviewHtml.summary(view));
    out.put("rows", OverviewHtml.rows(view));
    out.put("pager", OverviewHtml.pager(view));
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  /** An uptime as a percentage, as the overview shows it; the monitor page shows the same. */
  static String percent(Uptime u) {
    return OverviewHtml.percent(u);
  }
}

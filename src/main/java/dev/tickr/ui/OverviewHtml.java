package dev.tickr.ui;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.Uptime;
import dev.tickr.web.Html;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The overview's HTML: the page's body (heading, counts, filter form, table, pager) and the parts
 * its script replaces on each live update (counts, rows, pager).
 */
final class OverviewHtml {
  private OverviewHtml() {}

  /** The page's main content. */
  static String main(OverviewView view) {
    StringBuilder main = new StringBuilder(16_384 + view.rows().size() * 700);
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
    return main.toString();
  }

  /** The counts by state, each a link to that filter, and a warning of failing channels. */
  static String summary(OverviewView view) {
    OverviewQuery query = view.query();
    StringBuilder html = new StringBuilder(1024);
    html.append("<ul class=\"counts\" aria-label=\"Monitors by state\">");
    html.append("<li><a href=\"")
        .append(Html.escape(query.link(null, 1)))
        .append("\"")
        .append(query.state() == null ? " aria-current=\"true\"" : "")
        .append("><b>")
        .append(view.counts().values().stream().mapToInt(Integer::intValue).sum())
        .append("</b>All</a></li>");
    for (MonitorState s : OverviewView.ORDER) {
      int n = view.count(s);
      if (n == 0 && s != MonitorState.UP && s != MonitorState.DOWN && s != MonitorState.DEGRADED) {
        continue;
      }
      html.append("<li><a class=\"count-")
          .append(s.name())
          .append("\" href=\"")
          .append(Html.escape(query.link(s, 1)))
          .append("\"")
          .append(query.state() == s ? " aria-current=\"true\"" : "")
          .append("><b>")
          .append(n)
          .append("</b><span class=\"state state-")
          .append(s.name())
          .append("\">")
          .append(s.name())
          .append("</span></a></li>");
    }
    html.append("</ul>");
    int failing = view.failingChannels();
    if (failing > 0) {
      html.append("<p class=\"error\" role=\"alert\">")
          .append(failing)
          .append(" alert channel")
          .append(failing > 1 ? "s are" : " is")
          .append(" failing: <a href=\"/channels\">see channels</a>.</p>");
    }
    return html.toString();
  }

  private static void filters(StringBuilder html, OverviewView view) {
    OverviewQuery query = view.query();
    html.append("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">")
        .append("<div class=\"field\"><label for=\"q\">Search by name</label>")
        .append("<input id=\"q\" name=\"q\" type=\"search\" value=\"")
        .append(Html.escape(query.q()))
        .append("\"></div><div class=\"field\"><label for=\"tag\">Tag</label>")
        .append("<select id=\"tag\" name=\"tag\"><option value=\"\">Any tag</option>");
    for (String tag : view.tags()) {
      option(html, tag.equals(query.tag()), Html.escape(tag));
    }
    html.append("</select></div><div class=\"field\"><label for=\"state\">State</label>")
        .append("<select id=\"state\" name=\"state\"><option value=\"\">Any state</option>");
    for (MonitorState s : OverviewView.ORDER) {
      option(html, s == query.state(), s.name());
    }
    html.append("</select></div><button type=\"submit\">Filter</button>");
    if (query.filtered()) {
      html.append("<a href=\"/\">Clear filters</a>");
    }
    html.append("</form>");
  }

  private static void option(StringBuilder html, boolean selected, String escaped) {
    html.append("<option")
        .append(selected ? " selected" : "")
        .append(" value=\"")
        .append(escaped)
        .append("\">")
        .append(escaped)
        .append("</option>");
  }

  /** The table's rows of the page, or one row that says why there are none. */
  static String rows(OverviewView view) {
    StringBuilder html = new StringBuilder(view.rows().size() * 700 + 256);
    if (view.rows().isEmpty()) {
      html.append("<tr><td colspan=\"8\">")
          .append(
              view.total() == 0
                  ? "No monitors yet. <a href=\"/monitors/new\">Create one</a> or add them to the"
                      + " YAML file."
                  : "No monitor matches these filters.")
          .append("</td></tr>");
      return html.toString();
    }
    for (OverviewRow r : view.rows()) {
      row(html, r, view.figures().get(r.name()));
    }
    return html.toString();
  }

  private static void row(StringBuilder html, OverviewRow r, OverviewFigures.@Nullable Figures f) {
    String link = "/monitors/" + Html.urlPart(r.name());
    html.append("<tr data-monitor=\"")
        .append(Html.escape(r.name()))
        .append("\" data-state=\"")
        .append(r.state().name())
        .append("\"><th scope=\"row\"><a href=\"")
        .append(Html.escape(link))
        .append("\">")
        .append(Html.escape(r.name()))
        .append("</a> <small>")
        .append(Html.escape(r.type()));
    for (String tag : r.tags()) {
      html.append(" · ").append(Html.escape(tag));
    }
    html.append("</small></th><td><span class=\"state state-")
        .append(r.state().name())
        .append("\">")
        .append(r.state().name())
        .append("</span></td><td>")
        .append(Layout.time(r.since()))
        .append("</td><td>")
        .append(Layout.time(r.lastCheck()))
        .append("</td><td>")
        .append(Sparkline.svg(f == null ? null : f.spark(), r.name()))
        .append("</td><td class=\"num\">")
        .append(percent(f == null ? Uptime.NONE : f.day()))
        .append("</td><td class=\"num\">")
        .append(percent(f == null ? Uptime.NONE : f.month()))
        .append("</td><td>");
    Incident incident = r.incident();
    if (incident != null) {
      html.append("<a href=\"")
          .append(Html.escape(link))
          .append("#incidents\">#")
          .append(incident.id())
          .append(' ')
          .append(Html.escape(incident.reason().code()))
          .append("</a>");
    }
    html.append("</td></tr>");
  }

  /** How many rows match, and links to the pages before and after when there is more than one. */
  static String pager(OverviewView view) {
    if (view.pages() <= 1) {
      return "<span>" + view.matching() + " of " + view.total() + " monitors</span>";
    }
    OverviewQuery query = view.query();
    StringBuilder html = new StringBuilder(512);
    int page = query.page();
    if (page > 1) {
      html.append("<a rel=\"prev\" href=\"")
          .append(Html.escape(query.link(query.state(), page - 1)))
          .append("\">← Previous</a>");
    }
    html.append("<span>Page ")
        .append(page)
        .append(" of ")
        .append(view.pages())
        .append(" · ")
        .append(view.matching())
        .append(" of ")
        .append(view.total())
        .append(" monitors</span>");
    if (page < view.pages()) {
      html.append("<a rel=\"next\" href=\"")
          .append(Html.escape(query.link(query.state(), page + 1)))
          .append("\">Next →</a>");
    }
    return html.toString();
  }

  /** An uptime as a percentage with three decimals, or a muted "-" without checks. */
  static String percent(Uptime u) {
    return Double.isNaN(u.ratio())
        ? "<span class=\"muted\">-</span>"
        : String.format(Locale.ROOT, "%.3f %%", u.ratio() * 100);
  }
}

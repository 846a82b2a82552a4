package dev.tickr.ui;

import dev.tickr.incident.MonitorState;
import dev.tickr.web.Html;
import io.javalin.http.Context;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a request to the overview asked for: a search by name ({@code q}), a tag, a state and a
 * page. Unknown states and pages that are not numbers are ignored rather than refused, so a stale
 * or hand-edited link still shows a page.
 */
record OverviewQuery(String q, String tag, @Nullable MonitorState state, int page) {
  static OverviewQuery of(Context ctx) {
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
    return new OverviewQuery(q, tag, state, page);
  }

  /** Whether the row passes the search and the tag filter (the state filter is applied apart). */
  boolean matches(OverviewRow r) {
    return (q.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
        && (tag.isEmpty() || r.tags().contains(tag));
  }

  /** Whether the row's state passes the state filter. */
  boolean shows(MonitorState rowState) {
    return state == null || state == rowState;
  }

  /** Whether anything is filtered. */
  boolean filtered() {
    return !q.isEmpty() || !tag.isEmpty() || state != null;
  }

  /** The same query on another page. */
  OverviewQuery onPage(int other) {
    return new OverviewQuery(q, tag, state, other);
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

  private static String trim(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}

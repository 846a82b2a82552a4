package dev.tickr.web;

import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStates;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.IncidentStore;
import dev.tickr.time.Durations;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /status/<slug>/feed.atom}: the page's incidents of the last {@link
 * StatusPages#PAST_INCIDENTS} as an Atom 1.0 feed (RFC 4287), newest first; each entry is an
 * incident (its monitor, start, end, public notes) and is updated when it ends or gets a note. Only
 * what the page shows: no reason, no private note.
 */
final class StatusFeed {
  static final String TYPE = "application/atom+xml";

  private final Supplier<Config> config;
  private final MonitorStates tracker;
  private final IncidentStore incidents;
  private final Clock clock;

  StatusFeed(Supplier<Config> config, MonitorStates tracker, IncidentStore incidents, Clock clock) {
    this.config = config;
    this.tracker = tracker;
    this.incidents = incidents;
    this.clock = clock;
  }

  void serve(Context ctx) {
    Config c = config.get();
    StatusPageSpec page = c.statusPage(ctx.pathParam("slug")).orElse(null);
    if (page == null) {
      ctx.status(404).contentType("text/plain").result("no such status page\n");
      return;
    }
    URI publicUrl = c.server().publicUrl();
    String base = publicUrl != null ? publicUrl.toString() : ctx.scheme() + "://" + ctx.host();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    ctx.header("Cache-Control", "public, max-age=" + StatusPages.CACHE_FOR.toSeconds())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(TYPE + "; charset=utf-8")
        .result(atom(page, base + "/status/" + Html.urlPart(page.slug()), clock.instant()));
  }

  String atom(StatusPageSpec page, String url, Instant now) {
    List<Incident> list = new ArrayList<>();
    for (String name : page.monitors()) {
      list.addAll(
          incidents.incidents(name, now.minus(StatusPages.PAST_INCIDENTS), now.plusSeconds(1)));
      MonitorStatus s = tracker.snapshot().get(name);
      Incident open = s == null ? null : s.incident();
      if (open != null && list.stream().noneMatch(i -> i.id() == open.id())) {
        list.add(open);
      }
    }
    list.sort(Comparator.comparing(Incident::startedAt).reversed());
    StringBuilder entries = new StringBuilder();
    Instant feedUpdated = Instant.EPOCH;
    for (Incident i : list) {
      List<IncidentNote> notes =
          incidents.notes(i.id()).stream().filter(IncidentNote::visible).toList();
      Instant updated = updated(i, notes);
      feedUpdated = updated.isAfter(feedUpdated) ? updated : feedUpdated;
      entry(entries, i, notes, updated, url);
    }
    if (feedUpdated.equals(Instant.EPOCH)) {
      feedUpdated = now;
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "<id>"
        + xml(url)
        + "</id>\n"
        + "<title>"
        + xml(page.title())
        + ": incidents</title>\n"
        + "<updated>"
        + feedUpdated
        + "</updated>\n"
        + "<link rel=\"alternate\" type=\"text/html\" href=\""
        + xml(url)
        + "\"/>\n"
        + "<link rel=\"self\" type=\""
        + TYPE
        + "\" href=\""
        + xml(url)
        + "/feed.atom\"/>\n"
        + "<author><name>"
        + xml(page.title())
        + "</name></author>\n"
        + "<generator>Tickr</generator>\n"
        + entries
        + "</feed>\n";
  }

  /** Escaped for XML, without the control characters XML 1.0 cannot carry. */
  static String xml(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c >= 0x20 || c == '\n' || c == '\t' || c == '\r')
        .filter(c -> c != 0xFFFE && c != 0xFFFF)
        .forEach(kept::appendCodePoint);
    return Html.escape(kept.toString());
  }

  private static Instant updated(Incident i, List<IncidentNote> notes) {
    Instant t = i.endedAt() == null ? i.startedAt() : i.endedAt();
    for (IncidentNote n : notes) {
      t = n.at().isAfter(t) ? n.at() : t;
    }
    return t;
  }

  private static void entry(
      StringBuilder out, Incident i, List<IncidentNote> notes, Instant updated, String url) {
    Instant end = i.endedAt();
    String title = i.monitor() + (end == null ? " is down" : " was down (resolved)");
    StringBuilder text =
        new StringBuilder(i.monitor()).append(" down since ").append(i.startedAt());
    if (end != null) {
      text.append(", back up ")
          .append(end)
          .append(" (")
          .append(
              Durations.format(
                  Duration.ofSeconds(Duration.between(i.startedAt(), end).toSeconds())))
          .append(")");
    }
    text.append('.');
    for (IncidentNote n : notes) {
      text.append("\n").append(n.at()).append(": ").append(n.text());
    }
    out.append("<entry>\n<id>")
        .append(xml(url))
        .append("#incident-")
        .append(i.id())
        .append("</id>\n<title>")
        .append(xml(title))
        .append("</title>\n<published>")
        .append(i.startedAt())
        .append("</published>\n<updated>")
        .append(updated)
        .append("</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(xml(url))
        .append("\"/>\n<content type=\"text\">")
        .append(xml(text.toString()))
        .append("</content>\n</entry>\n");
  }
}

package dev.tickr.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.IncidentNote;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One status page at one moment, as HTML (complete without JavaScript: state words, uptime bars and
 * times are in the markup) and as JSON. It holds only what is public: names, states, daily uptime,
 * when incidents and maintenance happen, public notes.
 *
 * @param groups headings ("" for one unnamed group) with their monitors, in order
 * @param rows each monitor's state and uptime, by name
 * @param notes the public notes of each incident, by incident id
 * @param overall {@code operational}, {@code degraded}, {@code outage} or {@code maintenance}
 * @param first the first of the {@link StatusPages#DAYS} days of the bars
 */
record StatusPageView(
    StatusPageSpec spec,
    Map<String, List<String>> groups,
    Map<String, Row> rows,
    List<Planned> maintenance,
    List<Incident> incidents,
    Map<Long, List<IncidentNote>> notes,
    String overall,
    LocalDate first,
    Instant now) {

  /** A monitor on the page: its state, the ratio of good checks per day (NaN: none), overall. */
  record Row(String name, MonitorState state, List<Double> days, double uptime) {}

  /**
   * An occurrence of a maintenance window that covers monitors of the page, going on now or coming.
   * The window's name is not shown: it names the window in logs, and may be internal.
   *
   * @param repeats {@code once}, {@code daily} (a weekly window of every day) or {@code weekly}
   */
  record Planned(
      Instant start, Instant end, boolean inProgress, String repeats, List<String> monitors) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  static StringBuilder head(String title) {
    return head(title, "");
  }

  /** The head with {@code extra} markup in it (a feed's link), then the body's start. */
  static StringBuilder head(String title, String extra) {
    StringBuilder html = new StringBuilder(16 * 1024);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append(extra)
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
        .append(".MAINTENANCE{color:#0550ae}")
        .append("@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}")
        .append("a{color:#58a6ff}td,th{border-color:#30363d}.none{background:#30363d}")
        .append(".UP{color:#3fb950}")
        .append(".DOWN{color:#ff7b72}.DEGRADED{color:#d29922}.MAINTENANCE{color:#58a6ff}}")
        .append(".sr-only{position:absolute;left:-9999px}</style></head><body>");
    return html;
  }

  private static String banner(String overall) {
    return switch (overall) {
      case "outage" -> "Some systems are down";
      case "degraded" -> "Some systems are degraded";
      case "maintenance" -> "Scheduled maintenance in progress";
      default -> "All systems operational";
    };
  }

  static String stateText(MonitorState s) {
    return switch (s) {
      case UP -> "Operational";
      case DOWN -> "Down";
      case DEGRADED -> "Degraded";
      case MAINTENANCE -> "Maintenance";
      case PAUSED -> "Paused";
      case PENDING -> "No data yet";
    };
  }

  static String percent(double ratio) {
    return Double.isNaN(ratio) ? "no data" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  static String cell(double ratio) {
    if (Double.isNaN(ratio)) {
      return "none";
    }
    if (ratio >= 0.999) {
      return "good";
    }
    return ratio >= 0.99 ? "fair" : "poor";
  }

  private static String time(Instant t) {
    return "<time datetime=\"" + t + "\">" + TIME.format(t) + "</time>";
  }

  String html() {
    String feed = "/status/" + Html.urlPart(spec.slug()) + "/feed.atom";
    StringBuilder html =
        head(
            spec.title(),
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\""
                + Html.escape(spec.title())
                + " incidents\" href=\""
                + feed
                + "\">");
    html.append("<main><h1>")
        .append(Html.escape(spec.title()))
        .append("</h1><p class=\"banner ")
        .append(overall)
        .append("\" role=\"status\">")
        .append(banner(overall))
        .append("</p>");
    maintenanceHtml(html);
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      if (!group.getKey().isEmpty()) {
        html.append("<h2>").append(Html.escape(group.getKey())).append("</h2>");
      }
      html.append("<table><caption class=\"sr-only\">")
          .append(Html.escape(group.getKey().isEmpty() ? "Services" : group.getKey()))
          .append("</caption><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">State</th>")
          .append("<th scope=\"col\">Last ")
          .append(StatusPages.DAYS)
          .append(" days</th><th scope=\"col\">Uptime</th></tr></thead><tbody>");
      for (String name : group.getValue()) {
        Row r = rows.get(name);
        if (r != null) {
          rowHtml(html, r);
        }
      }
      html.append("</tbody></table>");
    }
    incidentsHtml(html);
    subscribeHtml(html, feed);
    html.append("<footer><small>Updated ")
        .append(TIME.format(now))
        .append(". <a href=\"/status/")
        .append(Html.escape(spec.slug()))
        .append(".json\">JSON</a></small></footer></main></body></html>");
    return html.toString();
  }

  /** The feed's link, and the form to subscribe by email when the page takes subscriptions. */
  private void subscribeHtml(StringBuilder html, String feed) {
    html.append("<section aria-labelledby=\"subscribe\"><h2 id=\"subscribe\">Get updates</h2>");
    if (spec.emailChannel() != null) {
      html.append("<form method=\"post\" action=\"/status/")
          .append(Html.urlPart(spec.slug()))
          .append("/subscribe\"><label for=\"subscribe-email\">Email</label> ")
          .append("<input type=\"email\" id=\"subscribe-email\" name=\"email\" required")
          .append(" maxlength=\"254\" autocomplete=\"email\"> ")
          .append("<button type=\"submit\" id=\"subscribe-button\">Subscribe</button>")
          .append(" <small>A mail when an incident starts, is updated and ends; you confirm first,")
          .append(" and every mail has a link to unsubscribe.</small></form>");
    }
    html.append("<p><a href=\"").append(feed).append("\">Atom feed of incidents</a></p></section>");
  }

  private void rowHtml(StringBuilder html, Row r) {
    html.append("<tr><th scope=\"row\">")
        .append(Html.escape(r.name()))
        .append("</th><td class=\"")
        .append(r.state().name())
        .append("\">")
        .append(stateText(r.state()))
        .append("</td><td><div class=\"bar\" role=\"img\" aria-label=\"")
        .append(Html.escape(StatusPages.barLabel(r.name(), r.days(), first)))
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

  private void maintenanceHtml(StringBuilder html) {
    if (maintenance.isEmpty()) {
      return;
    }
    html.append("<section aria-labelledby=\"maintenance\"><h2 id=\"maintenance\">")
        .append("Scheduled maintenance</h2><ul>");
    for (Planned p : maintenance) {
      html.append("<li><strong>")
          .append(p.inProgress() ? "In progress" : "Planned")
          .append("</strong>: ")
          .append(time(p.start()))
          .append(" to ")
          .append(time(p.end()))
          .append(" (")
          .append(
              Durations.format(
                  Duration.ofSeconds(Duration.between(p.start(), p.end()).toSeconds())))
          .append(
              switch (p.repeats()) {
                case "daily" -> ", every day";
                case "weekly" -> ", every week";
                default -> "";
              })
          .append("), ")
          .append(Html.escape(String.join(", ", p.monitors())))
          .append(".</li>");
    }
    html.append("</ul></section>");
  }

  private void incidentsHtml(StringBuilder html) {
    html.append("<h2>Incidents</h2>");
    if (incidents.isEmpty()) {
      html.append("<p>No incidents in the last ")
          .append(StatusPages.PAST_INCIDENTS.toDays())
          .append(" days.</p>");
    }
    for (Incident i : incidents) {
      html.append("<article><h3>")
          .append(Html.escape(i.monitor()))
          .append(i.open() ? ": ongoing" : ": resolved")
          .append("</h3><p>Started ")
          .append(time(i.startedAt()));
      Instant end = i.endedAt();
      if (end != null) {
        html.append(", resolved ")
            .append(time(end))
            .append(" (")
            .append(
                Durations.format(
                    Duration.ofSeconds(Duration.between(i.startedAt(), end).toSeconds())))
            .append(")");
      }
      html.append(".</p>");
      for (IncidentNote n : notes.getOrDefault(i.id(), List.of())) {
        html.append("<p>").append(time(n.at())).append(": ").append(Html.escape(n.text()));
        html.append("</p>");
      }
      html.append("</article>");
    }
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("slug", spec.slug()).put("title", spec.title()).put("status", overall);
    root.put("updated_at", now.toString());
    ArrayNode planned = root.putArray("maintenance");
    for (Planned p : maintenance) {
      ObjectNode o = planned.addObject();
      o.put("in_progress", p.inProgress())
          .put("starts_at", p.start().toString())
          .put("ends_at", p.end().toString())
          .put("repeats", p.repeats());
      p.monitors().forEach(o.putArray("monitors")::add);
    }
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
}

package dev.tickr.alert.channel;

import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Notification;
import dev.tickr.check.ReasonHelp;
import dev.tickr.time.Durations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The words of a notification, shared by the channels that show text to people: a title and a body
 * from the channel's templates (or the defaults below), and for a grouped notification one summary
 * title with a line per monitor, cut to fit the provider's limits. Each channel then lays them out
 * in its own payload.
 */
final class Messages {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Marks every test notification, whatever the channel's templates say. */
  static final String TEST_MARK = "[TEST] ";

  private static final Map<AlertEvent, Template> TITLES =
      byEvent(
          "{{monitor}} is DOWN",
          "{{monitor}} is UP again",
          "{{monitor}} is DEGRADED",
          "{{monitor}} is still DOWN",
          "{{monitor}}: certificate expires {{certificate_expires_at}}",
          "{{monitor}}: test notification",
          "Tickr lost connectivity",
          "Tickr's connectivity is back");

  private static final Map<AlertEvent, Template> BODIES =
      byEvent(
          "{{detail}} ({{reason}})\nDown since {{started_at}}.\n{{hint}}",
          "Down for {{duration}}, from {{started_at}} to {{ended_at}}.\n"
              + "Last failure: {{detail}} ({{reason}})\n{{impact}}",
          "{{detail}} ({{reason}})\nDegraded since {{started_at}}.\n{{hint}}",
          "Down for {{duration}}, since {{started_at}}.\n{{detail}} ({{reason}})\n{{hint}}",
          "The certificate expires {{certificate_expires_at}}.\n{{detail}}",
          "{{detail}}\nSent {{started_at}}.",
          "{{detail}} ({{reason}})\nSince {{started_at}}. Until it returns, checks that cannot"
              + " reach their targets are not counted: no incident opens.",
          "Lost for {{duration}}, from {{started_at}} to {{ended_at}}.\n"
              + "Monitors are judged afresh from now on.");

  private static final Map<AlertEvent, Template> LINES =
      byEvent(
          "{{monitor}}: {{detail}} ({{reason}}), since {{started_at}}",
          "{{monitor}}: UP again after {{duration}}",
          "{{monitor}}: {{detail}} ({{reason}}), since {{started_at}}",
          "{{monitor}}: {{detail}} ({{reason}}), down for {{duration}}",
          "{{monitor}}: certificate expires {{certificate_expires_at}}",
          "{{monitor}}: {{detail}}",
          "Tickr lost connectivity since {{started_at}}: {{detail}}",
          "Tickr's connectivity is back after {{duration}}");

  private static final Map<AlertEvent, String> SUMMARIES =
      new EnumMap<>(
          Map.of(
              AlertEvent.DOWN, "DOWN",
              AlertEvent.UP, "UP again",
              AlertEvent.DEGRADED, "DEGRADED",
              AlertEvent.REMINDER, "still DOWN",
              AlertEvent.CERTIFICATE, "with certificates expiring soon",
              AlertEvent.TEST, "in a test",
              AlertEvent.FLAPPING, "flapping",
              AlertEvent.CONNECTIVITY_LOST, "while Tickr lost connectivity",
              AlertEvent.CONNECTIVITY_RESTORED, "while Tickr's connectivity came back",
              AlertEvent.QUOTA_LOW, "running low on rate limit"));

  static {
    TITLES.put(AlertEvent.QUOTA_LOW, builtIn("{{monitor}}: rate limit running low"));
    BODIES.put(
        AlertEvent.QUOTA_LOW,
        builtIn(
            "{{detail}}\nSeen {{started_at}}. Checks go on; other clients of this key may be"
                + " refused soon."));
    LINES.put(AlertEvent.QUOTA_LOW, builtIn("{{monitor}}: {{detail}}"));
    SUMMARIES.put(AlertEvent.CHAIN_CHANGED, "with a changed redirect chain");
    TITLES.put(AlertEvent.CHAIN_CHANGED, builtIn("{{monitor}}: redirect chain changed"));
    BODIES.put(
        AlertEvent.CHAIN_CHANGED,
        builtIn(
            "{{detail}}\nSeen {{started_at}}. The check still passes; make sure the click id still"
                + " reaches the landing page."));
    LINES.put(AlertEvent.CHAIN_CHANGED, builtIn("{{monitor}}: {{detail}}"));
  }

  /**
   * The {@code flapping} notice: the texts of a monitor that started flapping, and of one that
   * settled ({@code ended_at} set), which the same event carries.
   */
  private static final Template FLAPPING_TITLE = builtIn("{{monitor}} is flapping");

  private static final Template FLAPPING_BODY =
      builtIn("{{detail}}\nFlapping since {{started_at}}; last failure: {{reason}}.");

  private static final Template FLAPPING_LINE =
      builtIn("{{monitor}}: flapping since {{started_at}} (last failure: {{reason}})");

  private static final Template SETTLED_TITLE = builtIn("{{monitor}} stopped flapping");

  private static final Template SETTLED_BODY =
      builtIn("{{detail}}.\nFlapped from {{started_at}} to {{ended_at}}.");

  private static final Template SETTLED_LINE = builtIn("{{monitor}}: stopped flapping, {{detail}}");

  /** How much of a grouped notification a provider takes. */
  record Limits(int maxLines, int maxChars) {}

  /**
   * What a message channel shows.
   *
   * @param lines one per monitor when grouped (already cut to the limits), else empty
   * @param more how many monitors did not fit in {@code lines}
   * @param link the monitor's dashboard page, or the dashboard when grouped
   */
  record Text(String title, String body, String link, List<String> lines, int more) {
    Text {
      lines = List.copyOf(lines);
    }
  }

  private final @Nullable Template title;
  private final @Nullable Template body;
  private final Clock clock;

  /** Templates from the channel's {@code title:} and {@code message:}, null for the defaults. */
  Messages(@Nullable Template title, @Nullable Template body, Clock clock) {
    this.title = title;
    this.body = body;
    this.clock = clock;
  }

  Text compose(Notification n, UnaryOperator<String> escape, Limits limits) {
    Instant now = clock.instant();
    String mark = n.event() == AlertEvent.TEST ? TEST_MARK : "";
    if (!n.grouped()) {
      Alert alert = n.first();
      Map<String, String> values = fields(alert, n.dashboardUrl(), now);
      // A channel's own templates speak of monitors; a notice about Tickr keeps its own words.
      boolean own = !alert.aboutTickr();
      Template t =
          title != null && own
              ? title
              : template(TITLES, FLAPPING_TITLE, SETTLED_TITLE, n.event(), alert);
      Template b =
          body != null && own
              ? body
              : template(BODIES, FLAPPING_BODY, SETTLED_BODY, n.event(), alert);
      return new Text(
          mark + t.render(values, escape),
          // A field left empty (no hint, no impact) leaves no blank line at the end.
          cut(b.render(values, escape).stripTrailing(), limits.maxChars()),
          link(n.dashboardUrl(), alert),
          List.of(),
          0);
    }
    List<String> lines = new ArrayList<>();
    int chars = 0;
    for (Alert alert : n.alerts()) {
      String line =
          cut(
              template(LINES, FLAPPING_LINE, SETTLED_LINE, n.event(), alert)
                  .render(fields(alert, n.dashboardUrl(), now), escape),
              300);
      if (lines.size() >= limits.maxLines() || chars + line.length() + 1 > limits.maxChars()) {
        break;
      }
      lines.add(line);
      chars += line.length() + 1;
    }
    int more = n.alerts().size() - lines.size();
    String text = String.join("\n", lines) + (more > 0 ? "\n… and " + more + " more" : "");
    return new Text(mark + summary(n, escape), text, n.dashboardUrl(), lines, more);
  }

  /**
   * {@code 5 monitors DOWN: a, b, c and 2 more}; a shared page names its reason: {@code 3 monitors
   * DOWN (connect): a, b, c}.
   */
  static String summary(Notification n, UnaryOperator<String> escape) {
    List<Alert> alerts = n.alerts();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(3, alerts.size()); i++) {
      names.add(escape.apply(alerts.get(i).monitor()));
    }
    int rest = alerts.size() - names.size();
    return alerts.size()
        + " monitors "
        + (settled(n.event(), n.first()) ? "stopped flapping" : SUMMARIES.get(n.event()))
        + (sharedPage(n) ? " (" + n.first().reason().code() + ")" : "")
        + ": "
        + String.join(", ", names)
        + (rest > 0 ? " and " + rest + " more" : "");
  }

  /** The values of {@link Template#FIELDS} for one alert; empty strings where there is none. */
  static Map<String, String> fields(Alert a, String dashboardUrl, Instant now) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("monitor", a.monitor());
    v.put("event", a.event().wire());
    v.put("EVENT", a.event().name());
    v.put("reason", a.reason().code());
    v.put("detail", a.detail());
    v.put("explanation", ReasonHelp.explanation(a.reason()));
    v.put("hint", ReasonHelp.hint(a.reason()));
    v.put("status", a.status() == null ? "" : String.valueOf(a.status()));
    v.put("started_at", TIME.format(a.startedAt()));
    v.put("ended_at", a.endedAt() == null ? "" : TIME.format(a.endedAt()));
    Duration lasted = Duration.between(a.startedAt(), a.endedAt() == null ? now : a.endedAt());
    v.put(
        "duration",
        Durations.format(
            lasted.isNegative() ? Duration.ZERO : Duration.ofSeconds(lasted.toSeconds())));
    v.put("incident_id", a.incidentId() == 0 ? "" : String.valueOf(a.incidentId()));
    v.put("tags", String.join(", ", a.tags()));
    v.put("evidence", a.evidence());
    Instant expires = a.certificateExpiresAt();
    v.put("certificate_expires_at", expires == null ? "" : TIME.format(expires));
    v.put("dashboard_url", dashboardUrl);
    v.put("monitor_url", link(dashboardUrl, a));
    v.put("impact", a.impact());
    return v;
  }

  /** The alert's monitor page, or the dashboard for a notice about Tickr itself. */
  static String link(String dashboardUrl, Alert a) {
    return a.aboutTickr() ? dashboardUrl : monitorUrl(dashboardUrl, a.monitor());
  }

  /** {@code https://tickr.example.com/monitors/name%20with%20spaces}. */
  static String monitorUrl(String dashboardUrl, String monitor) {
    String base =
        dashboardUrl.endsWith("/")
            ? dashboardUrl.substring(0, dashboardUrl.length() - 1)
            : dashboardUrl;
    return base
        + "/monitors/"
        + URLEncoder.encode(monitor, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** At most {@code max} characters, the last one {@code …} when cut; never splits a pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Escapes {@code &}, {@code <}, {@code >} and quotes, for HTML. */
  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The built-in text of an event; the flapping notice has one for each of its two sides. */
  private static Template template(
      Map<AlertEvent, Template> table,
      Template flapping,
      Template settled,
      AlertEvent event,
      Alert a) {
    if (event == AlertEvent.FLAPPING) {
      return settled(event, a) ? settled : flapping;
    }
    Template t = table.get(event);
    if (t == null) {
      throw new IllegalStateException("no default text for " + event);
    }
    return t;
  }

  /** Whether the notification's alerts share one page: several, all with one key. */
  static boolean sharedPage(Notification n) {
    String key = n.first().dedupKey();
    return n.grouped() && n.alerts().stream().allMatch(a -> a.dedupKey().equals(key));
  }

  /** Whether this is the notice that a monitor stopped flapping. */
  static boolean settled(AlertEvent event, Alert a) {
    return event == AlertEvent.FLAPPING && a.endedAt() != null;
  }

  private static Map<AlertEvent, Template> byEvent(
      String down,
      String up,
      String degraded,
      String reminder,
      String certificate,
      String test,
      String connectivityLost,
      String connectivityRestored) {
    Map<AlertEvent, Template> map = new EnumMap<>(AlertEvent.class);
    map.put(AlertEvent.DOWN, builtIn(down));
    map.put(AlertEvent.UP, builtIn(up));
    map.put(AlertEvent.DEGRADED, builtIn(degraded));
    map.put(AlertEvent.REMINDER, builtIn(reminder));
    map.put(AlertEvent.CERTIFICATE, builtIn(certificate));
    map.put(AlertEvent.TEST, builtIn(test));
    map.put(AlertEvent.CONNECTIVITY_LOST, builtIn(connectivityLost));
    map.put(AlertEvent.CONNECTIVITY_RESTORED, builtIn(connectivityRestored));
    return map;
  }

  private static Template builtIn(String text) {
    try {
      return Template.parse(text);
    } catch (Template.SyntaxException e) {
      throw new IllegalStateException("a built-in template does not parse: " + text, e);
    }
  }
}

package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.time.Durations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code alertmanager}: Prometheus Alertmanager's API v2 ({@code POST /api/v2/alerts}). Each
 * incident is one alert whose labels stay the same from DOWN to UP ({@code alertname}, {@code
 * monitor}, {@code severity}, {@code dedup_key} and the channel's {@code labels}), so Alertmanager
 * groups, routes and silences it like any other; UP sets {@code endsAt}. A firing alert ends by
 * itself after {@code expires-after} unless a reminder or the recovery comes first. Never grouped
 * by Tickr: Alertmanager groups.
 */
final class AlertmanagerNotifier implements Notifier {
  static final List<String> KEYS =
      List.of(
          "url",
          "alertname",
          "severity",
          "labels",
          "expires-after",
          "username",
          "password",
          "token",
          "title",
          "message",
          "timeout");

  static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
  static final Duration TEST_EXPIRY = Duration.ofMinutes(5);

  private static final Messages.Limits LIMITS = new Messages.Limits(1, 8000);

  private final String name;
  private final HttpUrl url;
  private final Map<String, String> labels;
  private final String alertname;
  private final String severity;
  private final Duration expiry;
  private final @Nullable String authorization;
  private final Messages messages;
  private final Clock clock;
  private final HttpDelivery http;

  private AlertmanagerNotifier(Settings s, URI base, Notifiers.Context context) {
    this.name = s.describe();
    this.url = HttpUrl.get(base.toString()).newBuilder().addPathSegments("api/v2/alerts").build();
    this.alertname = s.text("alertname") == null ? "TickrMonitorDown" : s.required("alertname");
    this.severity = s.text("severity") == null ? "critical" : s.required("severity");
    this.labels = s.map("labels");
    this.expiry = s.duration("expires-after", DEFAULT_EXPIRY, Duration.ofDays(30));
    this.authorization = s.authorization();
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.clock = context.clock();
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static AlertmanagerNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    return new AlertmanagerNotifier(s, s.url("url", null), context);
  }

  @Override
  public boolean groups() {
    return false;
  }

  /** Not the {@code flapping} notice: Alertmanager would fire it as an outage and route a page. */
  @Override
  public boolean sends(AlertEvent event) {
    return event != AlertEvent.FLAPPING;
  }

  @Override
  public Delivery send(Notification n) {
    Request.Builder request = new Request.Builder().url(url).post(Json.body(alerts(n)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build());
  }

  ArrayNode alerts(Notification n) {
    Instant now = clock.instant();
    ArrayNode alerts = Json.array();
    for (Alert alert : n.alerts()) {
      Messages.Text text =
          messages.compose(
              new Notification(n.id(), n.event(), List.of(alert), n.dashboardUrl()),
              s -> s,
              LIMITS);
      ObjectNode item = alerts.addObject();
      ObjectNode labelSet = item.putObject("labels");
      labelSet.put("alertname", alertname);
      labelSet.put("monitor", alert.aboutTickr() ? "tickr" : alert.monitor());
      labelSet.put("severity", severity);
      labelSet.put("dedup_key", alert.dedupKey());
      labels.forEach(labelSet::put);
      ObjectNode annotations = item.putObject("annotations");
      annotations.put("summary", text.title());
      annotations.put("description", text.body());
      annotations.put("event", n.event().wire());
      annotations.put("reason", alert.reason().code());
      annotations.put("detail", alert.detail());
      item.put("startsAt", Json.time(alert.startedAt()));
      item.put("endsAt", Json.time(endsAt(alert, n.event(), now)));
      item.put("generatorURL", text.link());
    }
    return alerts;
  }

  private Instant endsAt(Alert alert, AlertEvent event, Instant now) {
    Instant ended = alert.endedAt();
    if (event.resolves()) {
      return ended == null ? now : ended;
    }
    return now.plus(event == AlertEvent.TEST ? TEST_EXPIRY : expiry);
  }

  @Override
  public String toString() {
    return name + " (alerts expire after " + Durations.format(expiry) + ")";
  }
}

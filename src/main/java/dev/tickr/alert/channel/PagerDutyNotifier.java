package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.util.List;
import okhttp3.Request;

/**
 * {@code pagerduty}: Events API v2. A DOWN (and its reminders) triggers an alert keyed by the
 * incident's {@code dedup_key}; UP resolves it. DEGRADED and certificate warnings trigger with
 * severity {@code warning}, tests with {@code info}; the {@code flapping} notice is not sent. A
 * DOWN on a page it shares with others goes as one event keyed by the page, listing the monitors on
 * it.
 */
final class PagerDutyNotifier implements Notifier {
  static final List<String> KEYS =
      List.of("routing-key", "url", "severity", "title", "message", "timeout");

  static final String EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
  static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");
  static final int SUMMARY_CHARS = 1024;

  private static final Messages.Limits LIMITS = new Messages.Limits(100, 8000);

  private final String name;
  private final URI url;
  private final String routingKey;
  private final String severity;
  private final Messages messages;
  private final HttpDelivery http;

  private PagerDutyNotifier(Settings s, URI url, String routingKey, Notifiers.Context context) {
    this.name = s.describe();
    this.url = url;
    this.routingKey = routingKey;
    this.severity = s.choice("severity", SEVERITIES, "critical");
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static PagerDutyNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("routing-key");
    String routingKey = s.required("routing-key");
    return new PagerDutyNotifier(s, s.url("url", EVENTS_URL), routingKey, context);
  }

  @Override
  public boolean groups() {
    return false;
  }

  /** Not the {@code flapping} notice: it would page for what is not an outage. */
  @Override
  public boolean sends(AlertEvent event) {
    return event != AlertEvent.FLAPPING;
  }

  @Override
  public boolean sharesPages() {
    return true;
  }

  /**
   * One event for alerts that share a page, else one per alert, in order; stops at the first that
   * is not sent.
   */
  @Override
  public Delivery send(Notification n) {
    if (Messages.sharedPage(n)) {
      return http.send(new Request.Builder().url(url.toString()).post(Json.body(event(n))).build());
    }
    Delivery last = null;
    for (Alert alert : n.alerts()) {
      Notification one = new Notification(n.id(), n.event(), List.of(alert), n.dashboardUrl());
      last =
          http.send(new Request.Builder().url(url.toString()).post(Json.body(event(one))).build());
      if (last.outcome() != Delivery.Outcome.SENT) {
        return last;
      }
    }
    return java.util.Objects.requireNonNull(last);
  }

  ObjectNode event(Notification n) {
    Alert alert = n.first();
    ObjectNode root = Json.object();
    root.put("routing_key", routingKey);
    root.put("event_action", n.event().resolves() ? "resolve" : "trigger");
    root.put("dedup_key", alert.dedupKey());
    if (n.event().resolves()) {
      return root;
    }
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    ObjectNode payload = root.putObject("payload");
    payload.put("summary", Messages.cut(text.title(), SUMMARY_CHARS));
    payload.put(
        "source",
        alert.aboutTickr()
            ? "tickr"
            : n.grouped() ? n.alerts().size() + " monitors (Tickr)" : alert.monitor());
    payload.put("severity", severity(n.event()));
    payload.put("timestamp", Json.time(alert.startedAt()));
    payload.put("class", alert.reason().code());
    ObjectNode details = payload.putObject("custom_details");
    details.put("event", n.event().wire());
    details.put("detail", alert.detail());
    details.put("message", text.body());
    if (n.grouped()) {
      details.set("monitors", Json.monitors(n.alerts()));
    } else {
      details.put("status", alert.status());
      details.put("incident_id", alert.incidentId());
      details.set("tags", Json.strings(alert.tags()));
      details.put("evidence", alert.evidence());
    }
    root.put("client", "Tickr");
    root.put("client_url", n.dashboardUrl());
    root.putArray("links").addObject().put("href", text.link()).put("text", "Open in Tickr");
    return root;
  }

  private String severity(AlertEvent event) {
    return switch (event) {
      case DOWN, REMINDER -> severity;
      case DEGRADED, CERTIFICATE, CONNECTIVITY_LOST, QUOTA_LOW, CHAIN_CHANGED -> "warning";
      case TEST, UP, FLAPPING, CONNECTIVITY_RESTORED -> "info";
    };
  }

  @Override
  public String toString() {
    return name;
  }
}

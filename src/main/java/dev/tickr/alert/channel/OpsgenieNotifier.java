package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * {@code opsgenie}: the Alert API. A DOWN (and its reminders) creates an alert whose {@code alias}
 * is the incident's key, so Opsgenie folds repeats into it; UP closes it by that alias. A DOWN on a
 * page it shares with others goes as one alert whose alias is the page's, listing the monitors on
 * it; the {@code flapping} notice is not sent.
 */
final class OpsgenieNotifier implements Notifier {
  static final List<String> KEYS =
      List.of("api-key", "region", "url", "priority", "tags", "title", "message", "timeout");

  static final Map<String, String> REGIONS =
      Map.of("us", "https://api.opsgenie.com", "eu", "https://api.eu.opsgenie.com");
  static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "P5");
  static final int MESSAGE_CHARS = 130;
  static final int DESCRIPTION_CHARS = 15_000;

  private static final Messages.Limits LIMITS = new Messages.Limits(100, DESCRIPTION_CHARS);

  private final String name;
  private final HttpUrl base;
  private final String apiKey;
  private final String priority;
  private final List<String> tags;
  private final Messages messages;
  private final HttpDelivery http;

  private OpsgenieNotifier(Settings s, URI base, String apiKey, Notifiers.Context context) {
    this.name = s.describe();
    this.base = HttpUrl.get(base.toString());
    this.apiKey = apiKey;
    this.priority = s.choice("priority", PRIORITIES, "P3");
    this.tags = s.list("tags");
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static OpsgenieNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    String apiKey = s.required("api-key");
    String region = s.choice("region", List.of("us", "eu"), "us");
    URI base = s.url("url", REGIONS.get(region));
    return new OpsgenieNotifier(s, base, apiKey, context);
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
   * One call for alerts that share a page, else one per alert, in order; stops at the first that is
   * not sent.
   */
  @Override
  public Delivery send(Notification n) {
    if (Messages.sharedPage(n)) {
      return sendOne(n);
    }
    Delivery last = null;
    for (Alert alert : n.alerts()) {
      last = sendOne(new Notification(n.id(), n.event(), List.of(alert), n.dashboardUrl()));
      if (last.outcome() != Delivery.Outcome.SENT) {
        return last;
      }
    }
    return java.util.Objects.requireNonNull(last);
  }

  private Delivery sendOne(Notification one) {
    HttpUrl.Builder url = base.newBuilder().addPathSegments("v2/alerts");
    if (one.event().resolves()) {
      url.addPathSegment(one.first().dedupKey())
          .addPathSegment("close")
          .addQueryParameter("identifierType", "alias");
    }
    return http.send(
        new Request.Builder()
            .url(url.build())
            .header("Authorization", "GenieKey " + apiKey)
            .post(Json.body(body(one)))
            .build());
  }

  ObjectNode body(Notification n) {
    Alert alert = n.first();
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    if (n.event().resolves()) {
      return Json.object().put("source", "Tickr").put("note", text.title() + "\n" + text.body());
    }
    ObjectNode root = Json.object();
    root.put("message", Messages.cut(text.title(), MESSAGE_CHARS));
    root.put("alias", alert.dedupKey());
    root.put("description", Messages.cut(text.body(), DESCRIPTION_CHARS));
    ArrayNode tagList = root.putArray("tags");
    tagList.add("tickr");
    alert.tags().forEach(tagList::add);
    tags.forEach(tagList::add);
    ObjectNode details = root.putObject("details");
    details.put("event", n.event().wire());
    details.put("reason", alert.reason().code());
    details.put("detail", alert.detail());
    details.put("started_at", Json.time(alert.startedAt()));
    details.put("dashboard_url", text.link());
    if (alert.status() != null) {
      details.put("status", String.valueOf(alert.status()));
    }
    if (n.grouped()) {
      details.put("monitors", String.join(", ", n.alerts().stream().map(Alert::monitor).toList()));
    }
    root.put(
        "entity",
        alert.aboutTickr()
            ? "tickr"
            : n.grouped() ? n.alerts().size() + " monitors" : alert.monitor());
    root.put("source", "Tickr");
    root.put("priority", priority(n.event()));
    return root;
  }

  private String priority(AlertEvent event) {
    return switch (event) {
      case DOWN, REMINDER, UP -> priority;
      case DEGRADED,
          CERTIFICATE,
          CONNECTIVITY_LOST,
          CONNECTIVITY_RESTORED,
          QUOTA_LOW,
          CHAIN_CHANGED ->
          "P4";
      case TEST, FLAPPING -> "P5";
    };
  }

  @Override
  public String toString() {
    return name;
  }
}

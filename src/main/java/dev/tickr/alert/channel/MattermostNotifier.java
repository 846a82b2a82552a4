package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code mattermost}: an incoming webhook ({@code https://chat.example.com/hooks/KEY}, itself the
 * secret) with one message attachment coloured by the event; {@code channel}, {@code username} and
 * {@code icon-url} override the webhook's own when the server allows it.
 */
final class MattermostNotifier implements Notifier {
  static final List<String> KEYS =
      List.of("url", "channel", "username", "icon-url", "title", "message", "timeout");

  /** Mattermost posts hold 16,383 characters. */
  static final Messages.Limits LIMITS = new Messages.Limits(100, 12_000);

  static final Map<AlertEvent, String> COLOURS =
      Map.of(
          AlertEvent.DOWN, "#E74C3C",
          AlertEvent.UP, "#2ECC71",
          AlertEvent.DEGRADED, "#E67E22",
          AlertEvent.FLAPPING, "#9B59B6",
          AlertEvent.REMINDER, "#992D22",
          AlertEvent.CERTIFICATE, "#F1C40F",
          AlertEvent.TEST, "#3498DB",
          AlertEvent.CONNECTIVITY_LOST, "#95A5A6",
          AlertEvent.CONNECTIVITY_RESTORED, "#95A5A6");

  private final String name;
  private final URI url;
  private final Map<String, String> overrides;
  private final Messages messages;
  private final HttpDelivery http;

  private MattermostNotifier(
      String name, URI url, Map<String, String> overrides, Messages messages, HttpDelivery http) {
    this.name = name;
    this.url = url;
    this.overrides = overrides;
    this.messages = messages;
    this.http = http;
  }

  static MattermostNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("url");
    URI url = s.url("url", null);
    Map<String, String> overrides = new java.util.LinkedHashMap<>();
    put(overrides, "channel", s.text("channel"));
    put(overrides, "username", s.text("username"));
    if (s.text("icon-url") != null) {
      overrides.put("icon_url", s.url("icon-url", null).toString());
    }
    Messages messages = new Messages(s.template("title"), s.template("message"), context.clock());
    return new MattermostNotifier(
        s.describe(), url, overrides, messages, new HttpDelivery(context, s.timeout(), s.mask()));
  }

  private static void put(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Override
  public Delivery send(Notification n) {
    return http.send(new Request.Builder().url(url.toString()).post(Json.body(payload(n))).build());
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    ObjectNode root = Json.object();
    overrides.forEach(root::put);
    root.putArray("attachments")
        .addObject()
        .put("fallback", text.title())
        .put("color", COLOURS.get(n.event()))
        .put("title", text.title())
        .put("title_link", text.link())
        .put("text", text.body());
    return root;
  }

  @Override
  public String toString() {
    return name;
  }
}

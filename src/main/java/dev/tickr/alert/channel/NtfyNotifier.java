package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@code ntfy}: a JSON publish to a topic on ntfy.sh or your own server, with a title, priority,
 * tags (shown as emoji) and a click-through link; an access token or a username and password when
 * the topic is protected. The topic name is treated as a secret, as anyone who knows it can read.
 */
final class NtfyNotifier implements Notifier {
  static final List<String> KEYS =
      List.of(
          "url",
          "topic",
          "token",
          "username",
          "password",
          "priority",
          "tags",
          "title",
          "message",
          "timeout");

  static final String SERVER_URL = "https://ntfy.sh";
  static final List<String> PRIORITIES = List.of("min", "low", "default", "high", "max");
  static final Messages.Limits LIMITS = new Messages.Limits(40, 3800);

  private static final Map<AlertEvent, String> TAGS =
      Map.of(
          AlertEvent.DOWN, "rotating_light",
          AlertEvent.UP, "white_check_mark",
          AlertEvent.DEGRADED, "warning",
          AlertEvent.FLAPPING, "repeat",
          AlertEvent.REMINDER, "rotating_light",
          AlertEvent.CERTIFICATE, "lock",
          AlertEvent.TEST, "test_tube",
          AlertEvent.CONNECTIVITY_LOST, "electric_plug",
          AlertEvent.CONNECTIVITY_RESTORED, "electric_plug");

  private final String name;
  private final URI url;
  private final String topic;
  private final @Nullable Integer priority;
  private final List<String> tags;
  private final @Nullable String authorization;
  private final Messages messages;
  private final HttpDelivery http;

  private NtfyNotifier(Settings s, URI url, String topic, Notifiers.Context context) {
    this.name = s.describe();
    this.url = url;
    this.topic = topic;
    this.priority =
        s.text("priority") == null
            ? null
            : PRIORITIES.indexOf(s.choice("priority", PRIORITIES, "default")) + 1;
    this.tags = s.list("tags");
    this.authorization = s.authorization();
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static NtfyNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("topic");
    String topic = s.required("topic");
    return new NtfyNotifier(s, s.url("url", SERVER_URL), topic, context);
  }

  @Override
  public Delivery send(Notification n) {
    Request.Builder request = new Request.Builder().url(url.toString()).post(Json.body(body(n)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build());
  }

  ObjectNode body(Notification n) {
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    ObjectNode root = Json.object();
    root.put("topic", topic);
    root.put("title", text.title());
    root.put("message", text.body());
    root.put("priority", priority != null ? priority : defaultPriority(n.event()));
    ArrayNode tagList = root.putArray("tags");
    tagList.add(TAGS.get(n.event()));
    tags.forEach(tagList::add);
    root.put("click", text.link());
    return root;
  }

  /** high for DOWN, default for the rest. */
  private static int defaultPriority(AlertEvent event) {
    return event == AlertEvent.DOWN || event == AlertEvent.REMINDER ? 4 : 3;
  }

  @Override
  public String toString() {
    return name;
  }
}

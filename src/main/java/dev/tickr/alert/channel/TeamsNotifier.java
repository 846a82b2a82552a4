package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.util.List;
import java.util.Map;

/**
 * {@code teams}: a Microsoft Teams webhook (a Workflows "When a Teams webhook request is received"
 * URL, or a legacy incoming webhook; either way the URL is the secret) with an Adaptive Card 1.4 in
 * a message attachment. A grouped notification is one card with a paragraph per monitor.
 */
final class TeamsNotifier implements Notifier {
  static final List<String> KEYS = List.of("url", "title", "message", "timeout");

  /** Teams refuses messages over about 28 KB. */
  static final Messages.Limits LIMITS = new Messages.Limits(40, 12_000);

  static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

  /** Adaptive Card text colours by event. */
  static final Map<AlertEvent, String> COLOURS =
      Map.of(
          AlertEvent.DOWN, "Attention",
          AlertEvent.UP, "Good",
          AlertEvent.DEGRADED, "Warning",
          AlertEvent.FLAPPING, "Warning",
          AlertEvent.REMINDER, "Attention",
          AlertEvent.CERTIFICATE, "Warning",
          AlertEvent.TEST, "Accent",
          AlertEvent.CONNECTIVITY_LOST, "Warning",
          AlertEvent.CONNECTIVITY_RESTORED, "Good");

  private final ChatWebhook hook;

  private TeamsNotifier(ChatWebhook hook) {
    this.hook = hook;
  }

  static TeamsNotifier create(Settings s, Notifiers.Context context) {
    return new TeamsNotifier(ChatWebhook.read(s, KEYS, context));
  }

  @Override
  public Delivery send(Notification n) {
    return hook.post(payload(n));
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = hook.messages.compose(n, s -> s, LIMITS);
    ObjectNode root = Json.object().put("type", "message");
    ObjectNode attachment = root.putArray("attachments").addObject();
    attachment.put("contentType", CARD_TYPE);
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", SCHEMA);
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject()
        .put("type", "TextBlock")
        .put("text", text.title())
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("color", COLOURS.get(n.event()))
        .put("wrap", true);
    List<String> paragraphs =
        text.lines().isEmpty() ? List.of(text.body()) : withMore(text.lines(), text.more());
    for (String paragraph : paragraphs) {
      // A lone line break does not show in a TextBlock; a blank line does.
      body.addObject()
          .put("type", "TextBlock")
          .put("text", paragraph.replace("\n", "\n\n"))
          .put("wrap", true);
    }
    card.putArray("actions")
        .addObject()
        .put("type", "Action.OpenUrl")
        .put("title", "Open in Tickr")
        .put("url", text.link());
    return root;
  }

  private static List<String> withMore(List<String> lines, int more) {
    if (more == 0) {
      return lines;
    }
    List<String> out = new java.util.ArrayList<>(lines);
    out.add("… and " + more + " more");
    return out;
  }

  @Override
  public String toString() {
    return hook.name;
  }
}

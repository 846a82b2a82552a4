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
 * {@code slack}: an incoming webhook ({@code https://hooks.slack.com/services/...}, itself the
 * secret) with Block Kit blocks (a header, a section, a link) and the title as the fallback {@code
 * text} for notifications. A grouped notification is one header and a section per monitor, within
 * Slack's 50 blocks.
 */
final class SlackNotifier implements Notifier {
  static final List<String> KEYS = List.of("url", "title", "message", "timeout");

  /**
   * Slack takes 50 blocks (a header, these sections, a "more" line and the link) and refuses
   * messages whose blocks hold much more than 12,000 characters.
   */
  static final Messages.Limits LIMITS = new Messages.Limits(45, 11_000);

  static final int HEADER_CHARS = 150;
  static final int SECTION_CHARS = 3000;

  private static final Map<AlertEvent, String> EMOJI =
      Map.of(
          AlertEvent.DOWN, ":red_circle:",
          AlertEvent.UP, ":large_green_circle:",
          AlertEvent.DEGRADED, ":large_orange_circle:",
          AlertEvent.FLAPPING, ":repeat:",
          AlertEvent.REMINDER, ":red_circle:",
          AlertEvent.CERTIFICATE, ":warning:",
          AlertEvent.TEST, ":test_tube:",
          AlertEvent.CONNECTIVITY_LOST, ":electric_plug:",
          AlertEvent.CONNECTIVITY_RESTORED, ":electric_plug:");

  private final ChatWebhook hook;

  private SlackNotifier(ChatWebhook hook) {
    this.hook = hook;
  }

  static SlackNotifier create(Settings s, Notifiers.Context context) {
    return new SlackNotifier(ChatWebhook.read(s, KEYS, context));
  }

  @Override
  public Delivery send(Notification n) {
    return hook.post(payload(n));
  }

  ObjectNode payload(Notification n) {
    Messages.Text plain = hook.messages.compose(n, text -> text, LIMITS);
    Messages.Text marked = hook.messages.compose(n, SlackNotifier::escape, LIMITS);
    ObjectNode root = Json.object();
    root.put("text", plain.title());
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", Messages.cut(EMOJI.get(n.event()) + " " + plain.title(), HEADER_CHARS))
        .put("emoji", true);
    if (marked.lines().isEmpty()) {
      section(blocks, marked.body());
    } else {
      marked.lines().forEach(line -> section(blocks, line));
      if (marked.more() > 0) {
        context(blocks, "… and " + marked.more() + " more");
      }
    }
    context(blocks, "<" + marked.link() + "|Open in Tickr>");
    return root;
  }

  private static void section(ArrayNode blocks, String text) {
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", Messages.cut(text, SECTION_CHARS));
  }

  private static void context(ArrayNode blocks, String text) {
    ObjectNode context = blocks.addObject().put("type", "context");
    context.putArray("elements").addObject().put("type", "mrkdwn").put("text", text);
  }

  /** Slack's mrkdwn reads {@code &}, {@code <} and {@code >} as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public String toString() {
    return hook.name;
  }
}

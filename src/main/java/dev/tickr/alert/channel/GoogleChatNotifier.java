package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.util.List;

/**
 * {@code google-chat}: a space's incoming webhook ({@code
 * https://chat.googleapis.com/v1/spaces/.../messages?key=...&token=...}, itself the secret) with a
 * text message: the title in bold, the body, and a link.
 */
final class GoogleChatNotifier implements Notifier {
  static final List<String> KEYS = List.of("url", "title", "message", "timeout");

  /** Google Chat takes 4,096 characters of text. */
  static final Messages.Limits LIMITS = new Messages.Limits(40, 3500);

  static final int TEXT_CHARS = 4096;

  private final ChatWebhook hook;

  private GoogleChatNotifier(ChatWebhook hook) {
    this.hook = hook;
  }

  static GoogleChatNotifier create(Settings s, Notifiers.Context context) {
    return new GoogleChatNotifier(ChatWebhook.read(s, KEYS, context));
  }

  @Override
  public Delivery send(Notification n) {
    return hook.post(payload(n));
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = hook.messages.compose(n, s -> s, LIMITS);
    String link = "<" + text.link() + "|Open in Tickr>";
    String body = "*" + text.title() + "*\n" + text.body();
    return Json.object()
        .put("text", Messages.cut(body, TEXT_CHARS - link.length() - 1) + "\n" + link);
  }

  @Override
  public String toString() {
    return hook.name;
  }
}

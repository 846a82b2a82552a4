package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.util.List;
import okhttp3.Request;

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

  private final String name;
  private final URI url;
  private final Messages messages;
  private final HttpDelivery http;

  private GoogleChatNotifier(String name, URI url, Messages messages, HttpDelivery http) {
    this.name = name;
    this.url = url;
    this.messages = messages;
    this.http = http;
  }

  static GoogleChatNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("url");
    URI url = s.url("url", null);
    Messages messages = new Messages(s.template("title"), s.template("message"), context.clock());
    return new GoogleChatNotifier(
        s.describe(), url, messages, new HttpDelivery(context, s.timeout(), s.mask()));
  }

  @Override
  public Delivery send(Notification n) {
    return http.send(new Request.Builder().url(url.toString()).post(Json.body(payload(n))).build());
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    String link = "<" + text.link() + "|Open in Tickr>";
    String body = "*" + text.title() + "*\n" + text.body();
    return Json.object()
        .put("text", Messages.cut(body, TEXT_CHARS - link.length() - 1) + "\n" + link);
  }

  @Override
  public String toString() {
    return name;
  }
}

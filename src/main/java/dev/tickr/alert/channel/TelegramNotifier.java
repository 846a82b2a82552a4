package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code telegram}: the Bot API's {@code sendMessage} to one chat, as HTML (title in bold, the
 * body, a link), without link previews. The bot token sits in the request path, so it is masked
 * wherever an answer or error is shown. A grouped notification stays within Telegram's 4,096
 * characters.
 */
final class TelegramNotifier implements Notifier {
  static final List<String> KEYS =
      List.of("token", "chat-id", "url", "silent", "title", "message", "timeout");

  static final String API_URL = "https://api.telegram.org";
  static final int TEXT_CHARS = 4096;
  static final Messages.Limits LIMITS = new Messages.Limits(60, 3500);

  private final String name;
  private final HttpUrl url;
  private final String chatId;
  private final boolean silent;
  private final Messages messages;
  private final HttpDelivery http;

  private TelegramNotifier(Settings s, HttpUrl url, String chatId, Notifiers.Context context) {
    this.name = s.describe();
    this.url = url;
    this.chatId = chatId;
    this.silent = s.flag("silent", false);
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static TelegramNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("token");
    String token = s.required("token");
    String chatId = s.required("chat-id");
    URI base = s.url("url", API_URL);
    HttpUrl url = HttpUrl.get(base.toString());
    if (!token.isEmpty()) {
      url = url.newBuilder().addPathSegment("bot" + token).addPathSegment("sendMessage").build();
    }
    return new TelegramNotifier(s, url, chatId, context);
  }

  @Override
  public Delivery send(Notification n) {
    return http.send(
        new Request.Builder().url(url).post(Json.body(payload(n))).build(),
        TelegramNotifier::retryAfter);
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = messages.compose(n, Messages::html, LIMITS);
    String link = "<a href=\"" + Messages.html(text.link()) + "\">Open in Tickr</a>";
    String html = "<b>" + text.title() + "</b>\n" + text.body() + "\n\n" + link;
    ObjectNode root = Json.object();
    if (chatId.matches("-?\\d+")) {
      root.put("chat_id", Long.parseLong(chatId));
    } else {
      root.put("chat_id", chatId);
    }
    root.put("text", html.length() <= TEXT_CHARS ? html : "<b>" + text.title() + "</b>\n" + link);
    root.put("parse_mode", "HTML");
    root.putObject("link_preview_options").put("is_disabled", true);
    if (silent) {
      root.put("disable_notification", true);
    }
    return root;
  }

  /** Telegram says when to come back in its body: {@code "parameters": {"retry_after": 5}}. */
  static @Nullable Duration retryAfter(String body) {
    JsonNode seconds = Json.parse(body).path("parameters").path("retry_after");
    return seconds.canConvertToLong() ? Duration.ofSeconds(seconds.asLong()) : null;
  }

  @Override
  public String toString() {
    return name;
  }
}

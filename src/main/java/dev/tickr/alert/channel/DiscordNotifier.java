package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code discord}: a channel webhook ({@code https://discord.com/api/webhooks/ID/TOKEN}, itself the
 * secret) with one embed coloured by the event. Mentions in monitor names or details never ping
 * anyone ({@code allowed_mentions} is empty). A grouped notification is one embed with a line per
 * monitor, within Discord's 4,096 characters of description.
 */
final class DiscordNotifier implements Notifier {
  static final List<String> KEYS = List.of("url", "username", "title", "message", "timeout");

  static final Messages.Limits LIMITS = new Messages.Limits(50, 3900);
  static final int TITLE_CHARS = 256;
  static final int DESCRIPTION_CHARS = 4096;

  /** Embed colours, as Discord wants them: RGB as one decimal number. */
  static final Map<AlertEvent, Integer> COLOURS =
      Map.of(
          AlertEvent.DOWN, 0xE74C3C,
          AlertEvent.UP, 0x2ECC71,
          AlertEvent.DEGRADED, 0xE67E22,
          AlertEvent.FLAPPING, 0x9B59B6,
          AlertEvent.REMINDER, 0x992D22,
          AlertEvent.CERTIFICATE, 0xF1C40F,
          AlertEvent.TEST, 0x3498DB,
          AlertEvent.CONNECTIVITY_LOST, 0x95A5A6,
          AlertEvent.CONNECTIVITY_RESTORED, 0x95A5A6);

  private final String name;
  private final URI url;
  private final @Nullable String username;
  private final Messages messages;
  private final Clock clock;
  private final HttpDelivery http;

  private DiscordNotifier(
      Settings s, URI url, @Nullable String username, Notifiers.Context context) {
    this.name = s.describe();
    this.url = url;
    this.username = username;
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.clock = context.clock();
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static DiscordNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("url");
    URI url = s.url("url", null);
    return new DiscordNotifier(s, url, s.text("username"), context);
  }

  @Override
  public Delivery send(Notification n) {
    return http.send(new Request.Builder().url(url.toString()).post(Json.body(payload(n))).build());
  }

  ObjectNode payload(Notification n) {
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    ObjectNode root = Json.object();
    if (username != null) {
      root.put("username", username);
    }
    ObjectNode embed = root.putArray("embeds").addObject();
    embed.put("title", Messages.cut(text.title(), TITLE_CHARS));
    embed.put("description", Messages.cut(text.body(), DESCRIPTION_CHARS));
    embed.put("url", text.link());
    embed.put("color", COLOURS.get(n.event()));
    embed.put("timestamp", Json.time(clock.instant()));
    embed.putObject("footer").put("text", "Tickr");
    root.putObject("allowed_mentions").putArray("parse");
    return root;
  }

  @Override
  public String toString() {
    return name;
  }
}

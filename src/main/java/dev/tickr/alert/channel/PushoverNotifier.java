package dev.tickr.alert.channel;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import java.net.URI;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code pushover}: {@code POST /1/messages.json} with the application token and the user (or
 * group) key, a title, the message, a priority and a link back. Emergency priority (2) repeats
 * every minute for an hour until acknowledged.
 */
final class PushoverNotifier implements Notifier {
  static final List<String> KEYS =
      List.of("token", "user", "url", "priority", "sound", "device", "title", "message", "timeout");

  static final String API_URL = "https://api.pushover.net";
  static final int TITLE_CHARS = 250;
  static final int MESSAGE_CHARS = 1024;
  static final Messages.Limits LIMITS = new Messages.Limits(20, 1000);

  private final String name;
  private final HttpUrl url;
  private final String token;
  private final String user;
  private final @Nullable Long priority;
  private final @Nullable String sound;
  private final @Nullable String device;
  private final Messages messages;
  private final HttpDelivery http;

  private PushoverNotifier(
      Settings s, URI base, String token, String user, Notifiers.Context context) {
    this.name = s.describe();
    this.url = HttpUrl.get(base.toString()).newBuilder().addPathSegments("1/messages.json").build();
    this.token = token;
    this.user = user;
    this.priority = s.text("priority") == null ? null : s.number("priority", 0, -2, 2);
    this.sound = s.text("sound");
    this.device = s.text("device");
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.http = new HttpDelivery(context, s.timeout(), s.mask());
  }

  static PushoverNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    s.secret("token");
    s.secret("user");
    String token = s.required("token");
    String user = s.required("user");
    return new PushoverNotifier(s, s.url("url", API_URL), token, user, context);
  }

  @Override
  public Delivery send(Notification n) {
    return http.send(new Request.Builder().url(url).post(form(n)).build());
  }

  FormBody form(Notification n) {
    Messages.Text text = messages.compose(n, s -> s, LIMITS);
    long level = priority != null ? priority : defaultPriority(n.event());
    FormBody.Builder form =
        new FormBody.Builder()
            .add("token", token)
            .add("user", user)
            .add("title", Messages.cut(text.title(), TITLE_CHARS))
            .add("message", Messages.cut(text.body(), MESSAGE_CHARS))
            .add("priority", String.valueOf(level))
            .add("url", text.link())
            .add("url_title", "Open in Tickr");
    if (level == 2) {
      form.add("retry", "60").add("expire", "3600");
    }
    if (sound != null) {
      form.add("sound", sound);
    }
    if (device != null) {
      form.add("device", device);
    }
    return form.build();
  }

  /** High (1) for DOWN, normal (0) for the rest. */
  private static long defaultPriority(AlertEvent event) {
    return event == AlertEvent.DOWN || event == AlertEvent.REMINDER ? 1 : 0;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Delivery;
import java.net.URI;
import java.util.List;
import okhttp3.Request;

/**
 * A chat service's incoming webhook, what Slack, Teams and Google Chat channels share: a secret
 * {@code url} that takes one JSON {@code POST} per message, the channel's {@code title} and {@code
 * message} templates, and the channel's name for logs.
 */
final class ChatWebhook {
  final String name;
  final Messages messages;
  private final URI url;
  private final HttpDelivery http;

  private ChatWebhook(String name, URI url, Messages messages, HttpDelivery http) {
    this.name = name;
    this.url = url;
    this.messages = messages;
    this.http = http;
  }

  /**
   * Reads {@code url} (secret: the URL is the credential) and the templates; allows {@code keys}.
   */
  static ChatWebhook read(Settings s, List<String> keys, Notifiers.Context context) {
    s.allow(keys);
    s.secret("url");
    URI url = s.url("url", null);
    Messages messages = new Messages(s.template("title"), s.template("message"), context.clock());
    return new ChatWebhook(
        s.describe(), url, messages, new HttpDelivery(context, s.timeout(), s.mask()));
  }

  Delivery post(ObjectNode payload) {
    return http.send(new Request.Builder().url(url.toString()).post(Json.body(payload)).build());
  }
}

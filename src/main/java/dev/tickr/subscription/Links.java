package dev.tickr.subscription;

import dev.tickr.config.Config;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The links in subscriber mails: under {@code server.public-url}, else the address Tickr listens
 * on. Never the {@code Host} of a request: a visitor could make the mails point anywhere.
 */
public final class Links {
  private final Supplier<Config> config;
  private final Supplier<String> listening;

  /**
   * @param listening {@code host:port} the web server listens on
   */
  public Links(Supplier<Config> config, Supplier<String> listening) {
    this.config = config;
    this.listening = listening;
  }

  String base() {
    URI url = config.get().server().publicUrl();
    String base = url != null ? url.toString() : "http://" + listening.get();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  String page(String slug) {
    return base() + "/status/" + part(slug);
  }

  String confirm(String slug, String token) {
    return page(slug) + "/confirm?token=" + part(token);
  }

  String unsubscribe(String slug, long subscriber, String token) {
    return page(slug) + "/unsubscribe?id=" + subscriber + "&token=" + part(token);
  }

  private static String part(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

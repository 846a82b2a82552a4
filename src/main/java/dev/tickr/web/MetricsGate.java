package dev.tickr.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who may read {@code /metrics}. With {@code server.metrics-token} set, requests that carry {@code
 * Authorization: Bearer <token>} (else 401). Without one, anyone when Tickr listens on a loopback
 * address only (else 403: metrics tell what is monitored, and when it fails). The token is read at
 * each request, so a reload that sets, changes or removes it counts at once.
 */
final class MetricsGate {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]+\\]?");

  private final Supplier<@Nullable String> token;
  private final Supplier<String> listenHost;

  /**
   * @param token the current metrics token, or null when none is set
   * @param listenHost the address the server listens on
   */
  MetricsGate(Supplier<@Nullable String> token, Supplier<String> listenHost) {
    this.token = token;
    this.listenHost = listenHost;
  }

  /** Whether the request may read the metrics; when not, its answer is written. */
  boolean admit(Context ctx) {
    String required = token.get();
    if (required != null) {
      if (bearer(ctx.header("Authorization"), required)) {
        return true;
      }
      ctx.status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer realm=\"tickr metrics\"")
          .result("a metrics token is required: Authorization: Bearer <token>\n");
      return false;
    }
    if (loopback(listenHost.get())) {
      return true;
    }
    ctx.status(HttpStatus.FORBIDDEN)
        .result(
            "/metrics is closed: Tickr listens beyond loopback and server.metrics-token is not"
                + " set\n");
    return false;
  }

  /**
   * Whether {@code host} (as {@code --listen} writes it) is a loopback address: {@code localhost},
   * {@code 127.x.x.x} or {@code ::1}. A wildcard or any other name is not.
   */
  static boolean loopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (!IP_LITERAL.matcher(h).matches()) {
      return false;
    }
    try {
      // A literal is parsed, never looked up.
      return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether {@code header} is {@code Bearer <token>}, compared in constant time. */
  static boolean bearer(@Nullable String header, String token) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}

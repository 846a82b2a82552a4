package dev.tickr.web;

import dev.tickr.heartbeat.Ping;
import dev.tickr.heartbeat.PingReceiver;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The public heartbeat URLs, as Healthchecks.io has them: {@code /ping/<token>}, {@code /start},
 * {@code /fail} and {@code /<exit-code>}, by GET, HEAD or POST, answered {@code 200 OK}; {@code
 * 404} for a token no heartbeat has, {@code 429} when pinged too often. The token is the only
 * secret, so no login is needed, and it is never logged.
 */
final class PingRoutes {
  private PingRoutes() {}

  static void add(JavalinConfig config, PingReceiver receiver) {
    Handler plain = ctx -> answer(ctx, receiver, "");
    Handler suffixed = ctx -> answer(ctx, receiver, ctx.pathParam("signal"));
    for (String path : new String[] {"/ping/{token}", "/ping/{token}/{signal}"}) {
      Handler h = path.endsWith("{signal}") ? suffixed : plain;
      config.routes.get(path, h);
      config.routes.head(path, h);
      config.routes.post(path, h);
    }
  }

  private static void answer(Context ctx, PingReceiver receiver, String suffix) throws IOException {
    ctx.header("Cache-Control", "no-store");
    byte[] bytes = body(ctx);
    boolean cut = bytes.length > Ping.BODY_LIMIT;
    String body =
        new String(bytes, 0, Math.min(bytes.length, Ping.BODY_LIMIT), StandardCharsets.UTF_8);
    Ping ping = Ping.of(suffix, body, cut);
    PingReceiver.Answer answer =
        ping == null ? PingReceiver.Answer.UNKNOWN : receiver.receive(ctx.pathParam("token"), ping);
    ctx.status(answer.status());
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(
        switch (answer) {
          case ACCEPTED -> "OK";
          case UNKNOWN -> "not found";
          case RATE_LIMITED -> "rate limited";
        });
  }

  /**
   * The first {@link Ping#BODY_LIMIT} bytes of the body and one more when there is more (so the
   * body is known to be cut); the rest is not read.
   */
  private static byte[] body(Context ctx) throws IOException {
    if (!ctx.method().name().equals("POST")) {
      return new byte[0];
    }
    try (InputStream in = ctx.bodyInputStream()) {
      return in.readNBytes(Ping.BODY_LIMIT + 1);
    }
  }
}

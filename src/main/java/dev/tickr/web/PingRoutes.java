package dev.tickr.web;

import dev.tickr.heartbeat.Ping;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.heartbeat.PingVolume;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The public heartbeat URLs, as Healthchecks.io has them: {@code /ping/<token>}, {@code /start},
 * {@code /fail} and {@code /<exit-code>}, by GET, HEAD or POST, answered {@code 200 OK}; {@code
 * 404} for a token no heartbeat has, {@code 429} when pinged too often, {@code 400} for a count
 * ({@code ?count=N}, or the body) that is no number. The token is the only secret, so no login is
 * needed, and it is never logged.
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
    String countText = ctx.queryParam("count");
    Double count = countText == null ? null : PingVolume.parse(countText);
    if (countText != null && count == null) {
      badCount(ctx, "?count= must be a number from 0 to 1e12, like ?count=37");
      return;
    }
    PingReceiver.Answer answer =
        ping == null
            ? PingReceiver.Answer.UNKNOWN
            : receiver.receive(ctx.pathParam("token"), ping, count);
    if (answer == PingReceiver.Answer.BAD_COUNT) {
      badCount(ctx, "the body holds no count where the monitor's count: reads it");
      return;
    }
    ctx.status(answer.status());
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(
        switch (answer) {
          case ACCEPTED -> "OK";
          case UNKNOWN -> "not found";
          case RATE_LIMITED -> "rate limited";
          case BAD_COUNT -> "bad count";
        });
  }

  /** A count that is no count: 400 with what is wrong; nothing was recorded. */
  private static void badCount(Context ctx, String why) {
    ctx.status(PingReceiver.Answer.BAD_COUNT.status());
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result("bad count: " + why + "; nothing was recorded");
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

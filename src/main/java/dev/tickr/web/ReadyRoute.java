package dev.tickr.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /readyz}: {@code 200} when every part of Tickr can do its job, {@code 503} otherwise, with
 * each part's state as JSON: {@code {"status":"not ready","checks":{"store":"cannot be written:
 * ..."}}}. Public, like {@code /healthz}: it shows no monitor and no secret.
 */
final class ReadyRoute {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReadyRoute() {}

  static void answer(Context ctx, Readiness readiness) {
    List<Readiness.Part> parts = readiness.check();
    boolean ready = parts.stream().allMatch(Readiness.Part::isOk);
    ObjectNode out = JSON.createObjectNode();
    out.put("status", ready ? "ready" : "not ready");
    ObjectNode checks = out.putObject("checks");
    for (Readiness.Part p : parts) {
      String problem = p.problem();
      checks.put(p.name(), problem == null ? "ok" : problem);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(ready ? 200 : 503).contentType("application/json").result(out.toString());
  }
}

package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tapfiliate's REST API 1.6: the key in {@code X-Api-Key}, {@code GET /conversions/} and {@code
 * /affiliates/}. Assumed (not in the facts Tickr relies on): lists are JSON arrays, conversions
 * newest first with {@code created_at} in ISO 8601, errors {@code {"errors":[{"message"}]}}.
 */
public final class TapfiliateFake extends PlatformFake {
  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String key;

  /**
   * @param key the API key the fake accepts
   */
  public TapfiliateFake(Ledger ledger, String key) {
    super("tapfiliate", ledger);
    this.key = key;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "token", key);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/conversions/", ctx -> answer(ctx, true));
    routes.get(prefix + "/affiliates/", ctx -> answer(ctx, false));
  }

  private void answer(Context ctx, boolean conversions) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!key.equals(ctx.header("X-Api-Key")) || fault() == Fault.REVOKED) {
      error(ctx, 401, "Invalid API key");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, 403, "Forbidden");
      case ERROR_IN_200 -> error(ctx, 200, "Something went wrong");
      // Tapfiliate documents no whitelist: played as an outage.
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      default -> {
        ArrayNode out = JSON.createArrayNode();
        if (conversions) {
          Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
          List<Conversion> recent = ledger().recent(Duration.ofDays(30).minus(lag));
          for (int i = recent.size() - 1; i >= 0 && out.size() < 25; i--) {
            Conversion c = recent.get(i);
            ObjectNode o = out.addObject();
            o.put("id", c.id());
            o.put("external_id", c.orderId());
            o.put("amount", c.amount().doubleValue());
            o.put("created_at", c.at().minus(lag).toString());
          }
        } else {
          out.addObject().put("id", "simulated-affiliate").put("firstname", "Sim");
        }
        ctx.status(200).contentType("application/json").result(out.toString());
      }
    }
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.putArray("errors").addObject().put("message", message);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

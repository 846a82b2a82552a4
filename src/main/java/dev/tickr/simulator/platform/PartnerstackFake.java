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
import org.jspecify.annotations.Nullable;

/**
 * PartnerStack's partner API: {@code Authorization: Bearer <api key>}, {@code GET /api/v2/rewards}
 * and {@code /api/v2/partnerships}; every answer, errors included, is {@code {data, message,
 * status}}. Assumed (not in the facts Tickr relies on): the lists are {@code data.items}, newest
 * first, with {@code created_at} in epoch milliseconds; {@code status} is the HTTP status.
 */
public final class PartnerstackFake extends PlatformFake {
  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(20);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;

  /**
   * @param token the API key the fake accepts
   */
  public PartnerstackFake(Ledger ledger, String token) {
    super("partnerstack", ledger);
    this.token = token;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/api/v2/rewards", ctx -> answer(ctx, true));
    routes.get(prefix + "/api/v2/partnerships", ctx -> answer(ctx, false));
  }

  private void answer(Context ctx, boolean rewards) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!("Bearer " + token).equals(ctx.header("Authorization")) || fault() == Fault.REVOKED) {
      reply(ctx, 401, null, "Unauthorized: invalid API key");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> reply(ctx, 403, null, "Forbidden: the key may not read this");
      case ERROR_IN_200 -> reply(ctx, 200, null, "An error occurred, please try again");
      // PartnerStack documents no whitelist: played as an outage.
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      default -> {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode items = data.putArray("items");
        if (rewards) {
          Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
          List<Conversion> recent = ledger().recent(Duration.ofDays(60).minus(lag));
          for (int i = recent.size() - 1; i >= 0 && items.size() < limit(ctx); i--) {
            Conversion c = recent.get(i);
            ObjectNode item = items.addObject();
            item.put("key", "rwrd_" + c.id());
            item.put("amount", c.payout().movePointRight(2).intValue());
            item.put("created_at", c.at().minus(lag).toEpochMilli());
          }
        } else {
          ObjectNode item = items.addObject();
          item.put("key", "part_simulated");
          item.put("created_at", ledger().clock().millis());
        }
        data.put("has_more", false);
        reply(ctx, 200, data, "Rewards have been retrieved successfully");
      }
    }
  }

  private static int limit(Context ctx) {
    String limit = ctx.queryParam("limit");
    try {
      return limit == null ? 10 : Math.max(1, Math.min(250, Integer.parseInt(limit)));
    } catch (NumberFormatException e) {
      return 10;
    }
  }

  private static void reply(Context ctx, int status, @Nullable ObjectNode data, String message) {
    ObjectNode out = JSON.createObjectNode();
    if (data == null) {
      out.putNull("data");
    } else {
      out.set("data", data);
    }
    out.put("message", message);
    out.put("status", status);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

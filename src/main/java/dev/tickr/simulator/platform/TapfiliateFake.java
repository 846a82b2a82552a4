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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tapfiliate's REST API 1.6: the key in {@code X-Api-Key}, {@code GET /conversions/} and {@code
 * /affiliates/}. Assumed (not in the facts Tickr relies on): lists are JSON arrays, conversions
 * newest first with {@code created_at} in ISO 8601, errors {@code {"errors":[{"message"}]}}. The
 * server postback of API 1.7, {@code /1.7/pb/con/c/?referral_code=&external_id=&amount=} (under the
 * fake's path, beside {@code /conversions/} of 1.6), records a conversion with a new {@code
 * external_id}, shown in {@code /conversions/?external_id=} with its {@code commissions} after the
 * ledger's attribution delay; {@code DELETE /conversions/{id}/} deletes it. Assumed: the postback
 * answers {@code 200 {}}, and {@code 400} for an {@code external_id} already used.
 */
public final class TapfiliateFake extends PlatformFake {
  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String key;

  /** The external ids used so far (a test conversion's is new each time), bounded. */
  private final Set<String> used =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > 10_000;
                }
              }));

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
    routes.get(prefix + "/1.7/pb/con/c/", this::postback);
    routes.delete(prefix + "/conversions/{id}/", this::delete);
  }

  private void postback(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    String external = text(ctx.queryParam("external_id"));
    BigDecimal amount = amount(ctx.queryParam("amount"));
    if (text(ctx.queryParam("referral_code")).isEmpty() || external.isEmpty() || amount == null) {
      error(ctx, 400, "referral_code, external_id and a decimal amount are required");
    } else if (!used.add(external)) {
      error(ctx, 400, "A conversion with external_id " + external + " already exists");
    } else {
      convert(external, "ref-" + ctx.queryParam("referral_code"), amount);
      ctx.status(200).contentType("application/json").result("{}");
    }
  }

  private void delete(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!key.equals(ctx.header("X-Api-Key")) || fault() == Fault.REVOKED) {
      error(ctx, 401, "Invalid API key");
      return;
    }
    Conversion c = ledger().find(ctx.pathParam("id"));
    if (c == null || !ledger().reverse(c)) {
      error(ctx, 404, "Conversion not found");
      return;
    }
    ctx.status(204);
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
          String external = ctx.queryParam("external_id");
          List<Conversion> recent =
              ledger().recent(Duration.ofDays(30).minus(lag)).stream()
                  .filter(c -> external == null || c.orderId().equals(external))
                  .filter(c -> !ledger().reversed(c)) // deleted
                  .toList();
          for (int i = recent.size() - 1; i >= 0 && out.size() < 25; i--) {
            Conversion c = recent.get(i);
            ObjectNode o = out.addObject();
            o.put("id", c.id());
            o.put("external_id", c.orderId());
            o.put("amount", c.amount().doubleValue());
            o.put("created_at", c.at().minus(lag).toString());
            ObjectNode commission = o.putArray("commissions").addObject();
            commission.put("id", "com-" + c.id().substring(0, 8));
            commission.put("amount", c.payout().doubleValue());
            commission.putNull("approved");
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

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
 * FirstPromoter's admin API v2: {@code Authorization: Bearer <key>} and the {@code ACCOUNT-ID}
 * header, {@code GET /api/v2/company/referrals}; over 400 requests a minute, {@code 429}. Assumed
 * (not in the facts Tickr relies on): the referrals are the list {@code data}, and errors are
 * {@code {"error": ...}}.
 */
public final class FirstpromoterFake extends PlatformFake {
  /** The simulated account id. */
  public static final String ACCOUNT = "acc_sim123";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String key;

  /**
   * @param key the API key the fake accepts
   */
  public FirstpromoterFake(Ledger ledger, String key) {
    super("firstpromoter", ledger);
    this.key = key;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "account", ACCOUNT, "token", key);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/api/v2/company/referrals", this::referrals);
  }

  private void referrals(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!("Bearer " + key).equals(ctx.header("Authorization"))
        || !ACCOUNT.equals(ctx.header("ACCOUNT-ID"))
        || fault() == Fault.REVOKED) {
      error(ctx, 401, "Unauthorized: check the API key and ACCOUNT-ID");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, 403, "Forbidden");
      case ERROR_IN_200 -> error(ctx, 200, "Something went wrong");
      // FirstPromoter documents no whitelist: played as an outage.
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      default -> {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        List<Conversion> recent = ledger().recent(Duration.ofDays(30));
        for (int i = recent.size() - 1; i >= 0 && data.size() < 20; i--) {
          Conversion c = recent.get(i);
          ObjectNode o = data.addObject();
          o.put("id", c.id());
          o.put("uid", c.clickId());
          o.put("created_at", c.at().toString());
        }
        ctx.status(200).contentType("application/json").result(out.toString());
      }
    }
  }

  @Override
  protected void rateLimited(Context ctx) {
    error(ctx, 429, "Too many requests: 400 a minute");
    ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", message);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

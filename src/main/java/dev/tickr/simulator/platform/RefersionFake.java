package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Refersion's REST API v2: the key pair in the {@code Refersion-Public-Key} and {@code
 * Refersion-Secret-Key} headers, both required. Assumed (not in the facts Tickr relies on): {@code
 * POST /affiliate/list} with a JSON body answers {@code {"results": [...]}}, errors {@code
 * {"error": ...}}.
 */
public final class RefersionFake extends PlatformFake {
  /** The simulated account's public key. */
  public static final String PUBLIC_KEY = "pub_simulated0123";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secretKey;

  /**
   * @param secretKey the secret key the fake accepts with {@link #PUBLIC_KEY}
   */
  public RefersionFake(Ledger ledger, String secretKey) {
    super("refersion", ledger);
    this.secretKey = secretKey;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "public-key", PUBLIC_KEY, "secret-key", secretKey);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/affiliate/list", this::affiliates);
  }

  private void affiliates(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!PUBLIC_KEY.equals(ctx.header("Refersion-Public-Key"))
        || !secretKey.equals(ctx.header("Refersion-Secret-Key"))
        || fault() == Fault.REVOKED) {
      error(ctx, 401, "Invalid API keys");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, 403, "Forbidden");
      case ERROR_IN_200 -> error(ctx, 200, "An unexpected error occurred");
      // Refersion documents no whitelist: played as an outage.
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      default -> {
        ObjectNode out = JSON.createObjectNode();
        out.put("total_results", 1);
        out.putArray("results").addObject().put("id", "1").put("status", "ACTIVE");
        ctx.status(200).contentType("application/json").result(out.toString());
      }
    }
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", message);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

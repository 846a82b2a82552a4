package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Impact.com's partner API: HTTP Basic with the 34-character {@code IR…} Account SID and its auth
 * token, the SID repeated in the path; JSON only when asked for ({@code Accept}), XML otherwise;
 * errors as {@code {"Status":"ERROR","Message":…}}, {@code 403} for a token not allowed on the
 * endpoint, {@code 429} with {@code X-RateLimit-Remaining-hour}.
 */
public final class ImpactFake extends PlatformFake {
  /** A valid-looking Account SID: {@code IR} and 32 letters and digits. */
  public static final String SID = "IRa1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";

  /** How far behind a {@link dev.tickr.simulator.Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(5);

  private static final Pattern SID_FORM = Pattern.compile("IR[A-Za-z0-9]{32}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;

  /**
   * @param token the account's auth token the fake accepts
   */
  public ImpactFake(Ledger ledger, String token) {
    super("impact", ledger);
    this.token = token;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "account", SID, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/{role}/{sid}/Actions", ctx -> answer(ctx, this::actions));
    routes.get(prefix + "/{role}/{sid}/Campaigns", ctx -> answer(ctx, this::campaigns));
  }

  private interface Body {
    ObjectNode of(Context ctx);
  }

  private void answer(Context ctx, Body body) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    String sid = ctx.pathParam("sid");
    if (!SID_FORM.matcher(sid).matches()
        || !List.of("Mediapartners", "Advertisers", "Agencies").contains(ctx.pathParam("role"))) {
      error(ctx, 404, "Resource not found");
      return;
    }
    if (!(sid + ":" + token).equals(basic(ctx)) || fault() == dev.tickr.simulator.Fault.REVOKED) {
      ctx.header("WWW-Authenticate", "Basic realm=\"impact\"");
      error(ctx, 401, "Authentication failed: check the Account SID and auth token");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, 403, "The auth token is not permitted on this endpoint");
      case ERROR_IN_200 -> error(ctx, 200, "An unexpected error occurred, please retry later");
      case IP_NOT_ALLOWED -> error(ctx, 503, "Service unavailable");
      default -> {
        ObjectNode out = body.of(ctx);
        if (accepts(ctx, "application/json")) {
          ctx.contentType("application/json").result(out.toString());
        } else {
          ctx.contentType("application/xml")
              .result("<?xml version=\"1.0\"?><ImpactRadiusResponse></ImpactRadiusResponse>");
        }
      }
    }
  }

  private ObjectNode actions(Context ctx) {
    // A stale report still lists actions, but the newest is days old.
    Duration lag = fault() == dev.tickr.simulator.Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> recent = ledger().recent(Duration.ofDays(7).minus(lag));
    ObjectNode out = page(recent.size());
    ArrayNode actions = out.putArray("Actions");
    for (Conversion c : recent) {
      ObjectNode a = actions.addObject();
      a.put("Id", c.id());
      a.put("CampaignId", "1000");
      a.put("State", "PENDING");
      a.put("Payout", c.payout().toPlainString());
      a.put("Amount", c.amount().toPlainString());
      a.put("EventDate", c.at().minus(lag).toString());
      a.put("OrderId", c.orderId());
    }
    return out;
  }

  private ObjectNode campaigns(Context ctx) {
    ObjectNode out = page(1);
    ObjectNode c = out.putArray("Campaigns").addObject();
    c.put("CampaignId", "1000");
    c.put("CampaignName", "Simulated Store");
    c.put("ContractStatus", "Active");
    return out;
  }

  private static ObjectNode page(int total) {
    ObjectNode out = JSON.createObjectNode();
    out.put("@page", "1");
    out.put("@numpages", "1");
    out.put("@pagesize", "2000");
    out.put("@total", String.valueOf(total));
    return out;
  }

  @Override
  protected void rateLimited(Context ctx) {
    ctx.header("X-RateLimit-Limit-hour", "500").header("X-RateLimit-Remaining-hour", "0");
    ctx.status(429).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    ctx.contentType("application/json")
        .result("{\"Status\":\"ERROR\",\"Message\":\"Rate limit exceeded\"}");
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("Status", "ERROR");
    out.put("Message", message);
    out.putArray("Errors");
    ctx.status(status).contentType("application/json").result(out.toString());
  }

  static boolean accepts(Context ctx, String type) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains(type);
  }

  /** The {@code user:password} of a Basic {@code Authorization}, or empty. */
  static String basic(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}

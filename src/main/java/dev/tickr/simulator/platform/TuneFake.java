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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A TUNE (HasOffers) network's API v3: {@code GET /Apiv3/json?NetworkToken=..&Target=..&Method=..}
 * (the network id is the real host's first label, so it is not checked here); every answer, errors
 * included, is HTTP 200 with {@code response.status} 1, or -1 with {@code errors[]} and {@code
 * errorMessage}, a wrong token echoed as TUNE does ({@code NetworkToken X is not authenticated}),
 * and {@code User has exceeded API rate limit} over the quota.
 */
public final class TuneFake extends PlatformFake {
  /** The simulated network's id. */
  public static final String NETWORK = "simnet";

  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String token;

  /**
   * @param token the NetworkToken the fake accepts
   */
  public TuneFake(Ledger ledger, String token) {
    super("tune", ledger);
    this.token = token;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "network", NETWORK, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/Apiv3/json", this::answer);
  }

  private void answer(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    String given = ctx.queryParam("NetworkToken");
    if (given == null || given.isEmpty()) {
      error(ctx, "NetworkToken is required");
      return;
    }
    if (!given.equals(token) || fault() == Fault.REVOKED) {
      error(ctx, "NetworkToken " + given + " is not authenticated");
      return;
    }
    String call = ctx.queryParam("Target") + "::" + ctx.queryParam("Method");
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, "User Not Permitted to call " + call);
      case ERROR_IN_200 -> error(ctx, "An internal error occurred; please retry later");
      // TUNE documents no whitelist message: played as an outage.
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      default -> {
        ObjectNode data =
            switch (call) {
              case "Report::getConversions" -> conversions();
              case "Offer::findAll" -> offers();
              default -> null;
            };
        if (data == null) {
          error(ctx, "Method " + call + " does not exist");
        } else {
          ok(ctx, data);
        }
      }
    }
  }

  /** The newest conversion first, one row, as the preset asks for. */
  private ObjectNode conversions() {
    Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> recent = ledger().recent(Duration.ofDays(30).minus(lag));
    ObjectNode page = page(recent.size());
    ArrayNode rows = page.putArray("data");
    if (!recent.isEmpty()) {
      Conversion c = recent.get(recent.size() - 1);
      ObjectNode stat = rows.addObject().putObject("Stat");
      stat.put("datetime", DATETIME.format(c.at().minus(lag)));
      stat.put("payout", c.payout().toPlainString());
      stat.put("sale_amount", c.amount().toPlainString());
      stat.put("advertiser_info", c.orderId());
    }
    return page;
  }

  private ObjectNode offers() {
    ObjectNode page = page(1);
    ObjectNode offer = page.putObject("data").putObject("1").putObject("Offer");
    offer.put("id", "1");
    offer.put("name", "Simulated Store");
    offer.put("status", "active");
    return page;
  }

  private static ObjectNode page(int count) {
    ObjectNode page = JSON.createObjectNode();
    page.put("page", 1);
    page.put("current", Math.min(count, 1));
    page.put("count", count);
    page.put("pageCount", count);
    return page;
  }

  @Override
  protected void rateLimited(Context ctx) {
    error(ctx, "User has exceeded API rate limit");
  }

  private static void ok(Context ctx, ObjectNode data) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode response = root.putObject("response");
    response.put("status", 1);
    response.put("httpStatus", 200);
    response.set("data", data);
    response.putArray("errors");
    response.putNull("errorMessage");
    ctx.status(200).contentType("application/json").result(root.toString());
  }

  /** TUNE's error: still HTTP 200. */
  private static void error(Context ctx, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode response = root.putObject("response");
    response.put("status", -1);
    response.put("httpStatus", 200);
    response.put("data", "");
    response.putArray("errors").addObject().put("publicMessage", message);
    response.put("errorMessage", message);
    ctx.status(200).contentType("application/json").result(root.toString());
  }
}

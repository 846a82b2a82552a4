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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A TUNE (HasOffers) network's API v3: {@code GET /Apiv3/json?NetworkToken=..&Target=..&Method=..}
 * (the network id is the real host's first label, so it is not checked here); every answer, errors
 * included, is HTTP 200 with {@code response.status} 1, or -1 with {@code errors[]} and {@code
 * errorMessage}, a wrong token echoed as TUNE does ({@code NetworkToken X is not authenticated}),
 * and {@code User has exceeded API rate limit} over the quota. The tracking side, on the same
 * server: {@code /aff_c?offer_id=&aff_id=} redirects to the offer with a fresh {@code
 * transaction_id}, and the postback {@code /aff_lsr?offer_id=&transaction_id=&amount=&adv_sub=}
 * answers {@code success=true;} (or {@code success=false; err_msg=Invalid Trans. ID;}), the
 * conversion shown by {@code Report::getConversions} (filtered by {@code
 * filters[Stat.advertiser_info][values]}, the {@code adv_sub}) after the ledger's attribution
 * delay; {@code Conversion::updateStatus&id=&status=rejected} rejects it.
 */
public final class TuneFake extends PlatformFake {
  /** The simulated network's id. */
  public static final String NETWORK = "simnet";

  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** TUNE's enterprise limit: 50 requests per 10 seconds. */
  public static final int LIMIT = 50;

  private static final int CLICKS = 10_000;

  private final String token;
  private final RequestWindow window;
  private final SecureRandom random = new SecureRandom();

  /** The transaction ids of the clicks made, the newest {@link #CLICKS}. */
  private final Set<String> clicks =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > CLICKS;
                }
              }));

  /**
   * @param token the NetworkToken the fake accepts
   */
  public TuneFake(Ledger ledger, String token) {
    this(ledger, token, LIMIT);
  }

  /**
   * @param limit the requests allowed per 10 seconds
   */
  public TuneFake(Ledger ledger, String token, int limit) {
    super("tune", ledger);
    this.token = token;
    this.window = new RequestWindow(ledger.clock(), limit, Duration.ofSeconds(10));
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "network", NETWORK, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/Apiv3/json", this::answer);
    routes.get(prefix + "/aff_c", this::click);
    routes.get(prefix + "/aff_lsr", this::postback);
    routes.get(
        prefix + "/landing",
        ctx -> ctx.contentType("text/html").result("<!doctype html><title>Offer</title>"));
  }

  /** A click on a tracking link: to the offer's page with a fresh {@code transaction_id}. */
  private void click(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (text(ctx.queryParam("offer_id")).isEmpty() || text(ctx.queryParam("aff_id")).isEmpty()) {
      ctx.status(404).contentType("text/plain").result("Invalid offer or affiliate");
      return;
    }
    byte[] id = new byte[15];
    random.nextBytes(id);
    String transaction = "102" + HexFormat.of().formatHex(id);
    clicks.add(transaction);
    ctx.status(302).header("Location", "landing?transaction_id=" + transaction);
  }

  /** The server postback: TUNE's answer text, always {@code 200}. */
  private void postback(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    ctx.contentType("text/plain");
    String transaction = text(ctx.queryParam("transaction_id"));
    BigDecimal amount = amount(ctx.queryParam("amount"));
    if (fault() == Fault.ERROR_IN_200) {
      ctx.result("success=false; err_msg=Conversion tracking is temporarily unavailable;");
    } else if (!clicks.contains(transaction)) {
      ctx.result("success=false; err_msg=Invalid Trans. ID;");
    } else if (amount == null) {
      ctx.result("success=false; err_msg=Invalid amount;");
    } else {
      convert(text(ctx.queryParam("adv_sub")), transaction, amount);
      ctx.result("success=true;");
    }
  }

  private void answer(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (window.over()) {
      rateLimited(ctx);
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
        if (call.equals("Conversion::updateStatus")) {
          ObjectNode done = updateStatus(ctx);
          if (done == null) {
            error(ctx, "Conversion " + ctx.queryParam("id") + " cannot be set to that status");
          } else {
            ok(ctx, done);
          }
          return;
        }
        ObjectNode data =
            switch (call) {
              case "Report::getConversions" -> {
                String order = ctx.queryParam("filters[Stat.advertiser_info][values]");
                yield order == null ? conversions() : conversions(order);
              }
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

  /** The conversions of one order (its {@code adv_sub}), as TUNE's filter gives them. */
  private ObjectNode conversions(String order) {
    Conversion c = ledger().order(order);
    ObjectNode page = page(c == null ? 0 : 1);
    ArrayNode rows = page.putArray("data");
    if (c != null) {
      ObjectNode stat = rows.addObject().putObject("Stat");
      stat.put("id", c.id());
      stat.put("datetime", DATETIME.format(c.at()));
      stat.put("status", ledger().reversed(c) ? "rejected" : "approved");
      stat.put("sale_amount", c.amount().toPlainString());
      stat.put("payout", c.payout().toPlainString());
      stat.put("advertiser_info", c.orderId());
      stat.put("ad_id", c.clickId());
    }
    return page;
  }

  /** {@code Conversion::updateStatus}: only {@code rejected} is played; null when not found. */
  private @Nullable ObjectNode updateStatus(Context ctx) {
    Conversion c = ledger().find(text(ctx.queryParam("id")));
    if (c == null || !"rejected".equals(ctx.queryParam("status")) || !ledger().reverse(c)) {
      return null;
    }
    ObjectNode page = JSON.createObjectNode();
    page.put("Conversion", c.id());
    page.put("status", "rejected");
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

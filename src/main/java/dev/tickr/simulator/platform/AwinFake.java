package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.CallWindow;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Awin's publisher API: {@code Authorization: Bearer} with a user's token, {@code GET
 * /publishers/{id}/transactions/} with the mandatory {@code startDate}, {@code endDate} (at most 31
 * days apart) and {@code timezone}, and the limit of 20 calls a minute per user, counted here on
 * the ledger's clock. Assumed, as Awin's pages do not show them: the error bodies ({@code
 * {"error":…,"description":…}}), {@code 403} for a publisher the user cannot see, dates written
 * {@code yyyy-MM-ddTHH:mm:ss} in the asked time zone, transactions oldest first. The advertiser's
 * conversion API, {@code POST /s2s/advertiser/{id}/orders} with {@code x-api-key} and {@code
 * {"orders": [{orderReference, amount, channel, awc | publisherId...}]}}, records each order,
 * listed in the transactions after the ledger's attribution delay (Awin documents up to 3 minutes).
 * Assumed: it answers {@code 200} with each order's reference and {@code accepted}, and {@code 400}
 * naming the first field missing.
 */
public final class AwinFake extends PlatformFake {
  /** The publisher id of the healthy account. */
  public static final String PUBLISHER = "123456";

  /** Awin's limit: calls per minute per user. */
  public static final int CALLS_PER_MINUTE = 20;

  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(4);

  private static final Set<String> ZONES =
      Set.of("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "US/Eastern", "US/Pacific");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The advertiser id of the account whose conversion API is simulated. */
  public static final String ADVERTISER = "7777";

  private final String token;
  private final String conversionKey;
  private final CallWindow window;

  /**
   * @param token the user's API token the fake accepts
   */
  public AwinFake(Ledger ledger, String token) {
    this(ledger, token, token + "-s2s");
  }

  /**
   * @param conversionKey the advertiser's {@code x-api-key} of the conversion API
   */
  public AwinFake(Ledger ledger, String token, String conversionKey) {
    super("awin", ledger);
    this.token = token;
    this.conversionKey = conversionKey;
    this.window = new CallWindow(ledger.clock(), CALLS_PER_MINUTE, Duration.ofMinutes(1));
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "publisher", PUBLISHER, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/publishers/{id}/transactions/", this::transactions);
    routes.post(prefix + "/s2s/advertiser/{id}/orders", this::orders);
  }

  private void orders(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!conversionKey.equals(ctx.header("x-api-key")) || fault() == Fault.REVOKED) {
      error(ctx, 401, "Unauthorized", "a valid x-api-key is required");
      return;
    }
    if (!ADVERTISER.equals(ctx.pathParam("id")) || fault() == Fault.ACCESS_DENIED) {
      error(ctx, 403, "Forbidden", "No access to advertiser " + ctx.pathParam("id"));
      return;
    }
    JsonNode orders;
    try {
      orders = JSON.readTree(ctx.body()).path("orders");
    } catch (IOException e) {
      error(ctx, 400, "Bad Request", "the body is not JSON");
      return;
    }
    if (!orders.isArray() || orders.isEmpty() || orders.size() > 1000) {
      error(ctx, 400, "Bad Request", "orders: 1 to 1000 orders are required");
      return;
    }
    for (JsonNode o : orders) {
      String problem = problem(o);
      if (problem != null) {
        error(ctx, 400, "Bad Request", problem);
        return;
      }
    }
    ArrayNode accepted = JSON.createArrayNode();
    for (JsonNode o : orders) {
      String reference = o.path("orderReference").asText();
      reference = reference.substring(0, Math.min(50, reference.length()));
      BigDecimal amount = amount(o.path("amount").asText());
      convert(
          reference,
          o.path("awc").asText("publisher-" + o.path("publisherId").asText()),
          amount == null ? BigDecimal.ZERO : amount);
      accepted.addObject().put("orderReference", reference).put("status", "accepted");
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("orders", accepted);
    ctx.contentType("application/json").result(out.toString());
  }

  /** What is wrong with one order, or {@code null}. */
  private static @Nullable String problem(JsonNode o) {
    if (o.path("orderReference").asText("").isBlank()) {
      return "orderReference is required";
    }
    if (amount(o.path("amount").asText(null)) == null) {
      return "amount is required: a decimal number such as 1083.29";
    }
    if (o.path("channel").asText("").isBlank()) {
      return "channel is required: aw for Awin";
    }
    if (o.path("awc").asText("").isBlank() && o.path("publisherId").asText("").isBlank()) {
      return "awc, or publisherId and clickTime, is required";
    }
    return null;
  }

  private void transactions(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    String auth = ctx.header("Authorization");
    if (!("Bearer " + token).equals(auth) || fault() == Fault.REVOKED) {
      error(ctx, 401, "Unauthorized", "Full authentication is required: a valid token");
      return;
    }
    if (!window.allow(token)) {
      ctx.header("Retry-After", String.valueOf(window.secondsLeft()));
      error(ctx, 429, "Too Many Requests", "API rate limit exceeded: 20 calls per minute");
      return;
    }
    if (fault() == Fault.ACCESS_DENIED || !PUBLISHER.equals(ctx.pathParam("id"))) {
      error(ctx, 403, "Forbidden", "No access to publisher " + ctx.pathParam("id"));
      return;
    }
    if (fault() == Fault.IP_NOT_ALLOWED || fault() == Fault.ERROR_IN_200) {
      ctx.status(503).result("Service Unavailable"); // Awin has neither
      return;
    }
    LocalDateTime start = date(ctx.queryParam("startDate"));
    LocalDateTime end = date(ctx.queryParam("endDate"));
    String zone = ctx.queryParam("timezone");
    if (start == null || end == null) {
      error(ctx, 400, "Bad Request", "startDate and endDate are required: yyyy-MM-ddTHH:mm:ss");
    } else if (zone == null || !ZONES.contains(zone)) {
      error(ctx, 400, "Bad Request", "timezone is required, e.g. UTC");
    } else if (!start.isBefore(end) || ChronoUnit.SECONDS.between(start, end) > 31 * 86_400L) {
      error(ctx, 400, "Bad Request", "the date range must be positive and at most 31 days");
    } else {
      ctx.contentType("application/json").result(list(start, end, zone).toString());
    }
  }

  private ArrayNode list(LocalDateTime start, LocalDateTime end, String zone) {
    java.time.ZoneId z = java.time.ZoneId.of(zone);
    Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> found =
        ledger()
            .between(start.atZone(z).toInstant().plus(lag), end.atZone(z).toInstant().plus(lag));
    ArrayNode out = JSON.createArrayNode();
    long id = 900_000_000L;
    for (Conversion c : found) {
      ObjectNode t = out.addObject();
      t.put("id", ++id);
      t.put("publisherId", Long.parseLong(PUBLISHER));
      t.put("commissionStatus", ledger().reversed(c) ? "declined" : "pending");
      t.put("transactionDate", LocalDateTime.ofInstant(c.at().minus(lag), z).toString());
      t.put("orderRef", c.orderId());
      t.putObject("commissionAmount").put("amount", c.payout()).put("currency", "GBP");
      t.putObject("saleAmount").put("amount", c.amount()).put("currency", "GBP");
    }
    return out;
  }

  private static @Nullable LocalDateTime date(@Nullable String text) {
    try {
      return text == null ? null : LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void error(Context ctx, int status, String error, String description) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", error);
    out.put("description", description);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

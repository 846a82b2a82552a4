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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everflow's API under {@code /v1}: the {@code X-Eflow-API-Key} header, one key per portal ({@code
 * networks}, {@code affiliates}, {@code advertisers}) and {@code 403 Out of realm} for a key used
 * in another portal's paths; the limits of 20 requests a second for a network key and 5 for the
 * others, counted in 30-second windows on the ledger's clock, then {@code 429}; {@code POST
 * /v1/{portal}/reporting/conversions} with {@code from}, {@code to} and {@code timezone_id}, and
 * {@code GET /v1/meta/timezones}. Assumed, as Everflow's pages do not show them: the error body
 * {@code {"Error":…}}, {@code 401} for an unknown key, conversions newest first, only UTC ({@code
 * timezone_id} 67) served. The tracking domain, on the same server: {@code /?oid=&affid=} redirects
 * to the offer with a fresh 32-character {@code _ef_transaction_id}, and the postback {@code
 * /?nid=&transaction_id=&amount=&order_id=} answers {@code 200} whatever it makes of it (as
 * Everflow does for a blocked postback), the conversion shown after the ledger's attribution delay.
 * Assumed: the report's {@code query.search_terms} with {@code search_type} {@code transaction_id}
 * narrows it to one click's conversions.
 */
public final class EverflowFake extends PlatformFake {
  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(4);

  /** Everflow's window for its per-second limits. */
  public static final Duration WINDOW = Duration.ofSeconds(30);

  /** Calls a key of an affiliate or advertiser may make in one {@link #WINDOW}. */
  public static final int CALLS_PER_WINDOW = 5 * 30;

  private static final int UTC = 67;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int CLICKS = 10_000;

  private final Map<String, String> keys;
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

  private final CallWindow network;
  private final CallWindow others;

  /**
   * @param advertiserKey the key of the healthy advertiser account
   * @param networkKey a key of the network's portal, refused in the advertisers' paths
   */
  public EverflowFake(Ledger ledger, String advertiserKey, String networkKey) {
    super("everflow", ledger);
    this.keys = Map.of(advertiserKey, "advertisers", networkKey, "networks");
    this.network = new CallWindow(ledger.clock(), 20 * 30, WINDOW);
    this.others = new CallWindow(ledger.clock(), CALLS_PER_WINDOW, WINDOW);
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    String key =
        keys.entrySet().stream()
            .filter(e -> e.getValue().equals("advertisers"))
            .findFirst()
            .orElseThrow()
            .getKey();
    return Map.of("base-url", baseUrl, "api-key", key);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/v1/{portal}/reporting/conversions", this::conversions);
    routes.get(prefix + "/v1/meta/timezones", this::timezones);
    routes.get(prefix + "/", this::tracking);
    routes.get(
        prefix + "/landing",
        ctx -> ctx.contentType("text/html").result("<!doctype html><title>Offer</title>"));
  }

  /** The tracking domain: a click ({@code oid}) or a postback ({@code nid}). */
  private void tracking(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (ctx.queryParam("nid") != null) {
      String transaction = text(ctx.queryParam("transaction_id"));
      BigDecimal amount = amount(ctx.queryParam("amount"));
      if (clicks.contains(transaction) && amount != null && fault() != Fault.ERROR_IN_200) {
        convert(text(ctx.queryParam("order_id")), transaction, amount);
      }
      ctx.status(200).contentType("text/plain").result(""); // 200 whatever became of it
    } else if (!text(ctx.queryParam("oid")).isEmpty()) {
      byte[] id = new byte[16];
      random.nextBytes(id);
      String transaction = HexFormat.of().formatHex(id);
      clicks.add(transaction);
      ctx.status(302).header("Location", "landing?_ef_transaction_id=" + transaction);
    } else {
      ctx.status(404).contentType("text/plain").result("Not Found");
    }
  }

  /** The key's portal when the call may go on, else answered. */
  private @Nullable String admit(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return null;
    }
    String key = ctx.header("X-Eflow-API-Key");
    String portal = key == null ? null : keys.get(key);
    if (key == null || portal == null || fault() == Fault.REVOKED) {
      error(ctx, 401, "Unauthorized: the API key is not valid");
      return null;
    }
    if (!(portal.equals("networks") ? network : others).allow(key)) {
      error(ctx, 429, "Too many requests");
      return null;
    }
    if (fault() == Fault.IP_NOT_ALLOWED || fault() == Fault.ERROR_IN_200) {
      ctx.status(503).result("Service Unavailable"); // not how Everflow's API fails
      return null;
    }
    return portal;
  }

  private void timezones(Context ctx) throws InterruptedException {
    if (admit(ctx) == null) {
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    ObjectNode utc = out.putArray("timezones").addObject();
    utc.put("timezone_id", UTC);
    utc.put("timezone_name", "Coordinated Universal Time (UTC)");
    utc.put("timezone", "UTC");
    utc.put("utc_offset", "+00:00");
    ctx.contentType("application/json").result(out.toString());
  }

  private void conversions(Context ctx) throws InterruptedException {
    String portal = admit(ctx);
    if (portal == null) {
      return;
    }
    if (!portal.equals(ctx.pathParam("portal")) || fault() == Fault.ACCESS_DENIED) {
      error(ctx, 403, "Out of realm");
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      error(ctx, 400, "Invalid JSON");
      return;
    }
    LocalDate from = date(body == null ? null : body.path("from").asText(null));
    LocalDate to = date(body == null ? null : body.path("to").asText(null));
    if (from == null || to == null || from.isAfter(to)) {
      error(ctx, 400, "from and to are required dates (YYYY-MM-DD), from first");
      return;
    }
    if (body.path("timezone_id").asInt(-1) != UTC) {
      error(ctx, 400, "timezone_id is required (67 for UTC)");
      return;
    }
    Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> found =
        ledger()
            .between(
                from.atStartOfDay().toInstant(ZoneOffset.UTC).plus(lag),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(lag));
    String transaction = searched(body.path("query").path("search_terms"));
    if (transaction != null) {
      found = found.stream().filter(c -> c.clickId().equals(transaction)).toList();
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("conversions");
    for (Conversion c : found.reversed()) {
      ObjectNode o = list.addObject();
      o.put("conversion_id", c.id());
      o.put("conversion_unix_timestamp", c.at().minus(lag).getEpochSecond());
      o.put("transaction_id", c.clickId());
      o.put("order_id", c.orderId());
      o.put("sale_amount", c.amount());
      o.put("payout", c.payout());
      o.put("status", ledger().reversed(c) ? "rejected" : "approved");
    }
    ObjectNode paging = out.putObject("paging");
    paging.put("page", 1);
    paging.put("page_size", found.size());
    paging.put("total_count", found.size());
    ctx.contentType("application/json").result(out.toString());
  }

  /** The transaction id a report searches for, or {@code null} for all. */
  private static @Nullable String searched(JsonNode terms) {
    for (JsonNode term : terms) {
      if (term.path("search_type").asText("").equals("transaction_id")) {
        return term.path("value").asText("");
      }
    }
    return null;
  }

  private static @Nullable LocalDate date(@Nullable String text) {
    try {
      return text == null
          ? null
          : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType("application/json")
        .result(JSON.createObjectNode().put("Error", message).toString());
  }
}

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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Rakuten Advertising: its token endpoint ({@code POST /token}, {@code Authorization: Basic
 * base64(client id:client secret)}, the publisher's SID as {@code scope}) mints access tokens that
 * live 3,600 seconds on the ledger's clock; the Events API ({@code GET
 * /events/1.0/transactions?process_date_start&process_date_end}) answers a live token only, and
 * {@code 401} to an expired or unknown one. Assumed, as Rakuten's pages do not show them: the
 * gateway's error bodies, dates written {@code yyyy-MM-dd HH:mm:ss} in GMT, events oldest first.
 */
public final class RakutenFake extends PlatformFake {
  /** The publisher's SID of the healthy account. */
  public static final String SID = "3456789";

  /** How long a token lives. */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(4);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String clientId;
  private final String clientSecret;
  private final Map<String, Instant> tokens = new HashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();

  public RakutenFake(Ledger ledger, String clientId, String clientSecret) {
    super("rakuten", ledger);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of(
        "base-url", baseUrl,
        "token-url", baseUrl + "/token",
        "client-id", clientId,
        "client-secret", clientSecret,
        "sid", SID);
  }

  /** Requests made to the token endpoint, minting or not. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/token", this::token);
    routes.get(prefix + "/events/1.0/transactions", this::transactions);
  }

  private void token(Context ctx) throws InterruptedException {
    tokenRequests.incrementAndGet();
    if (common(ctx)) {
      return;
    }
    if (!(clientId + ":" + clientSecret).equals(ImpactFake.basic(ctx))
        || fault() == Fault.REVOKED) {
      oauthError(ctx, 401, "invalid_client", "Client Authentication failed.");
    } else if (!"client_credentials".equals(ctx.formParam("grant_type"))
        && !"password".equals(ctx.formParam("grant_type"))) {
      oauthError(ctx, 400, "unsupported_grant_type", "Unsupported grant_type value");
    } else if (!SID.equals(ctx.formParam("scope"))) {
      oauthError(ctx, 400, "invalid_scope", "The scope must be the publisher's SID");
    } else {
      String token = UUID.randomUUID().toString().replace("-", "");
      Instant now = ledger().clock().instant();
      synchronized (tokens) {
        tokens.values().removeIf(expiry -> !expiry.isAfter(now));
        tokens.put(token, now.plus(TOKEN_LIFETIME));
      }
      ObjectNode out = JSON.createObjectNode();
      out.put("token_type", "bearer");
      out.put("expires_in", TOKEN_LIFETIME.toSeconds());
      out.put("refresh_token", UUID.randomUUID().toString().replace("-", ""));
      out.put("access_token", token);
      ctx.contentType("application/json").result(out.toString());
    }
  }

  private boolean live(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    Instant expiry;
    synchronized (tokens) {
      expiry = tokens.get(authorization.substring(7).trim());
    }
    return expiry != null && expiry.isAfter(ledger().clock().instant());
  }

  private void transactions(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!live(ctx.header("Authorization")) || fault() == Fault.REVOKED) {
      fault(ctx, 401, 900901, "Invalid Credentials", "Make sure you have given a valid token");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED ->
          fault(ctx, 403, 900910, "The access token does not allow this resource", "Forbidden");
      case IP_NOT_ALLOWED, ERROR_IN_200 -> ctx.status(503).result("Service Unavailable");
      default -> events(ctx);
    }
  }

  private void events(Context ctx) {
    LocalDateTime start = date(ctx.queryParam("process_date_start"));
    LocalDateTime end = date(ctx.queryParam("process_date_end"));
    if (start == null || end == null || !start.isBefore(end)) {
      fault(ctx, 400, 400, "Bad Request", "process_date_start and process_date_end: yyyy-MM-dd");
      return;
    }
    Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> found =
        ledger()
            .between(
                start.toInstant(ZoneOffset.UTC).plus(lag), end.toInstant(ZoneOffset.UTC).plus(lag));
    ArrayNode out = JSON.createArrayNode();
    for (Conversion c : found) {
      ObjectNode e = out.addObject();
      String at = DATE.format(LocalDateTime.ofInstant(c.at().minus(lag), ZoneOffset.UTC));
      e.put("etransaction_id", c.id());
      e.put("order_id", c.orderId());
      e.put("sale_amount", c.amount());
      e.put("commissions", c.payout());
      e.put("currency", "USD");
      e.put("transaction_date", at);
      e.put("process_date", at);
    }
    ctx.contentType("application/json").result(out.toString());
  }

  private static @Nullable LocalDateTime date(@Nullable String text) {
    try {
      return text == null ? null : LocalDateTime.parse(text, DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void oauthError(Context ctx, int status, String error, String description) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", error);
    out.put("error_description", description);
    ctx.status(status).contentType("application/json").result(out.toString());
  }

  /** The API gateway's error shape. */
  private static void fault(Context ctx, int status, int code, String message, String detail) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode fault = out.putObject("fault");
    fault.put("code", code);
    fault.put("message", message);
    fault.put("description", detail);
    ctx.status(status).contentType("application/json").result(out.toString());
  }
}

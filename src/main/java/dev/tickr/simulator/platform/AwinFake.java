package dev.tickr.simulator.platform;

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
 * {@code yyyy-MM-ddTHH:mm:ss} in the asked time zone, transactions oldest first.
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

  private final String token;
  private final CallWindow window;

  /**
   * @param token the user's API token the fake accepts
   */
  public AwinFake(Ledger ledger, String token) {
    super("awin", ledger);
    this.token = token;
    this.window = new CallWindow(ledger.clock(), CALLS_PER_MINUTE, Duration.ofMinutes(1));
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "publisher", PUBLISHER, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/publishers/{id}/transactions/", this::transactions);
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
      t.put("commissionStatus", "pending");
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

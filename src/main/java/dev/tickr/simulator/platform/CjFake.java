package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CJ Affiliate's commissions API: GraphQL at {@code POST /query} with {@code Authorization: Bearer}
 * and a personal access token. It answers {@code publisherCommissions(forPublishers,
 * sincePostingDate, beforePostingDate)} with {@code count}, {@code payloadComplete} and {@code
 * records}; a query it cannot answer gets a {@code 200} with GraphQL {@code errors} and {@code
 * "data": null}. Assumed, as CJ's public pages do not show them: {@code 401} for a token that is
 * not valid, {@code 403} for one not allowed, records in posting order.
 */
public final class CjFake extends PlatformFake {
  /** The publisher (company) id of the healthy account. */
  public static final String PUBLISHER = "7654321";

  /** How far behind a {@link Fault#STALE} report is. */
  static final Duration STALE_LAG = Duration.ofDays(4);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CALL =
      Pattern.compile("publisherCommissions\\s*\\(([^)]*)\\)", Pattern.DOTALL);
  private static final Pattern PUBLISHERS =
      Pattern.compile("forPublishers\\s*:\\s*\\[([^\\]]*)\\]");

  private final String token;
  private final int pageSize;

  /**
   * @param token the personal access token the fake accepts
   */
  public CjFake(Ledger ledger, String token) {
    this(ledger, token, 10_000);
  }

  /**
   * @param pageSize the most records one answer holds; with more, {@code payloadComplete} is false
   *     and the oldest are sent
   */
  public CjFake(Ledger ledger, String token, int pageSize) {
    super("cj", ledger);
    this.token = token;
    this.pageSize = pageSize;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "publisher", PUBLISHER, "token", token);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/query", this::query);
  }

  private void query(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    if (!("Bearer " + token).equals(ctx.header("Authorization")) || fault() == Fault.REVOKED) {
      ctx.status(401).contentType("application/json").result("{\"message\":\"Unauthorized\"}");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED ->
          ctx.status(403).contentType("application/json").result("{\"message\":\"Forbidden\"}");
      case IP_NOT_ALLOWED -> ctx.status(503).result("Service Unavailable");
      case ERROR_IN_200 -> errors(ctx, "Internal error: the commissions could not be read");
      default -> answer(ctx);
    }
  }

  private void answer(Context ctx) {
    String query;
    try {
      JsonNode body = JSON.readTree(ctx.body());
      query = body == null ? "" : body.path("query").asText("");
    } catch (java.io.IOException e) {
      errors(ctx, "Invalid JSON in the request body");
      return;
    }
    Matcher call = CALL.matcher(query);
    if (!call.find()) {
      errors(ctx, "Cannot query the field asked for: publisherCommissions is expected");
      return;
    }
    String args = call.group(1);
    Matcher publishers = PUBLISHERS.matcher(args);
    if (!publishers.find() || !publishers.group(1).contains("\"" + PUBLISHER + "\"")) {
      errors(ctx, "forPublishers must name a publisher of this token");
      return;
    }
    Instant since = date(args, "sincePostingDate");
    Instant before = date(args, "beforePostingDate");
    if (since == null || before == null || !since.isBefore(before)) {
      errors(ctx, "sincePostingDate and beforePostingDate must be ISO-8601 times, since first");
      return;
    }
    Duration lag = fault() == Fault.STALE ? STALE_LAG : Duration.ZERO;
    List<Conversion> all = ledger().between(since.plus(lag), before.plus(lag));
    List<Conversion> found = all.subList(0, Math.min(all.size(), pageSize));
    ObjectNode out = JSON.createObjectNode();
    ObjectNode commissions = out.putObject("data").putObject("publisherCommissions");
    commissions.put("count", found.size());
    commissions.put("payloadComplete", found.size() == all.size());
    commissions.put("maxCommissionId", found.isEmpty() ? "" : found.getLast().id());
    ArrayNode records = commissions.putArray("records");
    for (Conversion c : found) {
      ObjectNode r = records.addObject();
      r.put("commissionId", c.id());
      r.put("postingDate", c.at().minus(lag).toString());
      r.put("pubCommissionAmountUsd", c.payout().toPlainString());
    }
    ctx.contentType("application/json").result(out.toString());
  }

  private static @Nullable Instant date(String args, String name) {
    Matcher m = Pattern.compile(name + "\\s*:\\s*\"([^\"]*)\"").matcher(args);
    if (!m.find()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(m.group(1)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** GraphQL's way: {@code 200}, {@code errors} and no data. */
  private static void errors(Context ctx, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.putArray("errors").addObject().put("message", message);
    out.putNull("data");
    ctx.status(200).contentType("application/json").result(out.toString());
  }
}

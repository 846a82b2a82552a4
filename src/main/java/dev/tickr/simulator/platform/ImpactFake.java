package dev.tickr.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Impact.com's partner API: HTTP Basic with the 34-character {@code IR…} Account SID and its auth
 * token, the SID repeated in the path; JSON only when asked for ({@code Accept}), XML otherwise;
 * errors as {@code {"Status":"ERROR","Message":…}}, {@code 403} for a token not allowed on the
 * endpoint, {@code 429} with {@code X-RateLimit-Remaining-hour}. A brand submits a conversion with
 * {@code POST /Advertisers/{sid}/Conversions} (form fields {@code CampaignId}, {@code
 * ActionTrackerId}, an explicit {@code EventDate}, {@code OrderId}, {@code ClickId} or {@code
 * MediaPartnerId}, {@code Amount}), answered {@code QUEUED} with a {@code QueuedUri}; it shows in
 * {@code /Actions} (filtered by {@code ActionDateStart}/{@code ActionDateEnd} on its {@code
 * EventDate}) after the ledger's attribution delay; {@code DELETE /Advertisers/{sid}/Actions} with
 * {@code ActionTrackerId} and {@code OrderId} reverses it. Assumed: a reversal of an action not
 * (yet) listed is refused with {@code 400} rather than queued.
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
    routes.post(prefix + "/{role}/{sid}/Conversions", ctx -> brand(ctx, this::conversion));
    routes.delete(prefix + "/{role}/{sid}/Actions", ctx -> brand(ctx, this::reversal));
  }

  private interface Write {
    void handle(Context ctx, String sid);
  }

  /** A brand's write: its account's credentials, the {@code Advertisers} path, JSON answers. */
  private void brand(Context ctx, Write write) throws InterruptedException {
    if (common(ctx) || !admitted(ctx)) {
      return;
    }
    if (!ctx.pathParam("role").equals("Advertisers")) {
      error(ctx, 403, "Only brand (Advertisers) accounts may write conversions");
      return;
    }
    switch (fault()) {
      case ACCESS_DENIED -> error(ctx, 403, "The auth token is not permitted on this endpoint");
      case ERROR_IN_200 -> error(ctx, 200, "An unexpected error occurred, please retry later");
      case IP_NOT_ALLOWED -> error(ctx, 503, "Service unavailable");
      default -> write.handle(ctx, ctx.pathParam("sid"));
    }
  }

  private void conversion(Context ctx, String sid) {
    String order = text(ctx.formParam("OrderId"));
    String date = text(ctx.formParam("EventDate"));
    BigDecimal amount = amount(ctx.formParam("Amount"));
    String click = text(ctx.formParam("ClickId"));
    String partner = text(ctx.formParam("MediaPartnerId"));
    String missing =
        blank(ctx.formParam("CampaignId"))
            ? "CampaignId"
            : blank(ctx.formParam("ActionTrackerId"))
                ? "ActionTrackerId"
                : blank(order) ? "OrderId" : blank(date) ? "EventDate" : null;
    if (missing != null) {
      fieldError(ctx, missing, missing + " is required");
    } else if (blank(click) && blank(partner)) {
      fieldError(ctx, "ClickId", "an attribution key (ClickId, MediaPartnerId...) is required");
    } else if (!"NOW".equals(date) && !instant(date)) {
      fieldError(ctx, "EventDate", "EventDate must be an ISO 8601 date and time, or NOW");
    } else if (amount == null) {
      fieldError(ctx, "Amount", "Amount must be a decimal number");
    } else {
      convert(order, blank(click) ? "partner-" + partner : click, amount);
      queued(ctx, sid);
    }
  }

  private void reversal(Context ctx, String sid) {
    String order = text(ctx.formParam("OrderId"));
    if (blank(ctx.formParam("ActionTrackerId")) || blank(order)) {
      fieldError(ctx, "OrderId", "ActionId, or ActionTrackerId and OrderId, are required");
      return;
    }
    Conversion c = ledger().order(order);
    if (c == null || !ledger().reverse(c)) {
      fieldError(ctx, "OrderId", "No action found for OrderId " + order);
      return;
    }
    queued(ctx, sid);
  }

  private static void queued(Context ctx, String sid) {
    ObjectNode out = JSON.createObjectNode();
    out.put("Status", "QUEUED");
    out.put(
        "QueuedUri",
        "/Advertisers/"
            + sid
            + "/APISubmissions/A-"
            + UUID.randomUUID().toString().substring(0, 8));
    ctx.contentType("application/json").result(out.toString());
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private static boolean instant(@Nullable String text) {
    try {
      OffsetDateTime.parse(String.valueOf(text));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The account's credentials: whether the call may go on, else answered. */
  private boolean admitted(Context ctx) {
    String sid = ctx.pathParam("sid");
    if (!SID_FORM.matcher(sid).matches()
        || !List.of("Mediapartners", "Advertisers", "Agencies").contains(ctx.pathParam("role"))) {
      error(ctx, 404, "Resource not found");
      return false;
    }
    if (!(sid + ":" + token).equals(basic(ctx)) || fault() == dev.tickr.simulator.Fault.REVOKED) {
      ctx.header("WWW-Authenticate", "Basic realm=\"impact\"");
      error(ctx, 401, "Authentication failed: check the Account SID and auth token");
      return false;
    }
    return true;
  }

  private interface Body {
    ObjectNode of(Context ctx);
  }

  private void answer(Context ctx, Body body) throws InterruptedException {
    if (common(ctx) || !admitted(ctx)) {
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
    String start = ctx.queryParam("ActionDateStart");
    String end = ctx.queryParam("ActionDateEnd");
    List<Conversion> recent =
        instant(start) && instant(end)
            ? ledger()
                .between(
                    OffsetDateTime.parse(String.valueOf(start)).toInstant(),
                    OffsetDateTime.parse(String.valueOf(end)).toInstant().plusSeconds(1))
            : ledger().recent(Duration.ofDays(7).minus(lag));
    ObjectNode out = page(recent.size());
    ArrayNode actions = out.putArray("Actions");
    for (Conversion c : recent) {
      ObjectNode a = actions.addObject();
      a.put("Id", c.id());
      a.put("CampaignId", "1000");
      a.put("State", ledger().reversed(c) ? "REVERSED" : "PENDING");
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

  private static void fieldError(Context ctx, String field, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("Status", "ERROR");
    out.put("Message", "Invalid request");
    out.putArray("Errors").addObject().put("Field", field).put("Message", message);
    ctx.status(400).contentType("application/json").result(out.toString());
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

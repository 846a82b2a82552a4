package dev.tickr.simulator.platform;

import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ShareASale's affiliate API: {@code GET /x.cfm?affiliateId=..&token=..&version=..&action=..},
 * signed with {@code x-ShareASale-Date} (RFC 1123, UTC) and {@code x-ShareASale-Authentication}
 * (SHA-256 hex of {@code token:date:action:secret}), which the fake recomputes; a date more than
 * {@link #CLOCK_SKEW} off is refused. Every error is text inside a {@code 200}: {@code Error: ... -
 * Error Code NNNN}, the whitelist error {@code Error: Invalid Account - Error Code 4002 - <ip>}.
 * Only 4002 is documented: the other codes, the text of the answers and how a spent month of
 * credits is answered (here a plain {@code 429}) are assumptions.
 */
public final class ShareasaleFake extends PlatformFake {
  /** The simulated affiliate id. */
  public static final String AFFILIATE = "1234567";

  /** How far the signed date may be from the fake's clock. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final List<String> ACTIONS = List.of("ledger", "apitokencount");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String token;
  private final String secret;
  private final int credits;
  private final AtomicLong used = new AtomicLong();

  /**
   * @param token the API token the fake accepts
   * @param secret the API secret that signs requests
   * @param credits the requests the account may make a month
   */
  public ShareasaleFake(Ledger ledger, String token, String secret, int credits) {
    super("shareasale", ledger);
    this.token = token;
    this.secret = secret;
    this.credits = credits;
  }

  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of(
        "base-url",
        baseUrl,
        "account",
        AFFILIATE,
        "token",
        token,
        "secret",
        secret,
        "credits",
        String.valueOf(credits));
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/x.cfm", this::answer);
  }

  /** The SHA-256 hex of {@code token:date:action:secret}, as ShareASale's sample clients sign. */
  public static String signature(String token, String date, String action, String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (token + ":" + date + ":" + action + ":" + secret)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(Context ctx) throws InterruptedException {
    if (common(ctx)) {
      return;
    }
    String action = String.valueOf(ctx.queryParam("action"));
    if (!AFFILIATE.equals(ctx.queryParam("affiliateId"))) {
      text(ctx, "Error: Invalid Affiliate ID - Error Code 4001");
      return;
    }
    if (!token.equals(ctx.queryParam("token")) || fault() == Fault.REVOKED) {
      text(ctx, "Error: Invalid Token - Error Code 4003");
      return;
    }
    if (fault() == Fault.IP_NOT_ALLOWED) {
      text(ctx, "Error: Invalid Account - Error Code 4002 - " + ctx.ip());
      return;
    }
    String date = ctx.header("x-ShareASale-Date");
    if (date == null || !recent(date)) {
      text(ctx, "Error: Invalid Date (x-ShareASale-Date) - Error Code 4005");
      return;
    }
    String given = ctx.header("x-ShareASale-Authentication");
    if (given == null || !given.equalsIgnoreCase(signature(token, date, action, secret))) {
      text(ctx, "Error: Invalid Signature (x-ShareASale-Authentication) - Error Code 4004");
      return;
    }
    if (ctx.queryParam("version") == null || !ACTIONS.contains(action)) {
      text(ctx, "Error: Invalid Action or Version - Error Code 4010");
      return;
    }
    if (used.incrementAndGet() > credits) {
      rateLimited(ctx);
      return;
    }
    switch (fault()) {
      case ERROR_IN_200 -> text(ctx, "Error: Temporary Error - Error Code 5000");
      // ShareASale has no 403 of its own: played as an outage.
      case ACCESS_DENIED -> ctx.status(503).result("Service Unavailable");
      default -> text(ctx, action.equals("ledger") ? ledgerReport() : tokenCount());
    }
  }

  /** Whether the signed date reads as RFC 1123 and is within {@link #CLOCK_SKEW} of now. */
  private boolean recent(String date) {
    try {
      Instant at = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant now = ledger().clock().instant();
      return Duration.between(at, now).abs().compareTo(CLOCK_SKEW) <= 0;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private String ledgerReport() {
    StringBuilder out = new StringBuilder("ledgerid|dt|action|amount|orderid\r\n");
    for (Conversion c : ledger().recent(Duration.ofDays(30))) {
      out.append(c.id())
          .append('|')
          .append(DAY.format(c.at()))
          .append("|Transaction|")
          .append(c.payout().toPlainString())
          .append('|')
          .append(c.orderId())
          .append("\r\n");
    }
    return out.toString();
  }

  private String tokenCount() {
    long left = Math.max(0, credits - used.get());
    return "Remaining Requests|" + left + "\r\n";
  }

  private static void text(Context ctx, String body) {
    ctx.status(200).contentType("text/plain").result(body);
  }
}

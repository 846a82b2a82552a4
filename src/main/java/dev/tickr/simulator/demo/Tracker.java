package dev.tickr.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The advertiser's own tracker, as small in-house ones are: a click redirect that adds a click id
 * to the landing URL, a conversion pixel (a 1×1 GIF), a server-to-server postback that answers
 * {@code success=true;} or {@code success=false; err_msg=…;} (always {@code 200}), and a JSON
 * conversion API behind a bearer token and an IP allow list. Pixel, postback and API record real
 * conversions in its {@link Ledger}; a {@code test=1} conversion is checked but not recorded. Its
 * report, {@code GET /api/conversions/ORDER} (the same token), shows a conversion after the
 * ledger's attribution delay, and {@code DELETE /api/conversions/ORDER} reverses it.
 *
 * <p>Its faults: {@link Fault#ERROR_IN_200} is "front end up, recording down" (the redirect and the
 * pixel still answer, the postback and the API refuse inside a {@code 200}); {@link Fault#REVOKED}
 * and {@link Fault#IP_NOT_ALLOWED} concern the API; any other plays as an outage.
 */
public final class Tracker extends PlatformFake {
  /** A transparent 1×1 GIF. */
  private static final byte[] GIF =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiToken;
  private final AtomicLong clicks = new AtomicLong();

  /**
   * @param apiToken the bearer token its conversion API accepts
   */
  public Tracker(Ledger ledger, String apiToken) {
    super("tracker", ledger);
    this.apiToken = apiToken;
  }

  /** The bearer token its conversion API accepts. */
  public String apiToken() {
    return apiToken;
  }

  /** Not a platform preset: its monitors are plain {@code http} ones ({@link DemoConfig}). */
  @Override
  public Map<String, String> presetKeys(String baseUrl) {
    return Map.of("base-url", baseUrl, "token", apiToken);
  }

  @Override
  public void routes(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/click", ctx -> guarded(ctx, this::click));
    routes.get(prefix + "/landing", ctx -> guarded(ctx, Tracker::landing));
    routes.get(prefix + "/pixel.gif", ctx -> guarded(ctx, this::pixel));
    routes.get(prefix + "/postback", ctx -> guarded(ctx, this::postback));
    routes.post(prefix + "/api/conversions", ctx -> guarded(ctx, this::api));
    routes.get(prefix + "/api/conversions/{order}", ctx -> guarded(ctx, this::report));
    routes.delete(prefix + "/api/conversions/{order}", ctx -> guarded(ctx, this::reverse));
  }

  /** Whether the API's caller is let in, else answered. */
  private boolean admitted(Context ctx) throws IOException {
    if (fault() == Fault.IP_NOT_ALLOWED) {
      error(ctx, 403, "IP address " + ctx.ip() + " is not on the allow list");
      return false;
    }
    if (fault() == Fault.REVOKED || !("Bearer " + apiToken).equals(ctx.header("Authorization"))) {
      error(ctx, 401, "invalid or revoked API token");
      return false;
    }
    return true;
  }

  /** {@code GET /api/conversions/ORDER}: the order as reported, or {@code 404}. */
  private void report(Context ctx) throws IOException {
    if (!admitted(ctx)) {
      return;
    }
    Conversion c = ledger().order(ctx.pathParam("order"));
    if (c == null) {
      error(ctx, 404, "order " + ctx.pathParam("order") + " not found");
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("order_id", c.orderId());
    out.put("click_id", c.clickId());
    out.put("amount", c.amount());
    out.put("commission", c.payout());
    out.put("status", ledger().reversed(c) ? "reversed" : "approved");
    out.put("created_at", c.at().toString());
    ctx.contentType("application/json").result(out.toString());
  }

  /** {@code DELETE /api/conversions/ORDER}: reverses a reported order. */
  private void reverse(Context ctx) throws IOException {
    if (!admitted(ctx)) {
      return;
    }
    Conversion c = ledger().order(ctx.pathParam("order"));
    if (c == null || !ledger().reverse(c)) {
      error(ctx, 404, "order " + ctx.pathParam("order") + " not found");
      return;
    }
    ctx.contentType("application/json").result("{\"status\":\"reversed\"}");
  }

  private interface Handler {
    void handle(Context ctx) throws IOException;
  }

  /** Plays the faults the tracker cannot have as an outage, then answers. */
  private void guarded(Context ctx, Handler handler) throws InterruptedException, IOException {
    if (common(ctx)) {
      return;
    }
    if (fault() == Fault.STALE || fault() == Fault.ACCESS_DENIED) {
      ctx.status(503).contentType("text/plain").result("Service Unavailable");
      return;
    }
    handler.handle(ctx);
  }

  /** {@code /click?url=/PATH}: 302 to the landing path with {@code clickid} added. */
  private void click(Context ctx) {
    String url = ctx.queryParam("url");
    if (url == null || url.isBlank()) {
      url = "landing";
    }
    // Only a path of this tracker: the redirect never leads anywhere else.
    if (url.contains("//") || url.contains(":") || url.startsWith("/")) {
      ctx.status(400).contentType("text/plain").result("url must be a path of this site");
      return;
    }
    String id = "clk-" + clicks.incrementAndGet();
    ctx.status(302).header("Location", url + (url.contains("?") ? "&" : "?") + "clickid=" + id);
  }

  private static void landing(Context ctx) {
    ctx.contentType("text/html")
        .result("<!doctype html><title>Simulated Store</title><h1>Simulated Store</h1>");
  }

  /** {@code /pixel.gif?clickid=&order=&amount=}: always the GIF (pixels never show errors). */
  private void pixel(Context ctx) {
    if (fault() == Fault.NONE && !"1".equals(ctx.queryParam("test"))) {
      record(ctx.queryParam("clickid"), ctx.queryParam("order"), ctx.queryParam("amount"));
    }
    ctx.header("Cache-Control", "no-store").contentType("image/gif").result(GIF);
  }

  /** {@code /postback?clickid=&order=&amount=[&test=1]}: TUNE-style text, always {@code 200}. */
  private void postback(Context ctx) {
    ctx.contentType("text/plain");
    if (fault() == Fault.ERROR_IN_200) {
      ctx.result("success=false; err_msg=Conversion processing is paused;");
      return;
    }
    String click = ctx.queryParam("clickid");
    if (click == null || click.isBlank()) {
      ctx.result("success=false; err_msg=Invalid Trans. ID;");
      return;
    }
    if (!"1".equals(ctx.queryParam("test"))
        && !record(click, ctx.queryParam("order"), ctx.queryParam("amount"))) {
      ctx.result("success=false; err_msg=Invalid amount;");
      return;
    }
    ctx.result("success=true;");
  }

  /** {@code POST /api/conversions} with {@code {"order_id","click_id","amount","test"}}. */
  private void api(Context ctx) throws IOException {
    if (!admitted(ctx)) {
      return;
    }
    if (fault() == Fault.ERROR_IN_200) {
      ctx.contentType("application/json")
          .result("{\"status\":\"ERROR\",\"error\":\"conversion processing is paused\"}");
      return;
    }
    JsonNode in;
    try {
      in = JSON.readTree(ctx.body());
    } catch (IOException e) {
      error(ctx, 400, "the body is not JSON");
      return;
    }
    String order = in.path("order_id").asText("");
    if (order.isEmpty()) {
      error(ctx, 400, "order_id is required");
      return;
    }
    String id = "conv-" + order;
    if (!in.path("test").asBoolean(false)
        && !record(in.path("click_id").asText(""), order, in.path("amount").asText(""))) {
      error(ctx, 400, "amount must be a decimal number");
      return;
    }
    ctx.contentType("application/json")
        .result("{\"status\":\"OK\",\"id\":" + JSON.writeValueAsString(id) + "}");
  }

  /** Records a conversion; false when the amount is not a number. */
  private boolean record(
      @org.jspecify.annotations.Nullable String click,
      @org.jspecify.annotations.Nullable String order,
      @org.jspecify.annotations.Nullable String amount) {
    BigDecimal value;
    try {
      value = new BigDecimal(amount == null || amount.isBlank() ? "0" : amount);
    } catch (NumberFormatException e) {
      return false;
    }
    convert(
        order == null || order.isBlank() ? "ORD-" + clicks.get() : order,
        click == null ? "" : click,
        value);
    return true;
  }

  private static void error(Context ctx, int status, String message) throws IOException {
    ctx.status(status)
        .contentType("application/json")
        .result("{\"error\":" + JSON.writeValueAsString(message) + "}");
  }
}

package dev.tickr.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Alert;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.ReasonHelp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * {@code webhook}: Tickr's own JSON, as documented in {@code docs/channels.md}, for scripts and
 * services. Signed with HMAC-SHA256 over {@code "<timestamp>.<body>"} when a {@code secret} is set;
 * every retry carries the same {@code Idempotency-Key}.
 */
final class WebhookNotifier implements Notifier {
  static final List<String> KEYS = List.of("url", "secret", "headers", "timeout");

  /** Headers Tickr sets itself, which {@code headers:} may not replace. */
  static final List<String> RESERVED =
      List.of(
          "content-type",
          "content-length",
          "host",
          "idempotency-key",
          "x-tickr-timestamp",
          "x-tickr-signature");

  private final String name;
  private final URI url;
  private final byte @Nullable [] secret;
  private final Headers headers;
  private final Clock clock;
  private final HttpDelivery http;

  private WebhookNotifier(
      Settings s,
      URI url,
      @Nullable String secret,
      Headers headers,
      Notifiers.Context context,
      Duration timeout) {
    this.name = s.describe();
    this.url = url;
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.headers = headers;
    this.clock = context.clock();
    this.http = new HttpDelivery(context, timeout, s.mask());
  }

  static WebhookNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    URI url = s.url("url", null);
    String secret = s.text("secret");
    if (secret != null && secret.isBlank()) {
      s.problem("secret", "secret must not be empty (leave it out to send unsigned)");
    }
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, String> h : s.map("headers").entrySet()) {
      if (RESERVED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        s.problem("headers." + h.getKey(), "headers: " + h.getKey() + " is set by Tickr itself");
        continue;
      }
      try {
        headers.add(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        s.problem(
            "headers." + h.getKey(),
            "headers: " + h.getKey() + " is not a valid HTTP header name and value");
      }
    }
    return new WebhookNotifier(s, url, secret, headers.build(), context, s.timeout());
  }

  @Override
  public Delivery send(Notification n) {
    Instant now = clock.instant();
    byte[] body = Json.bytes(payload(n, now));
    String timestamp = String.valueOf(now.getEpochSecond());
    Request.Builder request =
        new Request.Builder()
            .url(url.toString())
            .headers(headers)
            .header("X-Tickr-Timestamp", timestamp)
            .header("Idempotency-Key", n.id())
            .post(Json.body(body));
    if (secret != null) {
      request.header("X-Tickr-Signature", "sha256=" + sign(secret, timestamp, body));
    }
    return http.send(request.build());
  }

  /**
   * The documented JSON: the first alert at the top, and every alert under "alerts" if grouped. A
   * notice about Tickr itself (its connectivity) has no monitor or incident but a "connectivity".
   */
  static ObjectNode payload(Notification n, Instant now) {
    Alert first = n.first();
    ObjectNode root = Json.object();
    root.put("event", n.event().wire());
    if (first.aboutTickr()) {
      notice(first, root.putObject("connectivity"));
      root.put("sent_at", Json.time(now));
      root.put("dashboard_url", n.dashboardUrl());
      return root;
    }
    describe(first, root);
    root.put("sent_at", Json.time(now));
    root.put("dashboard_url", Messages.monitorUrl(n.dashboardUrl(), first.monitor()));
    if (n.grouped()) {
      ArrayNode alerts = root.putArray("alerts");
      for (Alert a : n.alerts()) {
        ObjectNode item = alerts.addObject();
        describe(a, item);
        item.put("dashboard_url", Messages.monitorUrl(n.dashboardUrl(), a.monitor()));
      }
    }
    return root;
  }

  private static void describe(Alert a, ObjectNode into) {
    ObjectNode monitor = into.putObject("monitor");
    monitor.put("name", a.monitor());
    monitor.set("tags", Json.strings(a.tags()));
    ObjectNode incident = into.putObject("incident");
    incident.put("id", a.incidentId());
    incident.put("started_at", Json.time(a.startedAt()));
    incident.put("ended_at", Json.time(a.endedAt()));
    Duration lasted = a.duration();
    if (lasted == null) {
      incident.putNull("duration_s");
    } else {
      incident.put("duration_s", lasted.toSeconds());
    }
    incident.put("reason", a.reason().code());
    incident.put("detail", a.detail());
    incident.put("explanation", ReasonHelp.explanation(a.reason()));
    incident.put("hint", ReasonHelp.hint(a.reason()));
    if (!a.impact().isEmpty()) {
      incident.put("impact", a.impact());
    }
    ObjectNode evidence = into.putObject("evidence");
    evidence.put("status", a.status());
    evidence.put("body", a.evidence());
  }

  private static void notice(Alert a, ObjectNode into) {
    into.put("lost_at", Json.time(a.startedAt()));
    into.put("restored_at", Json.time(a.endedAt()));
    Duration lasted = a.duration();
    if (lasted == null) {
      into.putNull("duration_s");
    } else {
      into.put("duration_s", lasted.toSeconds());
    }
    into.put("reason", a.reason().code());
    into.put("detail", a.detail());
  }

  /** Lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
  static String sign(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

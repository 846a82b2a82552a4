package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.Reason;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookNotifierTest {
  private final Channels channels = new Channels();

  private Notifier webhook(TestHttpServer server, String more) {
    return channels.notifier(
        "- name: ops\n  type: webhook\n  url: " + server.url("/tickr") + "\n" + more);
  }

  @Test
  void posts_the_documented_json_for_a_down() {
    try (var server = TestHttpServer.plain().text("/tickr", 200, "thanks")) {
      Delivery delivery = webhook(server, "").send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, "thanks"));
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(json(request.body()))
          .isEqualTo(
              json(
                  """
                  {"event": "down",
                   "monitor": {"name": "campaigns", "tags": ["affiliate"]},
                   "incident": {"id": 42, "started_at": "2026-03-01T10:15:00Z",
                                "ended_at": null, "duration_s": null,
                                "reason": "http-status",
                                "detail": "[STATUS] == 200 (actual 500)",
                                "explanation": "The answer's HTTP status was not the one expected.",
                                "hint": "Check the service's logs for this status and the URL and method used."},
                   "evidence": {"status": 500, "body": "{\\"error\\":\\"upstream timeout\\"}"},
                   "sent_at": "2026-03-01T10:20:00Z",
                   "dashboard_url": "https://tickr.example.com/monitors/campaigns"}
                  """));
    }
  }

  @Test
  void a_connectivity_notice_has_no_monitor_or_incident_but_the_loss() {
    try (var server = TestHttpServer.plain().text("/tickr", 200, "thanks")) {
      Alert restored =
          new Alert(
              AlertEvent.CONNECTIVITY_RESTORED,
              Alert.NO_MONITOR,
              List.of(),
              0,
              Instant.parse("2026-03-01T10:15:00Z"),
              Instant.parse("2026-03-01T10:17:30Z"),
              Reason.CONNECT,
              "Tickr reaches its canaries again",
              null,
              "",
              null,
              "tickr-connectivity-1772360100000");
      webhook(server, "")
          .send(
              new Notification(
                  "n-1", AlertEvent.CONNECTIVITY_RESTORED, List.of(restored), Channels.DASHBOARD));

      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"event": "connectivity-restored",
                   "connectivity": {"lost_at": "2026-03-01T10:15:00Z",
                                    "restored_at": "2026-03-01T10:17:30Z", "duration_s": 150,
                                    "reason": "connect",
                                    "detail": "Tickr reaches its canaries again"},
                   "sent_at": "2026-03-01T10:20:00Z",
                   "dashboard_url": "https://tickr.example.com"}
                  """));
    }
  }

  @Test
  void an_up_carries_when_it_ended_and_how_long_it_lasted() {
    try (var server = TestHttpServer.plain().text("/tickr", 204, "")) {
      webhook(server, "").send(notification(AlertEvent.UP, "campaigns"));

      var body = json(server.requests().get(0).body());
      assertThat(body.path("event").asText()).isEqualTo("up");
      assertThat(body.at("/incident/ended_at").asText()).isEqualTo("2026-03-01T10:19:30Z");
      assertThat(body.at("/incident/duration_s").asLong()).isEqualTo(270);
    }
  }

  @Test
  void sends_a_timestamp_an_idempotency_key_and_custom_headers() {
    try (var server = TestHttpServer.plain().text("/tickr", 200, "ok")) {
      webhook(server, "  headers:\n    X-Team: growth\n")
          .send(notification(AlertEvent.DOWN, "campaigns"));

      RecordedRequest request = server.requests().get(0);
      assertThat(request.header("X-Tickr-Timestamp"))
          .isEqualTo(String.valueOf(Channels.NOW.getEpochSecond()));
      assertThat(request.header("Idempotency-Key")).isEqualTo("n-down-1");
      assertThat(request.header("X-Team")).isEqualTo("growth");
      assertThat(request.header("X-Tickr-Signature")).isNull();
    }
  }

  @Test
  void signs_the_exact_bytes_sent_with_the_timestamp() throws Exception {
    try (var server = TestHttpServer.plain().text("/tickr", 200, "ok")) {
      webhook(server, "  secret: whsec-test-1234\n")
          .send(notification(AlertEvent.DOWN, "campaigns"));

      RecordedRequest request = server.requests().get(0);
      String timestamp = request.header("X-Tickr-Timestamp");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("whsec-test-1234".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
      assertThat(request.header("X-Tickr-Signature"))
          .isEqualTo("sha256=" + HexFormat.of().formatHex(expected));
    }
  }

  @Test
  void the_same_notification_keeps_its_idempotency_key_on_a_retry() {
    try (var server = TestHttpServer.plain().text("/tickr", 503, "busy")) {
      Notifier notifier = webhook(server, "");
      var n = notification(AlertEvent.DOWN, "campaigns");

      assertThat(notifier.send(n).outcome()).isEqualTo(Delivery.Outcome.RETRY);
      channels.clock.advance(java.time.Duration.ofSeconds(30));
      notifier.send(n);

      assertThat(server.requests())
          .extracting(r -> r.header("Idempotency-Key"))
          .containsExactly("n-down-1", "n-down-1");
      assertThat(server.requests())
          .extracting(r -> r.header("X-Tickr-Timestamp"))
          .containsExactly("1772360400", "1772360430");
    }
  }

  @Test
  void a_grouped_notification_lists_every_alert() {
    try (var server = TestHttpServer.plain().text("/tickr", 200, "ok")) {
      Notifier grouping = webhook(server, "  group: 30s\n");
      assertThat(grouping.groups()).isTrue();

      grouping.send(notification(AlertEvent.DOWN, "a", "b c"));

      var body = json(server.requests().get(0).body());
      assertThat(body.at("/monitor/name").asText()).isEqualTo("a");
      assertThat(body.path("alerts").findValuesAsText("name")).containsExactly("a", "b c");
      assertThat(body.at("/alerts/1/dashboard_url").asText())
          .isEqualTo("https://tickr.example.com/monitors/b%20c");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "url: ftp://example.com/x|tickr.yml:4:10: webhook channel \"ops\": url must be an http(s)"
            + " URL, got \"ftp://example.com/x\"",
        "url: https://x.example.com\\n  headers:\\n    X-Tickr-Signature: forged|tickr.yml:6:26:"
            + " webhook channel \"ops\": headers: X-Tickr-Signature is set by Tickr itself",
        "url: https://x.example.com\\n  timeout: 5m|tickr.yml:5:14: webhook channel \"ops\": timeout"
            + " must be a duration more than 0s and at most 1m, got \"5m\"",
        "url: https://x.example.com\\n  secret: ''|tickr.yml:5:13: webhook channel \"ops\": secret"
            + " must not be empty (leave it out to send unsigned)",
        "url: https://x.example.com\\n  sekret: abc|tickr.yml:5:13: webhook channel \"ops\": unknown"
            + " setting \"sekret\" (did you mean \"secret\"?); expected one of url, secret, headers,"
            + " timeout, events, renotify, group, certificate-expiry, retry-for",
        "headers: {}|tickr.yml:2:1: webhook channel \"ops\" has no \"url\""
      })
  void reports_each_bad_setting_where_it_was_written(String settings, String problem) {
    String yaml = "- name: ops\n  type: webhook\n  " + settings.replace("\\n", "\n") + "\n";

    assertThat(Channels.problems(yaml)).containsExactly(problem);
  }

  @Test
  void the_secret_is_never_shown() {
    List<String> problems =
        Channels.problems("- name: ops\n  type: webhook\n  url: nope\n  secret: whsec-9876\n");
    assertThat(String.join("\n", problems)).doesNotContain("whsec-9876");
  }
}

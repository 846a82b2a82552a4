package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushoverNotifierTest {
  private static final String ANSWER = "{\"status\":1,\"request\":\"647d2300-702c-4b38\"}";

  private final Channels channels = new Channels();

  @Test
  void posts_the_documented_form() {
    try (var server = TestHttpServer.plain().json("/1/messages.json", 200, ANSWER)) {
      Delivery delivery =
          channels
              .notifier(
                  "- name: push\n  type: pushover\n  token: app-token-1\n  user: user-key-2\n"
                      + "  sound: siren\n  url: "
                      + server.url("/"))
              .send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, ANSWER));
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("token", "app-token-1");
      expected.put("user", "user-key-2");
      expected.put("title", "campaigns is DOWN");
      expected.put(
          "message",
          "[STATUS] == 200 (actual 500) (http-status)\nDown since 2026-03-01 10:15:00 UTC.\nCheck the service's logs for this status and the URL and method used.");
      expected.put("priority", "1");
      expected.put("url", "https://tickr.example.com/monitors/campaigns");
      expected.put("url_title", "Open in Tickr");
      expected.put("sound", "siren");
      assertThat(form(request.body())).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void emergency_priority_repeats_until_acknowledged_and_keys_stay_hidden() {
    try (var server =
        TestHttpServer.plain()
            .json(
                "/1/messages.json",
                400,
                "{\"user\":\"invalid\",\"errors\":[\"user-key-2 is invalid\"],\"status\":0}")) {
      Delivery delivery =
          channels
              .notifier(
                  "- name: push\n  type: pushover\n  token: app-token-1\n  user: user-key-2\n"
                      + "  priority: 2\n  url: "
                      + server.url("/"))
              .send(notification(AlertEvent.UP, "campaigns"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
      assertThat(delivery.answer()).doesNotContain("user-key-2");
      Map<String, String> form = form(server.requests().get(0).body());
      assertThat(form).containsEntry("priority", "2").containsEntry("retry", "60");
      assertThat(form).containsEntry("expire", "3600");
    }
    assertThat(
            Channels.problems(
                "- name: push\n  type: pushover\n  token: t0k\n  user: u53r\n  priority: 3\n"))
        .containsExactly(
            "tickr.yml:6:15: pushover channel \"push\": priority must be a whole number from -2 to"
                + " 2, got \"3\"");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .forEach(
            kv ->
                out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    return out;
  }
}

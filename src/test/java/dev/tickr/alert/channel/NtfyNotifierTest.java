package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtfyNotifierTest {
  private static final String PUBLISHED =
      "{\"id\":\"sPs71M8A2T\",\"time\":1772360400,\"event\":\"message\",\"topic\":\"tickr-ops-x7\"}";

  private final Channels channels = new Channels();

  @Test
  void publishes_json_with_title_priority_tags_and_a_click_link() {
    try (var server = TestHttpServer.plain().json("/", 200, PUBLISHED)) {
      Delivery delivery =
          channels
              .notifier(
                  "- name: phone\n  type: ntfy\n  topic: tickr-ops-x7\n  token: tk_abc123\n"
                      + "  tags: [prod]\n  url: "
                      + server.url("/"))
              .send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
      assertThat(delivery.answer()).doesNotContain("tickr-ops-x7").contains("\"topic\":\"***\"");
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Authorization")).isEqualTo("Bearer tk_abc123");
      assertThat(json(request.body()))
          .isEqualTo(
              json(
                  """
                  {"topic": "tickr-ops-x7",
                   "title": "campaigns is DOWN",
                   "message": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
                   "priority": 4,
                   "tags": ["rotating_light", "prod"],
                   "click": "https://tickr.example.com/monitors/campaigns"}
                  """));
    }
  }

  @ParameterizedTest(name = "{0} with priority {1} -> {2}")
  @CsvSource({"UP, '', 3", "DOWN, '', 4", "DOWN, max, 5", "TEST, low, 2"})
  void priority_follows_the_event_unless_set(AlertEvent event, String setting, int expected) {
    try (var server = TestHttpServer.plain().json("/", 200, PUBLISHED)) {
      channels
          .notifier(
              "- name: phone\n  type: ntfy\n  topic: t0pic\n  username: me\n  password: pw-123\n"
                  + (setting.isEmpty() ? "" : "  priority: " + setting + "\n")
                  + "  url: "
                  + server.url("/"))
          .send(notification(event, "campaigns"));

      RecordedRequest request = server.requests().get(0);
      assertThat(json(request.body()).path("priority").asInt()).isEqualTo(expected);
      assertThat(request.header("Authorization")).isEqualTo("Basic bWU6cHctMTIz");
    }
  }

  @Test
  void a_token_and_a_password_together_are_a_problem() {
    assertThat(
            Channels.problems(
                "- name: phone\n  type: ntfy\n  topic: t\n  token: tk_1\n  username: me\n"
                    + "  password: pw-123\n  priority: urgent\n"))
        .containsExactly(
            "tickr.yml:5:12: ntfy channel \"phone\": token and username/password are two ways to"
                + " log in: choose one",
            "tickr.yml:8:15: ntfy channel \"phone\": priority must be one of min, low, default,"
                + " high, max, got \"urgent\"");
  }
}

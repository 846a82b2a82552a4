package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackNotifierTest {
  private static final String HOOK = "/services/T000/B000/slack-hook-secret";

  private final Channels channels = new Channels();

  private Notifier slack(TestHttpServer server, String more) {
    return channels.notifier(
        "- name: ops\n  type: slack\n  url: " + server.url(HOOK) + "\n" + more);
  }

  @Test
  void posts_block_kit_blocks_with_a_fallback_text() {
    try (var server = TestHttpServer.plain().text(HOOK, 200, "ok")) {
      Delivery delivery = slack(server, "").send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, "ok"));
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo(HOOK);
      assertThat(json(request.body()))
          .isEqualTo(
              json(
                  """
                  {"text": "campaigns is DOWN",
                   "blocks": [
                     {"type": "header",
                      "text": {"type": "plain_text", "text": ":red_circle: campaigns is DOWN",
                               "emoji": true}},
                     {"type": "section",
                      "text": {"type": "mrkdwn",
                               "text": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used."}},
                     {"type": "context",
                      "elements": [{"type": "mrkdwn",
                        "text": "<https://tickr.example.com/monitors/campaigns|Open in Tickr>"}]}]}
                  """));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "UP|:large_green_circle: campaigns is UP again|Down for 4m30s, from 2026-03-01 10:15:00 UTC"
            + " to 2026-03-01 10:19:30 UTC.\\nLast failure: [STATUS] == 200 (actual 500)"
            + " (http-status)",
        "REMINDER|:red_circle: campaigns is still DOWN|Down for 5m, since 2026-03-01 10:15:00"
            + " UTC.\\n[STATUS] == 200 (actual 500) (http-status)\\nCheck the service's logs for"
            + " this status and the URL and method used.",
        "DEGRADED|:large_orange_circle: campaigns is DEGRADED|[STATUS] == 200 (actual 500)"
            + " (http-status)\\nDegraded since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
        "TEST|:test_tube: [TEST] campaigns: test notification|[STATUS] == 200 (actual 500)\\nSent"
            + " 2026-03-01 10:15:00 UTC."
      })
  void words_each_event_for_people(AlertEvent event, String header, String section) {
    try (var server = TestHttpServer.plain().text(HOOK, 200, "ok")) {
      slack(server, "").send(notification(event, "campaigns"));

      JsonNode blocks = json(server.requests().get(0).body()).path("blocks");
      assertThat(blocks.at("/0/text/text").asText()).isEqualTo(header);
      assertThat(blocks.at("/1/text/text").asText()).isEqualTo(section.replace("\\n", "\n"));
    }
  }

  @Test
  void templates_replace_the_default_words_and_values_are_escaped_for_mrkdwn() {
    try (var server = TestHttpServer.plain().text(HOOK, 200, "ok")) {
      slack(
              server,
              "  title: \"{{EVENT}}: {{monitor}}\"\n"
                  + "  message: \"*{{monitor}}* failed: {{detail}} <{{monitor_url}}|link>\"\n")
          .send(notification(AlertEvent.DOWN, "a<b>&c"));

      JsonNode body = json(server.requests().get(0).body());
      assertThat(body.path("text").asText()).isEqualTo("DOWN: a<b>&c");
      assertThat(body.at("/blocks/1/text/text").asText())
          .isEqualTo(
              "*a&lt;b&gt;&amp;c* failed: [STATUS] == 200 (actual 500)"
                  + " <https://tickr.example.com/monitors/a%3Cb%3E%26c|link>");
    }
  }

  @Test
  void a_grouped_notification_is_one_summary_within_slacks_fifty_blocks() {
    try (var server = TestHttpServer.plain().text(HOOK, 200, "ok")) {
      String[] monitors = IntStream.range(0, 60).mapToObj(i -> "m" + i).toArray(String[]::new);
      slack(server, "").send(notification(AlertEvent.DOWN, monitors));

      JsonNode body = json(server.requests().get(0).body());
      JsonNode blocks = body.path("blocks");
      assertThat(body.path("text").asText()).isEqualTo("60 monitors DOWN: m0, m1, m2 and 57 more");
      assertThat(blocks.size()).isLessThanOrEqualTo(50);
      assertThat(blocks.at("/1/text/text").asText())
          .isEqualTo(
              "m0: [STATUS] == 200 (actual 500) (http-status), since 2026-03-01 10:15:00 UTC");
      assertThat(blocks.get(blocks.size() - 2).at("/elements/0/text").asText())
          .isEqualTo("… and 15 more");
      assertThat(blocks.get(blocks.size() - 1).at("/elements/0/text").asText())
          .isEqualTo("<https://tickr.example.com|Open in Tickr>");
    }
  }

  @Test
  void the_webhook_url_is_a_secret() {
    try (var server =
        TestHttpServer.plain().text(HOOK, 404, "no_service for " + HOOK.substring(1))) {
      Notifier notifier = slack(server, "");
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
      assertThat(delivery.answer()).isEqualTo("no_service for ***");
      assertThat(notifier.toString()).isEqualTo("slack channel \"ops\"").doesNotContain("secret");
    }
    assertThat(
            Channels.problems("- name: ops\n  type: slack\n  url: hooks.slack.com/secret-path\n"))
        .containsExactly("tickr.yml:4:10: slack channel \"ops\": url must be an http(s) URL");
  }

  @Test
  void a_template_with_an_unknown_field_is_a_config_problem_with_its_column() {
    assertThat(
            Channels.problems(
                "- name: ops\n  type: slack\n  url: https://hooks.slack.com/x\n"
                    + "  message: \"{{monitor}} {{monitr}}\"\n"))
        .containsExactly(
            "tickr.yml:5:14: slack channel \"ops\": message: unknown field \"monitr\" (did you"
                + " mean \"monitor\"?); fields: "
                + String.join(", ", Template.FIELDS)
                + " (column 13 of the template)");
  }
}

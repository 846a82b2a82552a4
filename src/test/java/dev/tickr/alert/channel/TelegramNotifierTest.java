package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestHttpServer;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TelegramNotifierTest {
  private static final String PATH = "/bot123456:bot-token-secret/sendMessage";
  private static final String OK = "{\"ok\":true,\"result\":{\"message_id\":7}}";

  private final Channels channels = new Channels();

  private Notifier telegram(String url, String chat) {
    return channels.notifier(
        "- name: tg\n  type: telegram\n  token: ${BOT_TOKEN}\n  chat-id: "
            + chat
            + "\n  timeout: 1s\n  url: "
            + url);
  }

  @Test
  void sends_html_to_the_chat_through_the_bot_path() {
    try (var server = TestHttpServer.plain().json(PATH, 200, OK)) {
      Delivery delivery =
          telegram(server.url("/").toString(), "-1001234")
              .send(notification(AlertEvent.DOWN, "<script>"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, OK));
      assertThat(server.requests().get(0).path()).isEqualTo(PATH);
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"chat_id": -1001234,
                   "text": "<b>&lt;script&gt; is DOWN</b>\\n[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.\\n\\n<a href=\\"https://tickr.example.com/monitors/%3Cscript%3E\\">Open in Tickr</a>",
                   "parse_mode": "HTML",
                   "link_preview_options": {"is_disabled": true}}
                  """));
    }
  }

  @Test
  void a_channel_name_is_a_string_chat_id_and_grouping_fits_4096_characters() {
    try (var server = TestHttpServer.plain().json(PATH, 200, OK)) {
      String[] monitors = IntStream.range(0, 300).mapToObj(i -> "m" + i).toArray(String[]::new);
      telegram(server.url("/").toString(), "\"@tickr_alerts\"")
          .send(notification(AlertEvent.DOWN, monitors));

      JsonNode body = json(server.requests().get(0).body());
      assertThat(body.path("chat_id").asText()).isEqualTo("@tickr_alerts");
      assertThat(body.path("text").asText())
          .hasSizeLessThanOrEqualTo(TelegramNotifier.TEXT_CHARS)
          .startsWith("<b>300 monitors DOWN: m0, m1, m2 and 297 more</b>\nm0: ");
    }
  }

  @Test
  void a_rate_limit_waits_as_long_as_telegram_says_in_its_body() {
    try (var server =
        TestHttpServer.plain()
            .json(
                PATH,
                429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                    + " 5\",\"parameters\":{\"retry_after\":5}}")) {
      Delivery delivery =
          telegram(server.url("/").toString(), "42").send(notification(AlertEvent.DOWN, "a"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
      assertThat(delivery.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void the_bot_token_never_shows() {
    try (var server =
        TestHttpServer.plain()
            .json(PATH, 401, "{\"ok\":false,\"description\":\"Unauthorized " + PATH + "\"}")) {
      Notifier notifier = telegram(server.url("/").toString(), "42");
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "a"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
      assertThat(delivery.answer()).doesNotContain("bot-token-secret").contains("***");
      assertThat(notifier.toString()).doesNotContain("bot-token-secret");
    }
    Delivery refused =
        telegram(Ports.closedUrl("/").toString(), "42").send(notification(AlertEvent.DOWN, "a"));
    assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.RETRY);
    assertThat(refused.toString()).doesNotContain("bot-token-secret");
  }
}

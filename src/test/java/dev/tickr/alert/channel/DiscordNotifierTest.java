package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordNotifierTest {
  private static final String HOOK = "/api/webhooks/1234/discord-token-secret";

  private final Channels channels = new Channels();

  private Notifier discord(TestHttpServer server, String more) {
    return channels.notifier(
        "- name: ops\n  type: discord\n  url: " + server.url(HOOK) + "\n" + more);
  }

  @Test
  void posts_one_embed_and_pings_nobody() {
    try (var server = TestHttpServer.plain().text(HOOK, 204, "")) {
      Delivery delivery =
          discord(server, "  username: Tickr\n").send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(204, "(empty)"));
      assertThat(server.requests().get(0).method()).isEqualTo("POST");
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"username": "Tickr",
                   "embeds": [{
                     "title": "campaigns is DOWN",
                     "description": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
                     "url": "https://tickr.example.com/monitors/campaigns",
                     "color": 15158332,
                     "timestamp": "2026-03-01T10:20:00Z",
                     "footer": {"text": "Tickr"}}],
                   "allowed_mentions": {"parse": []}}
                  """));
    }
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"DOWN, 15158332", "UP, 3066993", "DEGRADED, 15105570", "TEST, 3447003"})
  void colours_the_embed_by_event(AlertEvent event, int colour) {
    try (var server = TestHttpServer.plain().text(HOOK, 204, "")) {
      discord(server, "").send(notification(event, "campaigns"));

      assertThat(json(server.requests().get(0).body()).at("/embeds/0/color").asInt())
          .isEqualTo(colour);
    }
  }

  @Test
  void a_grouped_notification_stays_within_one_embeds_description() {
    try (var server = TestHttpServer.plain().text(HOOK, 204, "")) {
      String[] monitors =
          IntStream.range(0, 200).mapToObj(i -> "monitor-" + i).toArray(String[]::new);
      discord(server, "").send(notification(AlertEvent.DOWN, monitors));

      JsonNode embed = json(server.requests().get(0).body()).at("/embeds/0");
      assertThat(embed.path("title").asText())
          .isEqualTo("200 monitors DOWN: monitor-0, monitor-1, monitor-2 and 197 more");
      assertThat(embed.path("description").asText())
          .hasSizeLessThanOrEqualTo(DiscordNotifier.DESCRIPTION_CHARS)
          .startsWith("monitor-0: [STATUS] == 200 (actual 500) (http-status), since")
          .endsWith(" more");
      assertThat(embed.path("url").asText()).isEqualTo(Channels.DASHBOARD);
    }
  }

  @Test
  void a_rate_limit_is_a_retry_after_discords_wait() {
    try (var server =
        TestHttpServer.plain()
            .route(
                HOOK,
                r ->
                    Reply.status(429)
                        .header("Retry-After", "3")
                        .json(
                            "{\"message\": \"You are being rate limited.\", \"retry_after\": 2.5}"))) {
      Delivery delivery = discord(server, "").send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
      assertThat(delivery.retryAfter()).isEqualTo(Duration.ofSeconds(3));
      assertThat(delivery.answer()).doesNotContain("discord-token-secret");
    }
  }
}

package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.testing.TestHttpServer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoogleChatNotifierTest {
  private static final String HOOK = "/v1/spaces/AAAA/messages";

  private final Channels channels = new Channels();

  @Test
  void posts_a_text_message_with_a_bold_title_and_a_link() {
    try (var server = TestHttpServer.plain().json(HOOK, 200, "{\"name\": \"spaces/AAAA/m/1\"}")) {
      Delivery delivery =
          channels
              .notifier(
                  "- name: ops\n  type: google-chat\n  url: "
                      + server.url(HOOK + "?key=chat-key-123&token=chat-token-456"))
              .send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, "{\"name\": \"spaces/AAAA/m/1\"}"));
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"text": "*campaigns is DOWN*\\n[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.\\n<https://tickr.example.com/monitors/campaigns|Open in Tickr>"}
                  """));
    }
  }

  @Test
  void a_grouped_notification_fits_in_4096_characters() {
    try (var server = TestHttpServer.plain().json(HOOK, 200, "{}")) {
      String[] monitors = IntStream.range(0, 500).mapToObj(i -> "m" + i).toArray(String[]::new);
      channels
          .notifier("- name: ops\n  type: google-chat\n  url: " + server.url(HOOK))
          .send(notification(AlertEvent.DOWN, monitors));

      String text = json(server.requests().get(0).body()).path("text").asText();
      assertThat(text)
          .hasSizeLessThanOrEqualTo(GoogleChatNotifier.TEXT_CHARS)
          .startsWith("*500 monitors DOWN: m0, m1, m2 and 497 more*\nm0: ")
          .contains(" more\n<https://tickr.example.com|Open in Tickr>");
    }
  }
}

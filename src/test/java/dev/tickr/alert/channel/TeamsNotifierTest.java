package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.testing.TestHttpServer;
import org.junit.jupiter.api.Test;

class TeamsNotifierTest {
  private static final String HOOK = "/workflows/abc/triggers/manual/paths/invoke";

  private final Channels channels = new Channels();

  @Test
  void posts_an_adaptive_card_in_a_message_attachment() {
    try (var server = TestHttpServer.plain().text(HOOK, 202, "")) {
      Delivery delivery =
          channels
              .notifier("- name: ops\n  type: teams\n  url: " + server.url(HOOK + "?sig=s3cr3t"))
              .send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
      assertThat(server.requests().get(0).target()).isEqualTo(HOOK + "?sig=s3cr3t");
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"type": "message",
                   "attachments": [{
                     "contentType": "application/vnd.microsoft.card.adaptive",
                     "contentUrl": null,
                     "content": {
                       "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                       "type": "AdaptiveCard",
                       "version": "1.4",
                       "body": [
                         {"type": "TextBlock", "text": "campaigns is DOWN", "weight": "Bolder",
                          "size": "Medium", "color": "Attention", "wrap": true},
                         {"type": "TextBlock",
                          "text": "[STATUS] == 200 (actual 500) (http-status)\\n\\nDown since 2026-03-01 10:15:00 UTC.\\n\\nCheck the service's logs for this status and the URL and method used.",
                          "wrap": true}],
                       "actions": [{"type": "Action.OpenUrl", "title": "Open in Tickr",
                                    "url": "https://tickr.example.com/monitors/campaigns"}]}}]}
                  """));
    }
  }

  @Test
  void a_grouped_notification_is_a_paragraph_per_monitor() {
    try (var server = TestHttpServer.plain().text(HOOK, 202, "")) {
      channels
          .notifier("- name: ops\n  type: teams\n  url: " + server.url(HOOK))
          .send(notification(AlertEvent.UP, "a", "b"));

      JsonNode body = json(server.requests().get(0).body()).at("/attachments/0/content/body");
      assertThat(body.at("/0/text").asText()).isEqualTo("2 monitors UP again: a, b");
      assertThat(body.at("/0/color").asText()).isEqualTo("Good");
      assertThat(body.at("/1/text").asText()).isEqualTo("a: UP again after 4m30s");
      assertThat(body.at("/2/text").asText()).isEqualTo("b: UP again after 4m30s");
    }
  }
}

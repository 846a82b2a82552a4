package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.testing.TestHttpServer;
import org.junit.jupiter.api.Test;

class MattermostNotifierTest {
  private static final String HOOK = "/hooks/mattermost-key-secret";

  private final Channels channels = new Channels();

  @Test
  void posts_one_coloured_attachment_with_the_overrides() {
    try (var server = TestHttpServer.plain().text(HOOK, 200, "ok")) {
      Delivery delivery =
          channels
              .notifier(
                  "- name: ops\n  type: mattermost\n  url: "
                      + server.url(HOOK)
                      + "\n  channel: alerts\n  username: tickr\n"
                      + "  icon-url: https://tickr.example.com/icon.png\n")
              .send(notification(AlertEvent.DEGRADED, "campaigns"));

      assertThat(delivery).isEqualTo(Delivery.sent(200, "ok"));
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"channel": "alerts", "username": "tickr",
                   "icon_url": "https://tickr.example.com/icon.png",
                   "attachments": [{
                     "fallback": "campaigns is DEGRADED",
                     "color": "#E67E22",
                     "title": "campaigns is DEGRADED",
                     "title_link": "https://tickr.example.com/monitors/campaigns",
                     "text": "[STATUS] == 200 (actual 500) (http-status)\\nDegraded since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used."}]}
                  """));
    }
  }

  @Test
  void a_bad_icon_url_is_a_problem() {
    assertThat(
            Channels.problems(
                "- name: ops\n  type: mattermost\n  url: https://chat.example.com/hooks/x\n"
                    + "  icon-url: icon.png\n"))
        .containsExactly(
            "tickr.yml:5:15: mattermost channel \"ops\": icon-url must be an http(s) URL, got"
                + " \"icon.png\"");
  }
}

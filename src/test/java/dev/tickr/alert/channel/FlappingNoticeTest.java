package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.Reason;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code flapping} notice on every channel type: channels that show messages say the monitor is
 * flapping, then that it stopped; paging channels are not sent it at all.
 */
class FlappingNoticeTest {
  private final Channels channels = new Channels();

  private static Notification notice(@Nullable Instant settledAt, String detail) {
    Alert alert =
        new Alert(
            AlertEvent.FLAPPING,
            "postback",
            List.of("affiliate"),
            0,
            Channels.STARTED,
            settledAt,
            Reason.HTTP_STATUS,
            detail,
            null,
            "",
            null,
            "tickr-postback-flapping-1");
    return new Notification("n-flapping", AlertEvent.FLAPPING, List.of(alert), Channels.DASHBOARD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "slack, ''",
    "discord, ''",
    "teams, ''",
    "google-chat, ''",
    "mattermost, ''",
    "ntfy, '  topic: tickr\n'",
    "pushover, '  token: t\n  user: u\n'",
    "telegram, '  token: ${BOT_TOKEN}\n  chat-id: 42\n'",
    "webhook, ''"
  })
  void a_message_channel_says_it_flaps_then_that_it_stopped(String type, String settings) {
    try (var server = TestHttpServer.plain()) {
      Notifier notifier =
          channels.notifier(
              "- name: c\n  type: "
                  + type
                  + "\n  url: "
                  + server.url("/hook")
                  + "\n"
                  + settings.replace("\\n", "\n"));
      assertThat(notifier.sends(AlertEvent.FLAPPING)).isTrue();

      notifier.send(
          notice(null, "flapping: 6 state changes within 10m; alerts held until stable for 10m"));
      notifier.send(notice(Channels.ENDED, "stable for 10m, now up"));

      List<String> bodies =
          server.requests().stream()
              .map(RecordedRequest::body)
              .map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8))
              .toList();
      assertThat(bodies).hasSize(2);
      if (type.equals("webhook")) {
        assertThat(bodies).allSatisfy(b -> assertThat(b).contains("\"event\":\"flapping\""));
        assertThat(bodies.get(0)).contains("\"ended_at\":null");
        assertThat(bodies.get(1)).contains("\"ended_at\":\"2026-03-01T10:19:30Z\"");
      } else {
        assertThat(bodies.get(0))
            .contains("postback is flapping")
            .contains("flapping: 6 state changes within 10m")
            .doesNotContain("DOWN");
        assertThat(bodies.get(1)).contains("postback stopped flapping").contains("now up");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pagerduty, '  routing-key: ${ROUTING_KEY}\n'",
    "opsgenie, '  api-key: k\n'",
    "alertmanager, ''"
  })
  void a_paging_channel_is_not_sent_the_notice(String type, String settings) {
    Notifier notifier =
        channels.notifier(
            "- name: c\n  type: "
                + type
                + "\n  url: http://127.0.0.1:9/\n"
                + settings.replace("\\n", "\n"));

    assertThat(notifier.sends(AlertEvent.FLAPPING)).isFalse();
    assertThat(notifier.sends(AlertEvent.DOWN)).isTrue();
  }
}

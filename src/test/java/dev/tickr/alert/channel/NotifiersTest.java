package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Notification;
import dev.tickr.config.ChannelSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifiersTest {
  private final Channels channels = new Channels();

  @Test
  void every_configurable_channel_type_has_a_notifier() {
    assertThat(Notifiers.types()).isEqualTo(ChannelSpec.TYPES);
  }

  @Test
  void builds_the_good_channels_and_reports_the_bad_ones() {
    List<ChannelSpec> specs =
        Channels.specs(
            """
            - name: good
              type: slack
              url: https://hooks.slack.com/services/x
            - name: bad
              type: discord
            - name: also-bad
              type: telegram
              token: t0k3n
              chat-id: [1, 2]
            """);

    Notifiers.Built built = Notifiers.build(specs, channels.context);

    assertThat(built.notifiers()).containsOnlyKeys("good");
    assertThat(built.notifier("bad")).isEmpty();
    assertThat(built.problems())
        .extracting(Object::toString)
        .containsExactly(
            "tickr.yml:5:1: discord channel \"bad\" has no \"url\"",
            "tickr.yml:10:14: telegram channel \"also-bad\": chat-id must be a single value, got a"
                + " list");
    assertThat(Notifiers.validate(specs)).isEqualTo(built.problems());
  }

  @Test
  void channel_problems_come_with_the_rest_of_the_config() {
    assertThat(
            Channels.problems(
                "- name: pager\n  type: pagerduty\n  routing-key: k3y\n  severity: loud\n"
                    .replace("pager\n", "pager\n  unknown-thing: 1\n")))
        .containsExactly(
            "tickr.yml:3:20: pagerduty channel \"pager\": unknown setting \"unknown-thing\";"
                + " expected one of routing-key, url, severity, title, message, timeout, events,"
                + " renotify, group, certificate-expiry, retry-for",
            "tickr.yml:6:15: pagerduty channel \"pager\": severity must be one of critical, error,"
                + " warning, info, got \"loud\"");
  }

  @Test
  void the_test_notification_is_marked_and_names_the_channel() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Notification n = Notifiers.test("ops", now, "http://127.0.0.1:8080");

    assertThat(n.event()).isEqualTo(AlertEvent.TEST);
    assertThat(n.first().detail()).contains("channel \"ops\" works");
    assertThat(n.first().startedAt()).isEqualTo(now);
    assertThat(n.id()).startsWith("test-").isNotEqualTo(Notifiers.test("ops", now, "x").id());
    assertThat(n.first().dedupKey()).isEqualTo("tickr-" + n.id());
  }
}

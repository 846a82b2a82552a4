package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.ChannelPolicy.Event;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Channel policies, escalation and flap damping as the loader reads them. */
class AlertingConfigTest {

  @Test
  void channels_that_set_no_policy_hear_down_and_up_and_message_channels_group_for_30s()
      throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - {name: hook, type: webhook, url: https://hooks.example.com/x}
              - {name: chat, type: slack, url: https://hooks.slack.example.com/x}
            """);

    ChannelPolicy hook = config.policy(config.channel("hook").orElseThrow());
    ChannelPolicy chat = config.policy(config.channel("chat").orElseThrow());
    assertThat(hook.events()).containsExactlyInAnyOrder(Event.DOWN, Event.UP);
    assertThat(hook.renotify()).isNull();
    assertThat(hook.group()).isZero();
    assertThat(hook.certificateExpiry()).isNull();
    assertThat(hook.retryFor()).isEqualTo(Duration.ofHours(24));
    assertThat(chat.group()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void reads_every_policy_key_and_leaves_them_in_the_settings_too() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - name: pager
                type: pagerduty
                routing-key: abc
                events: [down, up, reminder, certificate, DEGRADED, connectivity-lost, connectivity-restored, quota-low, chain-changed]
                renotify: 1h
                group: 0s
                certificate-expiry: 14d
                retry-for: 2h
              - name: quiet
                type: slack
                events: []
                renotify: 0s
                group: 2m
            """);

    ChannelSpec pager = config.channel("pager").orElseThrow();
    ChannelPolicy policy = config.policy(pager);
    assertThat(policy.events()).isEqualTo(Set.of(Event.values()));
    assertThat(policy.renotify()).isEqualTo(Duration.ofHours(1));
    assertThat(policy.group()).isZero();
    assertThat(policy.certificateExpiry()).isEqualTo(Duration.ofDays(14));
    assertThat(policy.retryFor()).isEqualTo(Duration.ofHours(2));
    assertThat(pager.settings()).containsKeys("routing-key", "events", "renotify", "retry-for");

    ChannelPolicy quiet = config.policy(config.channel("quiet").orElseThrow());
    assertThat(quiet.events()).isEmpty();
    assertThat(quiet.renotify()).as("0s is off").isNull();
    assertThat(quiet.group()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void renotify_adds_reminders_to_the_default_events() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - {name: chat, type: slack, renotify: 2h}
            """);

    ChannelPolicy chat = config.policy(config.channel("chat").orElseThrow());
    assertThat(chat.events()).containsExactlyInAnyOrder(Event.DOWN, Event.UP, Event.REMINDER);
    assertThat(chat.renotify()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void reads_escalation_steps_and_flapping_with_defaults_from_the_defaults_section()
      throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            defaults:
              alerts: [chat]
              escalate:
                - {after: 15m, alerts: [pager]}
                - {after: 1h, alerts: [pager, boss]}
              flapping: {changes: 3}
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
              - name: postback
                url: https://track.example.com/postback
                escalate: []
                flapping: {changes: 0, within: 30m}
            channels:
              - {name: chat, type: slack}
              - {name: pager, type: pagerduty}
              - {name: boss, type: email}
            """);

    MonitorSpec campaigns = config.monitor("campaigns").orElseThrow();
    assertThat(campaigns.escalate())
        .containsExactly(
            new Escalation(Duration.ofMinutes(15), List.of("pager")),
            new Escalation(Duration.ofHours(1), List.of("pager", "boss")));
    assertThat(campaigns.flapping()).isEqualTo(new Flapping(3, Duration.ofMinutes(10)));

    MonitorSpec postback = config.monitor("postback").orElseThrow();
    assertThat(postback.escalate()).isEmpty();
    assertThat(postback.flapping().enabled()).isFalse();
    assertThat(postback.flapping().within()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void a_monitor_without_flapping_settings_uses_five_changes_in_ten_minutes()
      throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
            """);

    assertThat(config.monitors().get(0).flapping())
        .isEqualTo(new Flapping(5, Duration.ofMinutes(10)));
    assertThat(config.monitors().get(0).escalate()).isEmpty();
  }

  @Test
  void hold_down_is_a_number_of_intervals_or_a_duration() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                interval: 30s
              - name: reports
                url: https://api.example.com/reports
                interval: 30s
                flapping: {hold-down: 4x}
              - name: postback
                url: https://track.example.com/postback
                flapping: {changes: 3, hold-down: 90s}
            """);

    Flapping campaigns = config.monitor("campaigns").orElseThrow().flapping();
    assertThat(campaigns.holdDown().text()).isEqualTo("3x");
    assertThat(campaigns.holdDown().after(Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(90));
    Flapping reports = config.monitor("reports").orElseThrow().flapping();
    assertThat(reports.holdDown().after(Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(2));
    assertThat(reports.changes()).isEqualTo(Flapping.DEFAULT_CHANGES);
    Flapping postback = config.monitor("postback").orElseThrow().flapping();
    assertThat(postback)
        .isEqualTo(
            new Flapping(3, Duration.ofMinutes(10), Flapping.HoldDown.of(Duration.ofSeconds(90))));
    assertThat(postback.holdDown().text()).isEqualTo("1m30s");
  }

  @Test
  void escalation_and_flapping_count_as_a_change_of_the_monitor() throws ConfigException {
    String base =
        """
        monitors:
          - name: campaigns
            url: https://api.example.com/campaigns
            %s
        channels:
          - {name: pager, type: pagerduty}
        """;
    String plain = Fixtures.parse(base.formatted("")).monitors().get(0).fingerprint();
    String escalated =
        Fixtures.parse(base.formatted("escalate: [{after: 5m, alerts: [pager]}]"))
            .monitors()
            .get(0)
            .fingerprint();
    String damped =
        Fixtures.parse(base.formatted("flapping: {changes: 9}")).monitors().get(0).fingerprint();
    String heldLess =
        Fixtures.parse(base.formatted("flapping: {hold-down: 2x}")).monitors().get(0).fingerprint();

    assertThat(Set.of(plain, escalated, damped, heldLess)).hasSize(4);
  }
}

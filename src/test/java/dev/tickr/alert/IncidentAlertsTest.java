package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOWN, UP, reminders and escalation of incidents, from the tracker's events to the notifier. */
class IncidentAlertsTest {
  private static final String CONFIG =
      """
      monitors:
        - name: postback
          url: https://track.example.com/postback
          alerts: [ops, status-board]
          escalate:
            - {after: 15m, alerts: [pager, ops]}
      channels:
        - {name: ops, type: webhook, url: https://hooks.example.com/ops, renotify: 10m}
        - {name: status-board, type: webhook, url: https://board.example.com/, events: [up]}
        - {name: pager, type: pagerduty, routing-key: abc}
      """;

  @TempDir Path dir;
  private AlertRig rig;
  private FakeNotifier ops;
  private FakeNotifier board;
  private FakeNotifier pager;

  @BeforeEach
  void open() {
    rig = new AlertRig(dir, CONFIG);
    ops = rig.notifier("ops", FakeNotifier.perIncident());
    board = rig.notifier("status-board", FakeNotifier.perIncident());
    pager = rig.notifier("pager", FakeNotifier.perIncident());
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void sends_one_down_alert_per_incident_once_the_failure_threshold_is_reached() {
    rig.fail("postback");
    rig.tick(Duration.ofSeconds(30));
    assertThat(ops.received()).as("one failure of two").isEmpty();

    rig.fail("postback");
    rig.tick();
    rig.fail("postback");
    rig.tick(Duration.ofSeconds(30));
    rig.fail("postback");
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);
    Alert down = ops.alerts().get(0);
    long incident = rig.store.openIncidents().get(0).id();
    assertThat(down.monitor()).isEqualTo("postback");
    assertThat(down.incidentId()).isEqualTo(incident);
    assertThat(down.startedAt()).as("the first failure").isEqualTo(AlertRig.T0);
    assertThat(down.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(down.detail()).isEqualTo("[STATUS] == 200 (actual 500)");
    assertThat(down.status()).isEqualTo(500);
    assertThat(down.evidence()).isEqualTo("{\"error\":\"upstream\"}");
    assertThat(down.dedupKey()).isEqualTo("tickr-postback-" + incident);
    assertThat(ops.received().get(0).dashboardUrl()).isEqualTo("http://127.0.0.1:8080/");
  }

  @Test
  void recovery_sends_up_with_the_duration_only_to_channels_that_were_told_it_was_down() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofMinutes(3));
    rig.pass("postback");
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP);
    Alert up = ops.alerts().get(1);
    assertThat(up.endedAt()).isEqualTo(AlertRig.T0.plus(Duration.ofMinutes(3)));
    assertThat(up.duration()).isEqualTo(Duration.ofMinutes(3));
    assertThat(up.dedupKey()).isEqualTo(ops.alerts().get(0).dedupKey());
    assertThat(board.received()).as("hears only up, so was never told it was down").isEmpty();
    assertThat(pager.received()).isEmpty();
  }

  @Test
  void reminds_every_renotify_interval_while_the_incident_is_open_and_unacknowledged() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();
    rig.tick(Duration.ofMinutes(9));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);

    rig.tick(Duration.ofMinutes(1));
    rig.tick(Duration.ofMinutes(4));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.REMINDER);
    assertThat(rig.engine.nextDue()).isEqualTo(AlertRig.T0.plus(Duration.ofMinutes(15)));

    rig.tick(Duration.ofMinutes(1)); // 15m: the escalation step tells ops again, as a reminder
    rig.tick(Duration.ofMinutes(5)); // 20m: the second reminder
    assertThat(ops.events())
        .containsExactly(
            AlertEvent.DOWN, AlertEvent.REMINDER, AlertEvent.REMINDER, AlertEvent.REMINDER);
  }

  @Test
  void reminders_missed_while_stopped_come_as_one_after_a_restart() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();
    rig.restart();
    ops = rig.notifier("ops", FakeNotifier.perIncident());
    rig.notifier("pager", FakeNotifier.perIncident());

    rig.tick(Duration.ofMinutes(35));

    // Reminder 3 only (not 1, 2 and 3), plus the escalation step.
    assertThat(ops.events()).containsExactly(AlertEvent.REMINDER, AlertEvent.REMINDER);
    assertThat(rig.store.alertsOfIncident(rig.store.openIncidents().get(0).id()))
        .extracting(r -> r.id().replaceFirst("^incident-\\d+:", ""))
        .containsExactlyInAnyOrder(
            "down:ops", "reminder-3:ops", "escalation-1:ops", "escalation-1:pager");
  }

  @Test
  void escalates_after_the_delay_with_a_down_to_new_channels_and_their_up_later() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofMinutes(14));
    assertThat(pager.received()).isEmpty();

    rig.tick(Duration.ofMinutes(1));
    assertThat(pager.events()).containsExactly(AlertEvent.DOWN);
    rig.tick(Duration.ofMinutes(30));
    assertThat(pager.events()).as("escalation happens once per step").hasSize(1);

    rig.pass("postback");
    rig.tick();
    assertThat(pager.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP);
  }

  @Test
  void acknowledging_stops_reminders_and_escalation_even_from_another_process() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofMinutes(5));
    long incident = rig.store.openIncidents().get(0).id();
    try (var cli =
        dev.tickr.store.SqliteStore.open(
            dir.resolve("data"), dev.tickr.store.Retention.defaults(), rig.clock)) {
      assertThat(cli.acknowledge(incident, rig.clock.instant(), "ana")).isTrue();
    }

    rig.tick(Duration.ofMinutes(60));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);
    assertThat(pager.received()).isEmpty();
    assertThat(rig.engine.nextDue()).as("nothing planned any more").isAfter(rig.clock.instant());

    rig.pass("postback");
    rig.tick();
    assertThat(ops.events())
        .as("the UP still goes out")
        .containsExactly(AlertEvent.DOWN, AlertEvent.UP);
  }

  @Test
  void a_restart_with_a_notification_pending_sends_it_exactly_once_with_the_same_id() {
    ops.answers(FakeNotifier.retry(Duration.ofMinutes(1)));
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();
    String id = ops.received().get(0).id();
    assertThat(rig.store.outboxRow(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

    rig.restart();
    FakeNotifier after = rig.notifier("ops", FakeNotifier.perIncident());
    rig.tick(Duration.ofSeconds(30));
    assertThat(after.received()).as("not before Retry-After").isEmpty();
    rig.tick(Duration.ofSeconds(30));
    rig.tick(Duration.ofMinutes(5));
    rig.fail("postback");
    rig.tick();

    assertThat(after.received()).extracting(Notification::id).containsExactly(id);
    OutboxRow row = rig.store.outboxRow(id).orElseThrow();
    assertThat(row.state()).isEqualTo(OutboxState.SENT);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(rig.store.outbox("ops")).hasSize(1);
  }

  @Test
  void a_crash_before_the_held_alert_went_out_loses_nothing() {
    rig.reconfigure(
        CONFIG.replace(
            "- {name: ops, type: webhook, url: https://hooks.example.com/ops, renotify: 10m}",
            "- {name: ops, type: webhook, url: https://hooks.example.com/ops, group: 1m}"));
    ops = rig.notifier("ops", FakeNotifier.recording());
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofSeconds(10));
    assertThat(ops.received()).as("held for the group window").isEmpty();

    rig.restart();
    FakeNotifier after = rig.notifier("ops", FakeNotifier.recording());
    rig.tick(Duration.ofSeconds(50));

    assertThat(after.events()).containsExactly(AlertEvent.DOWN);
  }

  @Test
  void a_channel_added_to_alerts_later_hears_of_the_open_incident() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();
    assertThat(pager.received()).isEmpty();

    rig.reconfigure(CONFIG.replace("alerts: [ops, status-board]", "alerts: [ops, pager]"));
    rig.tick();

    assertThat(pager.events()).containsExactly(AlertEvent.DOWN);
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);
  }

  @Test
  void degraded_is_told_where_the_channel_hears_it_and_its_end_as_up() {
    rig.reconfigure(
        """
        monitors:
          - name: reports
            url: https://api.example.com/reports
            alerts: [ops, quiet]
        channels:
          - {name: ops, type: webhook, url: https://hooks.example.com/ops, events: [down, up, degraded]}
          - {name: quiet, type: webhook, url: https://hooks.example.com/quiet}
        """);
    FakeNotifier quiet = rig.notifier("quiet", FakeNotifier.perIncident());
    rig.slow("reports");
    assertThat(rig.slow("reports").state()).isEqualTo(MonitorState.DEGRADED);
    rig.tick(Duration.ofMinutes(2));
    rig.pass("reports");
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.DEGRADED, AlertEvent.UP);
    assertThat(ops.alerts().get(0).detail()).isEqualTo("[RESPONSE_TIME] < 500 (actual 1200)");
    assertThat(ops.alerts().get(1).duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(quiet.received()).isEmpty();
  }

  @Test
  void channels_report_their_health() {
    ops.answers(FakeNotifier.retry(null));
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();

    List<ChannelHealth> health = rig.engine.channelHealth();
    assertThat(health)
        .extracting(ChannelHealth::channel)
        .containsExactly("ops", "pager", "status-board");
    ChannelHealth failing = health.get(0);
    assertThat(failing.failing()).isTrue();
    assertThat(failing.pending()).isEqualTo(1);
    assertThat(failing.lastErrorText()).isEqualTo("503 Service Unavailable");
    assertThat(health.get(1).failing()).isFalse();
  }
}

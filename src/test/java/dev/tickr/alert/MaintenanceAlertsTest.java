package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.store.IncidentRow;
import dev.tickr.store.MaintenanceMark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maintenance windows: probes go on and incidents are kept, but nobody is alerted. */
class MaintenanceAlertsTest {
  // The rig's clock starts at 2026-11-24T10:00:00Z, a Tuesday: 11:00 in Berlin.
  private static final String CONFIG =
      """
      monitors:
        - name: postback
          url: https://track.example.com/postback
          alerts: [ops]
          tags: [tracking]
        - name: campaigns
          url: https://api.example.com/campaigns
          alerts: [ops]
      channels:
        - {name: ops, type: webhook, url: https://hooks.example.com/ops, renotify: 5m}
      maintenance:
        - name: tracking release
          every: tuesday
          from: "11:00"
          duration: 30m
          timezone: Europe/Berlin
          tags: [tracking]
      """;

  @TempDir Path dir;
  private AlertRig rig;
  private FakeNotifier ops;

  @BeforeEach
  void open() {
    rig = new AlertRig(dir, CONFIG);
    ops = rig.notifier("ops", FakeNotifier.perIncident());
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private IncidentRow incident(String monitor) {
    return rig.store.incidentRows(false, 10).stream()
        .filter(r -> r.incident().monitor().equals(monitor))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void an_incident_during_maintenance_is_marked_and_nobody_is_told_not_even_of_its_end() {
    rig.tick();
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofMinutes(10));
    rig.pass("postback");
    rig.tick();

    assertThat(ops.received()).isEmpty();
    IncidentRow row = incident("postback");
    assertThat(row.maintenance()).isTrue();
    assertThat(row.incident().open()).isFalse();
  }

  @Test
  void monitors_in_a_window_are_marked_for_tickr_status_until_it_ends() {
    rig.tick();
    assertThat(rig.store.maintenance())
        .isEqualTo(
            Map.of(
                "postback",
                new MaintenanceMark(
                    "postback",
                    "tracking release",
                    AlertRig.T0,
                    AlertRig.T0.plus(Duration.ofMinutes(30)))));
    assertThat(rig.engine.nextDue()).isEqualTo(AlertRig.T0.plus(Duration.ofMinutes(30)));

    rig.tick(Duration.ofMinutes(30));
    assertThat(rig.store.maintenance()).isEmpty();
    assertThat(rig.engine.nextDue())
        .as("next Tuesday, 11:00 Berlin")
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void a_monitor_outside_the_window_alerts_as_usual() {
    rig.fail("campaigns");
    rig.fail("campaigns");
    rig.tick();

    assertThat(ops.alerts()).extracting(Alert::monitor).containsExactly("campaigns");
    assertThat(incident("campaigns").maintenance()).isFalse();
  }

  @Test
  void an_incident_still_open_when_the_window_ends_is_told_then() {
    rig.fail("postback");
    rig.fail("postback");
    rig.tick(Duration.ofMinutes(29));
    assertThat(ops.received()).as("no reminders either").isEmpty();

    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);
    rig.tick(Duration.ofMinutes(5));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.REMINDER);
    rig.pass("postback");
    rig.tick();
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.REMINDER, AlertEvent.UP);
  }

  @Test
  void an_incident_told_before_the_window_gets_its_up_during_it_but_no_reminders() {
    rig.clock.set(AlertRig.T0.minus(Duration.ofMinutes(5)));
    rig.fail("postback");
    rig.fail("postback");
    rig.tick();
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);

    rig.tick(Duration.ofMinutes(5)); // the window opens; the reminder due now is held back
    rig.tick(Duration.ofMinutes(5));
    rig.pass("postback");
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP);
  }
}

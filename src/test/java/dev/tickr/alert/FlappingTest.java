package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A monitor that keeps changing state is flapping: one alert, then quiet until it settles. */
class FlappingTest {
  private static final String CONFIG =
      """
      monitors:
        - name: postback
          url: https://track.example.com/postback
          failure-threshold: 1
          alerts: [ops]
          flapping: {changes: 3, within: 10m}
      channels:
        - {name: ops, type: webhook, url: https://hooks.example.com/ops}
      """;

  @TempDir Path dir;
  private AlertRig rig;

  @BeforeEach
  void open() {
    rig = new AlertRig(dir, CONFIG);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void alerts_once_when_it_starts_flapping_holds_the_rest_and_says_when_it_settled() {
    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident());
    rig.pass("postback");
    rig.fail("postback"); // change 1: DOWN
    rig.tick(Duration.ofMinutes(1));
    rig.pass("postback"); // 2: UP
    rig.tick(Duration.ofMinutes(1));
    rig.fail("postback"); // 3: DOWN
    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP, AlertEvent.DOWN);

    rig.pass("postback"); // 4 changes in 10 minutes: flapping, and this UP is held back...
    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).hasSize(5);
    Alert flapping = ops.alerts().get(4);
    assertThat(flapping.event()).isEqualTo(AlertEvent.DOWN);
    assertThat(flapping.detail())
        .isEqualTo("flapping: 4 state changes within 10m; alerts held until stable for 10m");
    assertThat(ops.alerts().get(3).event())
        .as("...but the UP for an incident whose DOWN went out is not")
        .isEqualTo(AlertEvent.UP);

    for (int i = 0; i < 3; i++) {
      rig.fail("postback");
      rig.tick(Duration.ofMinutes(1));
      rig.pass("postback");
      rig.tick(Duration.ofMinutes(1));
    }
    assertThat(ops.events()).as("quiet while it flaps").hasSize(5);

    rig.tick(Duration.ofMinutes(8)); // the last change was a minute before the loop ended
    assertThat(ops.events()).hasSize(5);
    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).hasSize(6);
    Alert settled = ops.alerts().get(5);
    assertThat(settled.event()).isEqualTo(AlertEvent.UP);
    assertThat(settled.dedupKey()).isEqualTo(flapping.dedupKey());
    assertThat(settled.detail()).isEqualTo("stable for 10m, now up");

    rig.fail("postback");
    rig.tick();
    assertThat(ops.events()).as("alerts resume").hasSize(7).endsWith(AlertEvent.DOWN);
  }

  @Test
  void an_incident_that_opened_while_flapping_and_outlasts_it_is_told_when_it_settles() {
    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident());
    rig.pass("postback");
    for (int i = 0; i < 2; i++) {
      rig.fail("postback");
      rig.tick(Duration.ofMinutes(1));
      rig.pass("postback");
      rig.tick(Duration.ofMinutes(1));
    }
    int before = ops.received().size();
    rig.fail("postback"); // opens an incident while flapping
    rig.tick(Duration.ofMinutes(10));

    assertThat(ops.events().subList(before, ops.events().size()))
        .containsExactly(AlertEvent.UP, AlertEvent.DOWN);
    assertThat(ops.alerts().get(ops.alerts().size() - 1).detail())
        .isEqualTo("[STATUS] == 200 (actual 500)");
  }
}

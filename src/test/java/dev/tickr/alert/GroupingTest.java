package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts for one channel within its group window fold into one notification. */
class GroupingTest {
  private static final String CONFIG =
      """
      defaults:
        alerts: [chat, pager]
      monitors:
        - {name: campaigns, url: https://api.example.com/campaigns}
        - {name: reports, url: https://api.example.com/reports}
        - {name: postback, url: https://track.example.com/postback}
      channels:
        - {name: chat, type: slack, url: https://hooks.slack.example.com/x}
        - {name: pager, type: pagerduty, routing-key: abc, group: 30s}
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

  private void goDown(String monitor) {
    rig.fail(monitor);
    rig.fail(monitor);
  }

  @Test
  void folds_every_incident_within_the_window_into_one_notification() {
    FakeNotifier chat = rig.notifier("chat", FakeNotifier.recording());
    FakeNotifier pager = rig.notifier("pager", FakeNotifier.perIncident());

    goDown("campaigns");
    rig.tick(Duration.ofSeconds(10));
    goDown("reports");
    rig.tick(Duration.ofSeconds(10));
    goDown("postback");
    rig.tick(Duration.ofSeconds(9));
    assertThat(chat.received()).as("the first waits at most the window").isEmpty();

    rig.tick(Duration.ofSeconds(1));
    assertThat(chat.received()).hasSize(1);
    Notification n = chat.received().get(0);
    assertThat(n.grouped()).isTrue();
    assertThat(n.event()).isEqualTo(AlertEvent.DOWN);
    assertThat(n.alerts())
        .extracting(Alert::monitor)
        .containsExactly("campaigns", "reports", "postback");
    assertThat(pager.received())
        .as("a notifier that tracks incidents by key gets one each, at once")
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.grouped()).isFalse());
  }

  @Test
  void an_alert_after_the_window_closed_starts_a_new_one_and_events_do_not_mix() {
    FakeNotifier chat = rig.notifier("chat", FakeNotifier.recording());
    rig.notifier("pager", FakeNotifier.perIncident());

    goDown("campaigns");
    rig.tick(Duration.ofSeconds(20));
    rig.pass("campaigns");
    goDown("reports");
    rig.tick(Duration.ofSeconds(10));
    assertThat(chat.received()).hasSize(1);
    assertThat(chat.received().get(0).alerts())
        .extracting(Alert::monitor)
        .containsExactly("campaigns", "reports");

    rig.tick(Duration.ofSeconds(20));
    assertThat(chat.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP);
    assertThat(chat.received().get(1).alerts())
        .extracting(Alert::monitor)
        .containsExactly("campaigns");
  }
}

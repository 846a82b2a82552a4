package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox dispatcher: retries, backoff, Retry-After, giving up, and channels apart. */
class DeliveryTest {
  private static final String CONFIG =
      """
      monitors:
        - name: postback
          url: https://track.example.com/postback
          alerts: [ops, chat]
      channels:
        - {name: ops, type: webhook, url: https://hooks.example.com/ops, retry-for: 1h}
        - {name: chat, type: webhook, url: https://hooks.example.com/chat}
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

  private void goDown() {
    rig.fail("postback");
    rig.fail("postback");
  }

  private OutboxRow only(String channel) {
    assertThat(rig.store.outbox(channel)).hasSize(1);
    return rig.store.outbox(channel).get(0);
  }

  @Test
  void retries_with_growing_jittered_pauses_and_never_before_retry_after() {
    FakeNotifier ops =
        rig.notifier("ops", FakeNotifier.perIncident())
            .answers(
                FakeNotifier.retry(Duration.ofMinutes(2)),
                FakeNotifier.retry(null),
                FakeNotifier.retry(null));
    goDown();
    rig.tick();
    Instant first = rig.clock.instant();
    assertThat(only("ops").nextAttempt()).isEqualTo(first.plus(Duration.ofMinutes(2)));

    rig.tick(Duration.ofSeconds(119));
    assertThat(ops.received()).as("Retry-After is honoured").hasSize(1);
    rig.tick(Duration.ofSeconds(1));
    assertThat(ops.received()).hasSize(2);
    Duration second = Duration.between(rig.clock.instant(), only("ops").nextAttempt());
    assertThat(second)
        .as("after 2 failures: 20s, jittered")
        .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));

    rig.tick(second);
    Duration third = Duration.between(rig.clock.instant(), only("ops").nextAttempt());
    assertThat(third)
        .as("after 3 failures: 40s, jittered")
        .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    rig.tick(third);

    assertThat(ops.received()).hasSize(4);
    assertThat(ops.received())
        .extracting(Notification::id)
        .containsOnly(ops.received().get(0).id());
    OutboxRow row = only("ops");
    assertThat(row.state()).isEqualTo(OutboxState.SENT);
    assertThat(row.attempts()).isEqualTo(4);
  }

  @Test
  void gives_up_once_retry_for_has_passed_and_says_so_in_the_health() {
    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident());
    for (int i = 0; i < 100; i++) {
      ops.answers(FakeNotifier.retry(null));
    }
    goDown();
    rig.tick();
    for (int i = 0; i < 20 && only("ops").state() == OutboxState.PENDING; i++) {
      rig.tick(Duration.between(rig.clock.instant(), only("ops").nextAttempt()));
    }

    OutboxRow row = only("ops");
    assertThat(row.state()).isEqualTo(OutboxState.GIVEN_UP);
    assertThat(rig.clock.instant())
        .as("the last try is at the deadline")
        .isEqualTo(AlertRig.T0.plus(Duration.ofHours(1)));
    assertThat(row.lastAnswer()).isEqualTo("503 Service Unavailable");
    ChannelHealth health = rig.engine.channelHealth().get(1);
    assertThat(health.channel()).isEqualTo("ops");
    assertThat(health.failures()).isEqualTo(row.attempts());
    assertThat(health.pending()).isZero();
    assertThat(health.lastSuccess()).isNull();
  }

  @Test
  void a_retry_after_beyond_retry_for_gives_up_at_once() {
    rig.notifier("ops", FakeNotifier.perIncident())
        .answers(FakeNotifier.retry(Duration.ofHours(2)));
    goDown();
    rig.tick();

    assertThat(only("ops").state()).isEqualTo(OutboxState.GIVEN_UP);
  }

  @Test
  void a_refused_notification_is_not_retried_and_the_next_one_goes_out() {
    FakeNotifier ops =
        rig.notifier("ops", FakeNotifier.perIncident()).answers(FakeNotifier.refused());
    goDown();
    rig.tick();
    rig.pass("postback");
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.UP);
    assertThat(rig.store.outbox("ops"))
        .extracting(OutboxRow::state)
        .containsExactly(OutboxState.FAILED, OutboxState.SENT);
    assertThat(rig.store.outbox("ops").get(0).lastAnswer())
        .isEqualTo("400 Bad Request: no such room");
  }

  @Test
  void a_channel_waits_for_its_failing_notification_so_up_never_overtakes_down() {
    FakeNotifier ops =
        rig.notifier("ops", FakeNotifier.perIncident())
            .answers(FakeNotifier.retry(Duration.ofMinutes(1)));
    goDown();
    rig.tick();
    rig.pass("postback");
    rig.tick(Duration.ofSeconds(10));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);

    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN, AlertEvent.DOWN, AlertEvent.UP);
  }

  @Test
  void a_stalled_channel_does_not_delay_another() throws Exception {
    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident()).stalling();
    FakeNotifier chat = rig.notifier("chat", FakeNotifier.perIncident());
    goDown();
    rig.engine.runDue();

    chat.awaitReceived(1);
    ops.awaitReceived(1);
    eventually(() -> rig.store.outbox("chat").get(0).state() == OutboxState.SENT);
    assertThat(rig.store.outbox("ops").get(0).state())
        .as("still sending")
        .isEqualTo(OutboxState.PENDING);

    ops.release();
    rig.tick();
    assertThat(rig.store.outbox("ops").get(0).state()).isEqualTo(OutboxState.SENT);
  }

  /**
   * Waits for something another thread does (not for time to pass): polls every few milliseconds,
   * and fails after ten seconds.
   */
  private static void eventually(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("what was waited for did not happen within ten seconds");
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  @Test
  void a_channel_without_a_notifier_keeps_its_notifications_until_it_has_one() {
    goDown();
    rig.tick();
    assertThat(only("ops").state()).isEqualTo(OutboxState.PENDING);
    assertThat(only("ops").lastAnswer()).isEqualTo("no notifier for webhook");

    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident());
    rig.tick(Duration.ofMinutes(1));
    assertThat(ops.events()).containsExactly(AlertEvent.DOWN);
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts, the outbox, acknowledgements and maintenance marks in a real SQLite file. */
class OutboxTest {
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Incident INCIDENT =
      new Incident(7, "api", T, null, Reason.TIMEOUT, "timed out", Evidence.NONE);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T);
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, Retention.defaults(), clock);
  }

  /** Closes the store and opens it again, as a restart does. */
  private SqliteStore reopen() {
    store.close();
    store = SqliteStore.open(dir, Retention.defaults(), clock);
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static OutboxRow notification(String id, String channel, Instant at) {
    return OutboxRow.pending(id, channel, "{\"id\":\"" + id + "\"}", at);
  }

  private static AlertRow alert(String id, String channel, Instant due) {
    return new AlertRow(id, channel, "down", "api", 7, "{}", T, due, null);
  }

  @Test
  void an_enqueued_notification_is_pending_and_durable_and_enqueueing_it_again_changes_nothing() {
    store.enqueue(notification("n1", "ops", T), List.of());
    store.enqueue(
        new OutboxRow(
            "n1", "ops", "{\"other\":true}", T, T.plusSeconds(9), 3, OutboxState.SENT, "x"),
        List.of());

    assertThat(reopen().outboxRow("n1")).contains(notification("n1", "ops", T));
    assertThat(store.outbox("ops")).hasSize(1);
  }

  @Test
  void claims_a_channels_notifications_in_order_and_the_first_holds_back_the_rest() {
    store.enqueue(notification("first", "ops", T), List.of());
    store.enqueue(notification("second", "ops", T), List.of());
    store.enqueue(notification("elsewhere", "chat", T), List.of());

    OutboxRow first = store.claimNext("ops", T, LEASE).orElseThrow();
    assertThat(first.id()).isEqualTo("first");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(store.claimNext("ops", T, LEASE)).as("claimed: nothing else goes").isEmpty();
    assertThat(store.claimNext("chat", T, LEASE)).map(OutboxRow::id).contains("elsewhere");

    store.reschedule("first", T.plusSeconds(30), "503 Service Unavailable");
    assertThat(store.claimNext("ops", T.plusSeconds(10), LEASE))
        .as("the first is not due, and the second waits behind it")
        .isEmpty();
    assertThat(store.outboxQueues())
        .containsExactly(
            new OutboxQueue("chat", 1, T.plus(LEASE)),
            new OutboxQueue("ops", 2, T.plusSeconds(30)));

    OutboxRow again = store.claimNext("ops", T.plusSeconds(30), LEASE).orElseThrow();
    assertThat(again.id()).isEqualTo("first");
    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.lastAnswer()).isEqualTo("503 Service Unavailable");
    store.markSent("first", T.plusSeconds(31), "202 Accepted");
    assertThat(store.claimNext("ops", T.plusSeconds(31), LEASE))
        .map(OutboxRow::id)
        .contains("second");
    assertThat(store.outboxRow("first").orElseThrow().state()).isEqualTo(OutboxState.SENT);
  }

  /** Order keys for claimDue: a notification's monitor is the part of its id before the dot. */
  private static Set<String> monitorOf(OutboxRow row) {
    return Set.of(row.id().substring(0, row.id().indexOf('.')));
  }

  private List<String> claimDue(Instant at, int max) {
    return store
        .claimDue(List.of(), "ops", at, LEASE, max, 100, OutboxTest::monitorOf, Set.of())
        .stream()
        .map(OutboxRow::id)
        .toList();
  }

  @Test
  void claims_many_at_once_but_one_monitors_notifications_one_after_another_in_order() {
    store.enqueue(
        List.of(
            new OutboxEntry(notification("a.down", "ops", T), List.of()),
            new OutboxEntry(notification("b.down", "ops", T), List.of()),
            new OutboxEntry(notification("a.up", "ops", T), List.of()),
            new OutboxEntry(notification("c.down", "ops", T), List.of()),
            new OutboxEntry(notification("d.down", "ops", T), List.of())));

    assertThat(claimDue(T, 3))
        .as("a.up waits for a.down; the bound stops the rest")
        .containsExactly("a.down", "b.down", "c.down");
    assertThat(claimDue(T, 3))
        .as("a.up still waits while a.down is claimed")
        .containsExactly("d.down");
    assertThat(store.outboxRow("a.down").orElseThrow().attempts()).isEqualTo(1);
    assertThat(
            store.claimDue(
                List.of(),
                "ops",
                T.plus(LEASE),
                LEASE,
                5,
                100,
                OutboxTest::monitorOf,
                Set.of("a.down", "b.down", "c.down", "d.down")))
        .as("the clock jumped past the leases, but the caller still sends them")
        .isEmpty();

    store.settle(
        List.of(
            OutboxSettlement.sent("a.down", T, "200 ok"),
            OutboxSettlement.retry("b.down", T.plusSeconds(30), "503", T),
            OutboxSettlement.finished("c.down", OutboxState.FAILED, T, "400")));
    assertThat(reopen().outbox("ops"))
        .extracting(OutboxRow::id, OutboxRow::state)
        .containsExactly(
            tuple("a.down", OutboxState.SENT),
            tuple("b.down", OutboxState.PENDING),
            tuple("a.up", OutboxState.PENDING),
            tuple("c.down", OutboxState.FAILED),
            tuple("d.down", OutboxState.PENDING));
    assertThat(claimDue(T.plusSeconds(10), 3))
        .as("b.down waits for its retry, and everything after it waits too, as before")
        .isEmpty();
    store.releaseClaims();
    assertThat(claimDue(T.plusSeconds(30), 5))
        .as("after a restart, the claimed-but-unsettled d.down goes again")
        .containsExactly("b.down", "a.up", "d.down");
    assertThat(store.outboxRow("d.down").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void enqueueing_many_is_one_transaction_and_keeps_their_order() {
    assertThat(store.holdAlert(alert("a1", "ops", T))).isTrue();
    store.enqueue(
        List.of(
            new OutboxEntry(notification("n1", "ops", T), List.of("a1")),
            new OutboxEntry(notification("n2", "ops", T), List.of())));
    assertThat(reopen().outbox("ops")).extracting(OutboxRow::id).containsExactly("n1", "n2");
    assertThat(store.heldAlerts()).isEmpty();
    assertThat(store.alert("a1").orElseThrow().outboxId()).isEqualTo("n1");
  }

  @Test
  void a_claim_lapses_after_its_lease_and_a_restart_releases_every_claim() {
    store.enqueue(notification("n1", "ops", T), List.of());
    assertThat(store.claimNext("ops", T, LEASE)).isPresent();
    assertThat(store.claimNext("ops", T.plus(LEASE), LEASE)).as("lease over").isPresent();

    reopen().releaseClaims();
    OutboxRow resumed = store.claimNext("ops", T.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
    assertThat(resumed.id()).isEqualTo("n1");
    assertThat(resumed.attempts()).isEqualTo(3);
  }

  @Test
  void reopening_after_close_keeps_pending_notifications_and_held_alerts() {
    assertThat(store.holdAlert(alert("a1", "ops", T.plusSeconds(30)))).isTrue();
    assertThat(store.holdAlert(alert("a1", "ops", T.plusSeconds(99)))).as("decided once").isFalse();
    assertThat(store.holdAlert(alert("a2", "ops", T.plusSeconds(30)))).isTrue();
    store.enqueue(notification("n1", "ops", T), List.of("a1"));
    store.enqueue(notification("n2", "ops", T), List.of());
    store.markSent("n2", T, "ok");

    reopen();
    assertThat(store.heldAlerts()).extracting(AlertRow::id).containsExactly("a2");
    assertThat(store.alert("a1").orElseThrow().outboxId()).isEqualTo("n1");
    assertThat(store.alertsOfIncident(7)).extracting(AlertRow::id).containsExactly("a1", "a2");
    assertThat(store.outboxQueues()).containsExactly(new OutboxQueue("ops", 1, T));
    assertThat(store.claimNext("ops", T, LEASE)).map(OutboxRow::id).contains("n1");
  }

  @Test
  void finishing_takes_a_notification_out_of_the_queue() {
    store.enqueue(notification("refused", "ops", T), List.of());
    store.enqueue(notification("late", "ops", T), List.of());
    store.finish("refused", OutboxState.FAILED, T, "400 Bad Request");
    store.finish("late", OutboxState.GIVEN_UP, T, "gave up after 24h");

    assertThat(store.outboxQueues()).isEmpty();
    assertThat(store.outbox("ops"))
        .extracting(OutboxRow::state)
        .containsExactly(OutboxState.FAILED, OutboxState.GIVEN_UP);
    assertThatThrownBy(() -> store.finish("late", OutboxState.PENDING, T, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.markSent("nope", T, "x")).isInstanceOf(StoreException.class);
  }

  @Test
  void the_first_acknowledgement_of_an_incident_stays_and_survives_a_restart() {
    store.saveIncident(INCIDENT);
    assertThat(store.incidentRow(7).orElseThrow().acknowledged()).isFalse();

    assertThat(store.acknowledge(7, T.plusSeconds(60), "ana")).isTrue();
    assertThat(store.acknowledge(7, T.plusSeconds(90), "ben")).isFalse();
    assertThat(store.acknowledge(8, T, "ana")).as("no such incident").isFalse();
    store.saveIncident(INCIDENT.resolvedAt(T.plusSeconds(120)));
    store.markMaintenance(7);

    IncidentRow row = reopen().incidentRow(7).orElseThrow();
    assertThat(row.acknowledgedAt()).isEqualTo(T.plusSeconds(60));
    assertThat(row.acknowledgedBy()).isEqualTo("ana");
    assertThat(row.maintenance()).isTrue();
    assertThat(row.incident().endedAt()).as("saving the incident keeps the notes").isNotNull();
    try (SqliteStore reader = SqliteStore.openReadOnly(dir)) {
      assertThat(reader.incidentRows(false, 10)).containsExactly(row);
      assertThat(reader.incidentRows(true, 10)).isEmpty();
    }
  }

  @Test
  void lists_the_newest_incidents_first_up_to_a_limit() {
    for (int i = 1; i <= 3; i++) {
      store.saveIncident(
          new Incident(i, "api", T.plusSeconds(i), null, Reason.DNS, "no host", Evidence.NONE));
    }
    assertThat(store.incidentRows(true, 2))
        .extracting(r -> r.incident().id())
        .containsExactly(3L, 2L);
  }

  @Test
  void maintenance_marks_are_replaced_as_a_whole() {
    MaintenanceMark api = new MaintenanceMark("api", "release", T, T.plusSeconds(3600));
    MaintenanceMark db = new MaintenanceMark("db", "backup", T, T.plusSeconds(60));
    store.replaceMaintenance(List.of(api, db));
    store.replaceMaintenance(List.of(api));

    assertThat(reopen().maintenance()).isEqualTo(Map.of("api", api));
    assertThat(api.window().covers(T)).isTrue();
    assertThat(api.window().covers(T.plusSeconds(3600))).isFalse();
  }

  @Test
  void prune_forgets_finished_notifications_but_keeps_pending_ones_and_held_alerts() {
    store.holdAlert(alert("held", "ops", T));
    store.holdAlert(alert("sent", "ops", T));
    store.enqueue(notification("done", "ops", T), List.of("sent"));
    store.markSent("done", T, "ok");
    store.enqueue(notification("waiting", "ops", T), List.of());

    store.prune(T.plus(Duration.ofDays(500)));

    assertThat(store.outbox("ops")).extracting(OutboxRow::id).containsExactly("waiting");
    assertThat(store.alert("held")).isPresent();
    assertThat(store.alert("sent")).isEmpty();
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");
  private static final MonitorRow ROW =
      new MonitorRow(
          "api", "http", "yaml", "https://api.example", Duration.ofSeconds(30), List.of("prod"));
  private static final Incident INCIDENT =
      new Incident(1, "api", T, null, Reason.TIMEOUT, "timed out", Evidence.NONE);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T);

  @Test
  void reopening_after_close_keeps_everything_and_close_writes_what_was_buffered() {
    Path data = dir.resolve("nested/data");
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), clock)) {
      store.upsertMonitor(ROW);
      store.saveStatus(MonitorStatus.pending("api", T));
      store.saveIncident(INCIDENT);
      for (int i = 0; i < 1_000; i++) {
        store.append(Records.ok("api", T.plusSeconds(i), 20));
      }
    }
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), clock)) {
      assertThat(store.monitors()).containsExactly(ROW);
      assertThat(store.loadStatuses()).containsEntry("api", MonitorStatus.pending("api", T));
      assertThat(store.openIncidents()).containsExactly(INCIDENT);
      assertThat(store.uptime("api", T, T.plusSeconds(1_000)).checks()).isEqualTo(1_000);
      assertThat(store.results("api", T, T.plusSeconds(1_000), 2_000, null)).hasSize(1_000);
    }
  }

  @Test
  void queued_monitor_rows_are_written_before_what_follows_them_and_before_the_store_closes() {
    MonitorRow other =
        new MonitorRow(
            "web", "http", "yaml", "https://web.example", Duration.ofSeconds(10), List.of());
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock)) {
      store.upsertMonitorsQueued(() -> List.of(ROW));
      store.flush();
      assertThat(store.monitors()).containsExactly(ROW);

      store.upsertMonitorsQueued(() -> List.of(other));
    }
    try (SqliteStore reader = SqliteStore.openReadOnly(dir)) {
      assertThat(reader.monitors()).containsExactly(ROW, other);
    }
  }

  @Test
  void another_reader_sees_committed_data_while_the_writer_has_the_store_open() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock)) {
      store.upsertMonitor(ROW);
      store.append(Records.ok("api", T, 20));
      store.flush();
      try (SqliteStore reader = SqliteStore.openReadOnly(dir)) {
        assertThat(reader.monitors()).containsExactly(ROW);
        assertThat(reader.uptime("api", T, T.plusSeconds(1)).checks()).isEqualTo(1);

        store.saveIncident(INCIDENT);
        store.append(Records.ok("api", T.plusSeconds(1), 20));
        store.flush();
        assertThat(reader.openIncidents()).containsExactly(INCIDENT);
        assertThat(reader.results("api", T, T.plusSeconds(5), 10, null)).hasSize(2);
      }
    }
    try (SqliteStore reader = SqliteStore.openReadOnly(dir)) {
      assertThat(reader.incident(1)).contains(INCIDENT);
    }
  }

  @Test
  void a_read_only_store_refuses_every_write() {
    SqliteStore.open(dir, Retention.defaults(), clock).close();
    try (SqliteStore reader = SqliteStore.openReadOnly(dir)) {
      assertThatThrownBy(() -> reader.saveIncident(INCIDENT))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("read-only");
      assertThatThrownBy(() -> reader.append(Records.ok("api", T, 1)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(reader::nextIncidentId).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> reader.prune(T)).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(Records.count(dir, "SELECT value FROM counters WHERE name = 'incident'")).isZero();
  }

  @Test
  void opening_read_only_without_a_database_fails_clearly_and_creates_nothing() throws Exception {
    assertThatThrownBy(() -> SqliteStore.openReadOnly(dir.resolve("nothing")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no Tickr database at");
    assertThat(dir.resolve("nothing")).doesNotExist();

    Files.writeString(dir.resolve(SqliteStore.FILE_NAME), "");
    assertThatThrownBy(() -> SqliteStore.openReadOnly(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a Tickr database");
  }

  @Test
  void a_closed_store_refuses_work_and_closing_twice_is_fine() {
    SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(Records.ok("api", T, 1)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(store::flush).isInstanceOf(StoreException.class);
    assertThatThrownBy(store::monitors).isInstanceOf(StoreException.class);
  }

  @Test
  void a_result_whose_time_cannot_be_stored_is_refused_at_once() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock)) {
      assertThatThrownBy(() -> store.append(Records.ok("api", Instant.MAX, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("monitor=api");
      store.append(Records.ok("api", T, 1));
      store.flush();
      assertThat(store.uptime("api", Instant.MIN, Instant.MAX).checks()).isEqualTo(1);
    }
  }

  @Test
  void retiring_keeps_the_history() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock)) {
      store.upsertMonitor(ROW);
      store.append(Records.ok("api", T, 20));
      store.flush();
      store.retireMonitor("api", T.plusSeconds(60));
      assertThat(store.monitors()).isEmpty();
      assertThat(store.results("api", T, T.plusSeconds(1), 10, null)).hasSize(1);
      assertThat(Records.count(dir, "SELECT retired_at FROM monitors WHERE name = 'api'"))
          .isEqualTo(T.plusSeconds(60).toEpochMilli());
    }
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer when the database refuses writes: callers hear of it, and the writer goes on. Its
 * interval is stretched so that only flushes make it write.
 */
class WriterTest {
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");

  @TempDir Path dir;

  @Test
  void failed_batches_fail_flush_are_retried_then_dropped_and_the_writer_goes_on()
      throws Exception {
    SqliteStore.open(dir, Retention.defaults(), new MutableClock(T)).close();
    try (Writer writer =
        new Writer(Sqlite.readOnly(dir.resolve(SqliteStore.FILE_NAME)), Duration.ofHours(1))) {
      writer.append(Records.ok("api", T, 10));
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThatThrownBy(writer::flush)
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("buffered results could not be written");
      }
      writer.flush(); // the batch was dropped after three attempts: nothing left to fail

      assertThatThrownBy(() -> writer.execute(c -> Updates.retireMonitor(c, "api", T)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("write failed");
      Integer answer = writer.call(c -> 42);
      assertThat(answer).isEqualTo(42);
    }
    assertThat(Records.count(dir, "SELECT COUNT(*) FROM results")).isZero();
  }

  @Test
  void work_that_throws_reaches_its_caller_as_a_store_exception() throws Exception {
    SqliteStore.open(dir, Retention.defaults(), new MutableClock(T)).close();
    try (Writer writer =
        new Writer(Sqlite.writable(dir.resolve(SqliteStore.FILE_NAME)).getConnection())) {
      assertThatThrownBy(
              () ->
                  writer.call(
                      c -> {
                        throw new IllegalStateException("boom");
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("boom");
      Long id = writer.call(c -> Updates.next(c, "incident"));
      assertThat(id).isEqualTo(1L);
    }
  }

  @Test
  void a_transaction_whose_snapshot_another_process_outdated_runs_again() throws Exception {
    SqliteStore.open(dir, Retention.defaults(), new MutableClock(T)).close();
    Path file = dir.resolve(SqliteStore.FILE_NAME);
    AtomicInteger runs = new AtomicInteger();
    try (Writer writer = new Writer(Sqlite.writable(file).getConnection());
        Connection other = Sqlite.writable(file).getConnection()) {
      Long id =
          writer.call(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM monitors")) {
                  rs.next(); // a read first: this transaction's snapshot
                }
                if (runs.incrementAndGet() == 1) {
                  // Another process (tickr token create beside the daemon) writes and commits now.
                  other.setAutoCommit(true);
                  try (Statement s = other.createStatement()) {
                    s.executeUpdate(
                        "INSERT INTO monitors (name, type, source, target, interval_us, tags,"
                            + " updated_at) VALUES ('x', 'http', 'yaml', 'http://x', 1, '[]', 0)");
                  }
                }
                return Updates.next(c, "incident"); // a write: BUSY on the outdated snapshot
              });
      assertThat(id).isEqualTo(1L);
      assertThat(runs).hasValue(2);
    }
    assertThat(Records.count(dir, "SELECT COUNT(*) FROM monitors")).isEqualTo(1);
  }
}

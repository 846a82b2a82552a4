package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A data directory got ready while the config is read: used, or removed without a trace. */
class PrepareAheadTest {
  private static final MonitorRow ROW =
      new MonitorRow(
          "api", "http", "yaml", "https://api.example", Duration.ofSeconds(30), List.of());

  @TempDir Path dir;

  @Test
  void a_new_directory_is_made_ready_and_opens_as_the_store() {
    Path data = dir.resolve("a/b/data");
    SqliteStore.Ahead ahead = ready(data);
    try (SqliteStore store =
        ahead.open(Retention.defaults(), new MutableClock(Instant.EPOCH), WriteTimer.NONE)) {
      store.upsertMonitor(ROW);
    }
    try (SqliteStore again = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      assertThat(again.monitors()).containsExactly(ROW);
    }
  }

  @Test
  void discarding_a_new_directory_removes_it_and_the_directories_made_for_it() {
    SqliteStore.Ahead ahead = ready(dir.resolve("a/b/data"));

    assertThat(dir.resolve("a/b/data/tickr.db")).exists();
    ahead.discard();

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void discarding_keeps_what_was_there_before() throws Exception {
    Files.writeString(dir.resolve("secret.key"), "kept");
    SqliteStore.Ahead fresh = ready(dir);
    fresh.discard();
    assertThat(dir.toFile().list()).containsExactly("secret.key");

    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitor(ROW);
    }
    SqliteStore.Ahead existing = ready(dir);
    existing.discard();
    try (SqliteStore again = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThat(again.monitors()).containsExactly(ROW);
    }
  }

  @Test
  void a_database_that_needs_migrating_waits_and_is_left_as_it_was() {
    SQLiteDataSource version5 = MigrationsTest.migratedTo(dir, "5");

    assertThat(SqliteStore.prepareAhead(dir)).isNull();

    assertThat(Migrations.current(version5)).isFalse();
  }

  @Test
  void a_directory_that_cannot_be_made_says_why_and_leaves_nothing() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    assertThatThrownBy(() -> SqliteStore.prepareAhead(file.resolve("data")))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "cannot create the data directory " + file.resolve("data") + ": Not a directory");
    assertThat(dir.toFile().list()).containsExactly("taken");
  }

  private static SqliteStore.Ahead ready(Path data) {
    SqliteStore.Ahead ahead = SqliteStore.prepareAhead(data);
    assertThat(ahead).as("made ready ahead").isNotNull();
    return java.util.Objects.requireNonNull(ahead);
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and the database files are their owner's alone, on real files. */
class DataFilesTest {
  private static final MonitorRow ROW =
      new MonitorRow(
          "api", "http", "yaml", "https://api.example", Duration.ofSeconds(30), List.of());

  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void a_new_data_directory_is_0700_and_the_database_its_wal_and_shm_are_0600() throws Exception {
    Path data = dir.resolve("a/data");
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitor(ROW);
      assertThat(store.monitors()).containsExactly(ROW);

      assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
      assertThat(mode(data)).isEqualTo("rwx------");
      for (String name : List.of("tickr.db", "tickr.db-wal", "tickr.db-shm")) {
        assertThat(data.resolve(name)).exists();
        assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void existing_database_files_that_others_may_read_are_narrowed_to_0600() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitor(ROW);
    }
    Files.setPosixFilePermissions(
        dir.resolve("tickr.db"), PosixFilePermissions.fromString("rw-r--r--"));

    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitor(ROW);
      assertThat(mode(dir.resolve("tickr.db"))).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("tickr.db-wal"))).isEqualTo("rw-------");
      assertThat(store.monitors()).containsExactly(ROW);
    }
  }

  @Test
  void an_existing_directory_keeps_the_mode_its_owner_gave_it() throws Exception {
    Path data = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));

    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitor(ROW);
    }

    assertThat(mode(data)).isEqualTo("rwxr-x---");
    assertThat(mode(data.resolve("tickr.db"))).isEqualTo("rw-------");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @TempDir Path dir;

  @Test
  void latest_is_the_newest_migration_file() throws IOException {
    int newest;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest =
          files
              .map(f -> VERSIONED.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
    }
    assertThat(Migrations.LATEST).isEqualTo(newest);
  }

  @Test
  void a_new_file_is_not_current_and_a_migrated_one_is() {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + dir.resolve("tickr.db"));
    assertThat(Migrations.current(source)).isFalse();

    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThat(store.monitors()).isEmpty();
    }

    assertThat(Migrations.current(source)).isTrue();
    try (SqliteStore again = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThat(again.monitors()).isEmpty();
    }
  }

  @Test
  void version_6_adds_phase_sums_to_the_rollups_of_a_version_5_database() throws SQLException {
    SQLiteDataSource source = migratedTo(dir, "5");
    Instant minute = Instant.parse("2026-04-02T10:00:00Z");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      // what a version 5 daemon wrote: a check of 100 ms, raw and rolled up, without phase sums
      s.executeUpdate(
          "INSERT INTO results (monitor, planned_at, started_at, total_us, dns_us, connect_us,"
              + " tls_us, ttfb_us, status, verdict) VALUES ('api', "
              + minute.toEpochMilli()
              + ", "
              + minute.toEpochMilli()
              + ", 100000, 8000, 12000, NULL, 60000, 200, 'OK')");
      Histogram h = new Histogram();
      h.add(100_000);
      for (String table : List.of("rollup_minute", "rollup_day")) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (monitor, bucket_start, checks, failed, degraded, sum_us, min_us, max_us,"
                    + " histogram) VALUES ('api', ?, 1, 0, 0, 100000, 100000, 100000, ?)")) {
          long at = minute.toEpochMilli();
          ps.setLong(1, table.equals("rollup_day") ? Columns.dayStart(at) : at);
          ps.setBytes(2, h.encode());
          ps.executeUpdate();
        }
      }
    }
    assertThat(Migrations.current(source)).isFalse();

    Instant now = minute.plus(Duration.ofHours(1));
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(now))) {
      assertThat(Migrations.current(source)).isTrue();
      // the old check still counts; it has no phases, a new one in the same minute adds its own
      assertThat(store.uptime("api", minute, now).checks()).isEqualTo(1);
      store.append(SeriesTest.timed("api", minute.plusSeconds(30), 300, 20L));
      store.flush();
      SeriesPoint point = store.series("api", minute, now, 60).get(0);
      assertThat(point.checks()).isEqualTo(2);
      assertThat(point.total()).isEqualTo(Duration.ofMillis(200));
      assertThat(point.tls()).isEqualTo(Duration.ofMillis(20));
      assertThat(point.ttfb()).isEqualTo(Duration.ofMillis(150));
      assertThat(store.uptime("api", minute, now).checks()).isEqualTo(2);
    }
    assertThat(Records.count(dir, "SELECT SUM(tls_checks) FROM rollup_day")).isEqualTo(1);
  }

  /** A database in {@code dir} as a daemon of schema {@code version} left it. */
  static SQLiteDataSource migratedTo(Path dir, String version) {
    SQLiteDataSource source = Sqlite.writable(dir.resolve(SqliteStore.FILE_NAME));
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(source)
        .locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        .placeholders(Sqlite.PLACEHOLDERS)
        .target(version)
        .load()
        .migrate();
    return source;
  }
}

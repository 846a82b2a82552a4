package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
}

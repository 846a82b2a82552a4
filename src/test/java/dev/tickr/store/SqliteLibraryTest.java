package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {
  @TempDir Path dir;

  @Test
  void the_library_is_written_whole_and_written_again_over_an_old_copy() throws Exception {
    Path into = dir.resolve("native");
    Path first = SqliteLibrary.export(into).orElseThrow();
    assertThat(first.getParent()).isEqualTo(into);
    long size = Files.size(first);
    assertThat(size).isGreaterThan(100_000);

    Files.writeString(first, "an old, broken copy");
    Path again = SqliteLibrary.export(into).orElseThrow();
    assertThat(again).isEqualTo(first);
    assertThat(Files.size(again)).isEqualTo(size);
    try (var files = Files.list(into)) {
      assertThat(files).containsExactly(first); // no part file left behind
    }
  }
}

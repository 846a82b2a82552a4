package dev.tickr.store;

import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * What the parts of a {@link SqliteStore} share: its one writer (none when it was opened
 * read-only), its read-only connections and its clock.
 */
final class SqliteAccess {
  private final Path file;
  private final @Nullable Writer writer;
  private final ReadPool reads;
  private final Clock clock;

  SqliteAccess(Path file, @Nullable Writer writer, Clock clock) {
    this.file = file;
    this.writer = writer;
    this.clock = clock;
    this.reads = new ReadPool(file);
  }

  /**
   * The writer, through which every write goes.
   *
   * @throws UnsupportedOperationException when the store was opened read-only
   */
  Writer writer() {
    if (writer == null) {
      throw new UnsupportedOperationException(file + " was opened read-only");
    }
    return writer;
  }

  ReadPool reads() {
    return reads;
  }

  Clock clock() {
    return clock;
  }

  boolean readOnly() {
    return writer == null;
  }

  /** Writes what is buffered, then releases the writer and the read connections. */
  void close() {
    if (writer != null) {
      writer.close();
    }
    reads.close();
  }
}

package dev.tickr.cli;

import dev.tickr.store.SqliteLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tickr native-library DIR} (hidden): unpacks SQLite's native library for this machine into
 * DIR. The launcher runs it once per build and then points every start at that copy.
 */
@Command(
    name = "native-library",
    hidden = true,
    description = "Unpack SQLite's native library (the launcher).")
final class NativeLibraryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "Where to write it.")
  private Path dir = Path.of(".");

  @Override
  public Integer call() throws IOException {
    Optional<Path> written = SqliteLibrary.export(dir);
    return written.isPresent() ? 0 : 1;
  }
}

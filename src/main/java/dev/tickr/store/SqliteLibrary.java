package dev.tickr.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library for this machine, as sqlite-jdbc carries it in the jar. Unpacked once
 * next to the jar (the launcher does it once per build, see {@code tickr native-library}), it is
 * loaded from there with {@code -Dorg.sqlite.lib.path}: sqlite-jdbc then neither unpacks it again
 * nor compares the copy byte by byte, about a tenth of a second at every start. Should that copy
 * fail to load, sqlite-jdbc unpacks its own as before ({@link NativeScratch}).
 */
public final class SqliteLibrary {
  private SqliteLibrary() {}

  /**
   * Writes the library into {@code dir} (made as needed; a copy already there is replaced whole).
   *
   * @return the file written, or empty when sqlite-jdbc has no library for this machine
   */
  public static Optional<Path> export(Path dir) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Files.createDirectories(dir);
      Path target = dir.resolve(name);
      Path part = Files.createTempFile(dir, name, ".part");
      try {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
      return Optional.of(target);
    }
  }
}

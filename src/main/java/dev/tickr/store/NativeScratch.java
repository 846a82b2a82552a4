package dev.tickr.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sqlite-jdbc unpacks its native library (about 1 MB) into the temporary directory at every start,
 * under a random name it deletes at a normal exit. A process that is killed (kill -9, the OOM
 * killer) leaves its copy behind, and sqlite-jdbc never removes it: a daemon restarted that way now
 * and then would fill {@code /tmp}. So each Tickr process gets a directory of its own there, named
 * after its pid, and removes those of processes that are gone. A directory set by the user with
 * {@code -Dorg.sqlite.tmpdir} is left as it is.
 */
final class NativeScratch {
  static final String PREFIX = "tickr-sqlite-";
  static final String PROPERTY = "org.sqlite.tmpdir";

  private static final Logger LOG = LoggerFactory.getLogger(NativeScratch.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private NativeScratch() {}

  /**
   * Once per process, before sqlite-jdbc loads its library; callers at the same time wait for the
   * first (the JVM initialises {@link Once} once).
   */
  static void prepare() {
    Once.done();
  }

  private static final class Once {
    static {
      if (System.getProperty(PROPERTY) == null) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = NativeScratch.prepare(tmp, ProcessHandle.current().pid());
        if (dir != null) {
          dir.toFile().deleteOnExit(); // registered before sqlite-jdbc's files: removed after them
          System.setProperty(PROPERTY, dir.toString());
        }
      }
    }

    static void done() {}
  }

  /**
   * Removes the directories of processes that are gone from {@code tmp} and makes one for {@code
   * pid}; {@code null} when it cannot (then sqlite-jdbc uses {@code tmp} as it always did).
   */
  static @Nullable Path prepare(Path tmp, long pid) {
    sweep(tmp);
    // Not Files.createTempDirectory: its SecureRandom costs tens of milliseconds at start-up. The
    // name need not be secret: mkdir fails on anything already there, a link included.
    FileAttribute<?>[] ownerOnly =
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      Path dir =
          tmp.resolve(
              PREFIX + pid + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
      try {
        return Files.createDirectory(dir, ownerOnly);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 3) {
          return null;
        }
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        LOG.debug(
            "cannot make a directory for SQLite's native library in {}: {}", tmp, e.toString());
        return null;
      }
    }
  }

  private static void sweep(Path tmp) {
    try (DirectoryStream<Path> dirs =
        Files.newDirectoryStream(tmp, p -> p.getFileName().toString().startsWith(PREFIX))) {
      for (Path dir : dirs) {
        long pid = pidOf(dir.getFileName().toString());
        if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isDirectory(dir)) {
          removeQuietly(dir);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot look for SQLite's leftover native libraries in {}: {}", tmp, e.toString());
    }
  }

  /** The pid in {@code tickr-sqlite-PID-RANDOM}, or -1. */
  static long pidOf(String name) {
    int end = name.indexOf('-', PREFIX.length());
    if (!name.startsWith(PREFIX) || end < 0) {
      return -1;
    }
    try {
      return Long.parseLong(name, PREFIX.length(), end, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void removeQuietly(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
      LOG.debug("removed {}, left by a process that is gone", dir);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot remove {}: {}", dir, e.toString());
    }
  }
}

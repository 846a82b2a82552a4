package dev.tickr.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modes of the data directory and the database files in it, where the file system has POSIX
 * permissions: a directory Tickr creates is {@code 0700}, the database file {@code 0600} (SQLite
 * gives its {@code -wal}, {@code -shm} and {@code -journal} files the mode of the database file).
 * An existing database file, or one of its companions, that others may read is narrowed to {@code
 * 0600}: those files are Tickr's. An existing directory is the user's: one that group or others may
 * enter is left as it is, with a warning.
 */
final class DataFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DataFiles.class);
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final List<String> SUFFIXES = List.of("", "-wal", "-shm", "-journal");

  private DataFiles() {}

  /** Creates {@code dir} (and its missing parents) readable by its owner only, or checks it. */
  static void directory(Path dir) throws IOException {
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return;
    }
    if (Files.isDirectory(dir)) {
      warnIfOpen(dir);
      return;
    }
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
  }

  /**
   * Creates the empty database file {@code file} with mode {@code 0600} when it is missing (SQLite
   * takes an empty file for a new database), and narrows the modes of the existing one and its
   * companions to {@code 0600}.
   */
  static void database(Path file) throws IOException {
    if (!posix(file)) {
      return;
    }
    FileAttribute<Set<PosixFilePermission>> ownerOnly =
        PosixFilePermissions.asFileAttribute(OWNER_FILE);
    try {
      Files.createFile(file, ownerOnly);
    } catch (FileAlreadyExistsException exists) {
      // narrowed below
    }
    for (String suffix : SUFFIXES) {
      Path f = file.resolveSibling(file.getFileName() + suffix);
      if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
        Files.setPosixFilePermissions(f, OWNER_FILE);
        LOG.info("store file={} narrowed to mode 0600", f);
      }
    }
  }

  private static void warnIfOpen(Path dir) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
    if (!OWNER_DIR.containsAll(mode)) {
      LOG.warn(
          "data directory={} mode={} lets group or others in; the database files in it are"
              + " owner-only, but `chmod 700 {}` keeps new files there private too",
          dir,
          PosixFilePermissions.toString(mode),
          dir);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

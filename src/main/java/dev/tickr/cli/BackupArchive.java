package dev.tickr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.SecretBox;
import dev.tickr.store.SqliteStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A backup file: a zip of {@code tickr-backup.json} (what it holds), {@code tickr.db} (a consistent
 * copy of the database) and, unless {@code TICKR_SECRET_KEY} was used, {@code secret.key} (without
 * it the secrets stored through the API cannot be read). Written owner-only: it holds the key.
 */
final class BackupArchive {
  static final String MANIFEST = "tickr-backup.json";
  static final List<String> ENTRIES = List.of(MANIFEST, SqliteStore.FILE_NAME, SecretBox.KEY_FILE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private BackupArchive() {}

  /**
   * What a backup says of itself.
   *
   * @param keyIncluded whether {@code secret.key} is in it
   * @param keyNote why not, when it is not
   */
  record Manifest(
      String tickrVersion,
      Instant takenAt,
      int schemaVersion,
      boolean keyIncluded,
      @Nullable String keyNote) {
    String json() {
      ObjectNode n = JSON.createObjectNode();
      n.put("format", 1);
      n.put("tickr", tickrVersion);
      n.put("taken_at", takenAt.toString());
      n.put("schema_version", schemaVersion);
      n.put("secret_key_included", keyIncluded);
      if (keyNote != null) {
        n.put("secret_key_note", keyNote);
      }
      return n.toString() + "\n";
    }

    static Manifest parse(byte[] bytes) throws IOException {
      JsonNode n = JSON.readTree(bytes);
      if (n == null || !n.path("taken_at").isTextual() || !n.path("schema_version").isInt()) {
        throw new IOException(MANIFEST + " is not a Tickr backup's manifest");
      }
      return new Manifest(
          n.path("tickr").asText("?"),
          Instant.parse(n.path("taken_at").asText()),
          n.path("schema_version").asInt(),
          n.path("secret_key_included").asBoolean(false),
          n.path("secret_key_note").isTextual() ? n.path("secret_key_note").asText() : null);
    }
  }

  /** Writes the archive to {@code target} (created owner-only; it must not exist). */
  static void write(Path target, Manifest manifest, Path database, @Nullable Path keyFile)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(create(target));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      put(zip, MANIFEST, manifest.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(SqliteStore.FILE_NAME));
      Files.copy(database, zip);
      zip.closeEntry();
      if (keyFile != null) {
        put(zip, SecretBox.KEY_FILE, Files.readAllBytes(keyFile));
      }
    }
  }

  /**
   * Unpacks an archive into the empty directory {@code into}, taking only the entries a backup has.
   *
   * @throws IOException when it is not a Tickr backup (no manifest or no database)
   */
  static Manifest read(Path archive, Path into) throws IOException {
    Manifest manifest = null;
    boolean database = false;
    try (InputStream file = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (!ENTRIES.contains(name)) {
          continue; // nothing else is unpacked, and no name can reach outside `into`
        }
        if (name.equals(MANIFEST)) {
          manifest = Manifest.parse(zip.readAllBytes());
          continue;
        }
        Files.copy(
            zip, create(into.resolve(name)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        database |= name.equals(SqliteStore.FILE_NAME);
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException("not a Tickr backup (not a zip file): " + e.getMessage(), e);
    }
    if (manifest == null || !database) {
      throw new IOException(
          "not a Tickr backup: it has no " + (manifest == null ? MANIFEST : SqliteStore.FILE_NAME));
    }
    return manifest;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Creates an empty file readable by its owner only (where the file system has modes). */
  static Path create(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<?> ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      return Files.createFile(file, ownerOnly);
    }
    return Files.createFile(file);
  }

  /** Creates a directory readable by its owner only, next to {@code near}. */
  static Path workDirectory(Path near, String prefix) throws IOException {
    Path parent = near.toAbsolutePath().getParent();
    if (parent == null) {
      parent = Path.of(".").toAbsolutePath();
    }
    Files.createDirectories(parent);
    if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          parent,
          prefix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(parent, prefix);
  }

  /** Removes a work directory and what is in it (flat: no subdirectories). */
  static void remove(@Nullable Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // left for the user; the message of the command says what happened
    }
  }
}

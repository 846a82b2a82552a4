package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.auth.SecretBox;
import dev.tickr.store.SqliteBackup;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr restore FILE --data DIR}: unpacks a backup next to DIR, checks it ({@code PRAGMA
 * integrity_check}, a schema this Tickr knows), then puts it in DIR's place. A DIR with anything in
 * it is left alone unless {@code --force}, which moves it aside to {@code DIR.before-restore-TIME}
 * (nothing is deleted); a DIR whose database a running Tickr has open is never touched.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a backup made by tickr backup into the data directory.",
    footer = {
      "",
      "Stop tickr run first. With --force a data directory that is not empty is moved aside to",
      "DIR.before-restore-TIME, never deleted. Exit codes: 0 done, 1 refused or failed, 2 usage."
    })
final class RestoreCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file made by tickr backup.")
  @Nullable Path file;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory to restore into (default $TICKR_DATA, else ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(
      names = "--force",
      description = "Move a data directory that is not empty aside and restore in its place.")
  boolean force;

  RestoreCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() throws IOException {
    if (spec == null || file == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": no such file");
    }
    boolean occupied = Files.exists(data) && !empty(data);
    if (occupied && SqliteBackup.inUse(data)) {
      err.println(
          "tickr restore: a running Tickr has "
              + data.resolve(SqliteStore.FILE_NAME)
              + " open; stop it first. Nothing was changed.");
      return 1;
    }
    if (occupied && !force) {
      err.println(
          "tickr restore: "
              + data
              + " is not empty. Nothing was changed; --force moves it aside to "
              + data.getFileName()
              + ".before-restore-TIME and restores in its place.");
      return 1;
    }
    Path work = null;
    try {
      work = BackupArchive.workDirectory(data, ".tickr-restore-");
      BackupArchive.Manifest manifest = BackupArchive.read(file, work);
      int schema = SqliteBackup.verify(work.resolve(SqliteStore.FILE_NAME));
      Path aside = null;
      if (Files.exists(data)) {
        aside =
            data.resolveSibling(
                data.getFileName() + ".before-restore-" + STAMP.format(tickr.clock().instant()));
        Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(work, data, StandardCopyOption.ATOMIC_MOVE);
      work = null;
      out.printf(
          "Restored %s (taken at %s by Tickr %s, schema version %d) into %s%n",
          file, manifest.takenAt(), manifest.tickrVersion(), schema, data);
      if (aside != null) {
        out.println("What was in " + data + " is now in " + aside + ".");
      }
      if (schema < SqliteBackup.knownSchema()) {
        out.println("tickr run brings its schema up to date when it starts.");
      }
      if (!manifest.keyIncluded()) {
        err.println(
            "WARNING: this backup has no "
                + SecretBox.KEY_FILE
                + (manifest.keyNote() == null ? "" : " (" + manifest.keyNote() + ")")
                + ": set "
                + SecretBox.KEY_VARIABLE
                + " to the key that was in use, or the secrets stored through the API cannot be"
                + " read.");
      }
      return 0;
    } catch (StoreException | IOException e) {
      err.println("tickr restore: " + file + ": " + e.getMessage() + ". Nothing was changed.");
      return 1;
    } finally {
      BackupArchive.remove(work);
    }
  }

  private static boolean empty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}

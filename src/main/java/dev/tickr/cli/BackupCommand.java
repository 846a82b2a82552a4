package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.auth.SecretBox;
import dev.tickr.store.SqliteBackup;
import dev.tickr.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr backup --data DIR FILE}: a consistent copy of the data directory's database, safe
 * while the daemon runs, with the secret key file, in one owner-only file ({@link BackupArchive}).
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Back up the data directory to FILE (safe while tickr run is running).",
    footer = {
      "",
      "FILE holds the database and the secret key (secret.key) that stored secrets are sealed with:",
      "keep it as safe as the data directory. When TICKR_SECRET_KEY is set the key is not in it.",
      "Exit codes: 0 done, 1 the backup failed, 2 usage."
    })
final class BackupCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default $TICKR_DATA, else ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(names = "--force", description = "Replace FILE when it exists.")
  boolean force;

  @Parameters(index = "0", paramLabel = "FILE", description = "Where the backup is written.")
  @Nullable Path file;

  BackupCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    if (spec == null || file == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path target = file;
    if (Files.exists(target) && !force) {
      throw new UsageException(target + " exists; --force replaces it");
    }
    if (!Files.isRegularFile(data.resolve(dev.tickr.store.SqliteStore.FILE_NAME))) {
      throw new UsageException("--data " + data + ": no Tickr database there");
    }
    Path work = null;
    try {
      work = BackupArchive.workDirectory(target, ".tickr-backup-");
      SqliteBackup.Copy copy =
          SqliteBackup.copy(data, work.resolve(dev.tickr.store.SqliteStore.FILE_NAME));
      SqliteBackup.verify(copy.file(), false);
      boolean variable = tickr.environment().get(SecretBox.KEY_VARIABLE) != null;
      Path key = data.resolve(SecretBox.KEY_FILE);
      boolean keyIncluded = !variable && Files.isRegularFile(key);
      String note =
          variable
              ? SecretBox.KEY_VARIABLE + " is set: the key is not in this backup"
              : keyIncluded ? null : "no " + SecretBox.KEY_FILE + " in " + data;
      BackupArchive.Manifest manifest =
          new BackupArchive.Manifest(
              Tickr.version(), tickr.clock().instant(), copy.schemaVersion(), keyIncluded, note);
      Path packed = work.resolve("backup.zip");
      BackupArchive.write(packed, manifest, copy.file(), keyIncluded ? key : null);
      Files.move(
          packed, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      out.printf(
          "Backed up %s to %s (%d bytes, schema version %d, taken at %s)%n",
          data, target, Files.size(target), copy.schemaVersion(), manifest.takenAt());
      if (variable) {
        err.println(
            "WARNING: "
                + SecretBox.KEY_VARIABLE
                + " is set, so the secret key is NOT in this backup. Keep the value of "
                + SecretBox.KEY_VARIABLE
                + " safe elsewhere: without it, the secrets stored through the API and the"
                + " dashboard cannot be read after a restore.");
      } else if (keyIncluded) {
        out.println(
            "The backup holds " + SecretBox.KEY_FILE + ": keep it as safe as the data directory.");
      } else {
        out.println("No " + SecretBox.KEY_FILE + " in " + data + " (no secret stored yet).");
      }
      return 0;
    } catch (StoreException | IOException e) {
      err.println("tickr backup: " + e.getMessage());
      return 1;
    } finally {
      BackupArchive.remove(work);
    }
  }
}

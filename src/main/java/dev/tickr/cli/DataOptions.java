package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.config.ConfigException;
import dev.tickr.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR} and {@code -c FILE} of the commands that read the data directory ({@code
 * status}, {@code token}, {@code user}, {@code incident}): the directory is {@code --data} (or
 * {@code TICKR_DATA}), else the {@code storage.path} of the config named with {@code -c} (or {@code
 * TICKR_CONFIG}), else {@code ./tickr-data}, as {@code tickr run} chooses it.
 */
final class DataOptions {
  static final Path DEFAULT = Path.of("tickr-data");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory (default $TICKR_DATA, else the config's storage.path, else ./tickr-data).")
  @Nullable Path data;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "The config whose storage.path names the data directory (default $TICKR_CONFIG).")
  @Nullable Path config;

  /**
   * The data directory, which must hold a Tickr store.
   *
   * @throws UsageException when it holds none, or when the config cannot be read
   */
  Path dir(Tickr tickr) {
    Path dir;
    String where;
    if (data != null) {
      dir = data;
      where = "--data: no Tickr data in " + dir;
    } else if (config != null) {
      Path fromConfig = storagePath(tickr, config);
      dir = fromConfig == null ? DEFAULT : fromConfig;
      where =
          fromConfig == null
              ? "-c: " + config + " sets no storage.path, and there is no Tickr data in " + dir
              : "-c: no Tickr data in storage.path " + dir + " (from " + config + ")";
    } else {
      dir = DEFAULT;
      where = "--data: no Tickr data in " + dir;
    }
    if (!Files.exists(dir.resolve(SqliteStore.FILE_NAME))) {
      throw new UsageException(where + " (has `tickr run` used it?)");
    }
    return dir;
  }

  private static @Nullable Path storagePath(Tickr tickr, Path config) {
    try {
      return tickr.configLoader().load(config).storage().path();
    } catch (ConfigException e) {
      int more = e.problems().size() - 1;
      String first = more < 0 ? e.getMessage() : e.problems().get(0).toString();
      throw new UsageException(
          "-c: cannot read the data directory from "
              + config
              + ": "
              + first
              + (more > 0 ? " (+" + more + " more; see tickr validate -c " + config + ")" : ""));
    }
  }
}

package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code tickr run}'s config on another core while the command line is still being parsed
 * (picocli's first use costs a few hundred milliseconds that a big config can use). Only a guess
 * from the raw arguments: {@link RunCommand} takes the result only for the very file its parsed
 * options name, and reads the file itself otherwise.
 */
final class ConfigPrefetch {
  private final Path file;
  private final CompletableFuture<Object> result;

  private ConfigPrefetch(Path file, CompletableFuture<Object> result) {
    this.file = file;
    this.result = result;
  }

  /** The loader {@code tickr run} reads its config with. */
  static ConfigLoader loader(Tickr tickr) {
    return tickr.configLoader().checkingChannels(dev.tickr.alert.channel.Notifiers::validate);
  }

  /**
   * Starts reading the config a {@code run} command line names ({@code -c FILE}, {@code --config
   * FILE}, {@code --config=FILE}), or {@code ./tickr.yml} when none is named and it exists.
   *
   * @return null when this is not {@code run} or there is nothing to read
   */
  static @Nullable ConfigPrefetch start(Tickr tickr, String... args) {
    if (args.length == 0 || !args[0].equals("run")) {
      return null;
    }
    // Loading the database and web libraries takes about as long as parsing a big config: on
    // another core, at the same time.
    Thread.ofPlatform()
        .daemon()
        .name("tickr-warm-up")
        .start(
            () -> {
              dev.tickr.store.SqliteStore.warmUp();
              dev.tickr.web.WebServer.warmUp();
            });
    Path file = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("-c") || a.equals("--config")) && i + 1 < args.length) {
        file = Path.of(args[i + 1]);
      } else if (a.startsWith("--config=")) {
        file = Path.of(a.substring("--config=".length()));
      }
    }
    if (file == null) {
      file = defaultFile();
      if (file == null) {
        return null;
      }
    }
    Path chosen = file;
    CompletableFuture<Object> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("tickr-config-read")
        .start(
            () -> {
              try {
                result.complete(loader(tickr).load(chosen));
              } catch (ConfigException e) {
                result.complete(e);
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return new ConfigPrefetch(chosen, result);
  }

  /**
   * The config read ahead, when it was of {@code wanted}; else null, and the caller reads it.
   *
   * @throws ConfigException what reading it found wrong
   */
  @Nullable Config take(Path wanted) throws ConfigException, InterruptedException {
    if (!wanted.equals(file)) {
      return null;
    }
    Object done;
    try {
      done = result.get();
    } catch (ExecutionException e) {
      return null; // an unexpected failure: the command reads the file again and reports it
    }
    if (done instanceof ConfigException e) {
      throw e;
    }
    return (Config) done;
  }

  /** {@code ./tickr.yml} when there is one: the config of a command not given {@code -c}. */
  static @Nullable Path defaultFile() {
    Path file = Path.of("tickr.yml");
    return Files.exists(file) ? file : null;
  }
}

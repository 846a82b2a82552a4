package dev.tickr.daemon;

import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config that runs: the file's, plus what the REST API keeps (its layer). Reads the file again
 * on reload (and, once watching, whenever it changes), applies the layer again when the API changed
 * it, and has each new config applied to the running parts; a rejected file changes nothing.
 */
final class LiveConfig implements AutoCloseable {
  // Logs as the daemon did before this was split out of it: the log lines stay the same.
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final @Nullable Path configFile;
  private final ConfigLoader loader;
  private final ConfigApplier applier;
  private final Object reloadLock = new Object();
  private volatile Config config;
  private volatile Config fileConfig;
  private @Nullable UnaryOperator<Config> api;
  private @Nullable ConfigWatcher watcher;

  /**
   * @param config the file's config, read at start
   * @param configFile where it was read from; {@code null} when there is no file
   */
  LiveConfig(Config config, @Nullable Path configFile, ConfigLoader loader, ConfigApplier applier) {
    this.config = config;
    this.fileConfig = config;
    this.configFile = configFile;
    this.loader = loader;
    this.applier = applier;
  }

  /** The config that runs: the file's, plus what the API added. */
  Config config() {
    return config;
  }

  /** The config from the file alone, without what the API added. */
  Config fileConfig() {
    return fileConfig;
  }

  /** The config file the daemon reads, if it has one. */
  Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /**
   * Adds what the REST API keeps to the file's config, now and at every reload; call before {@link
   * #start()}, then {@link #refresh()} after each change.
   *
   * @param layer the file's config in, the config to run out
   */
  void layer(UnaryOperator<Config> layer) {
    synchronized (reloadLock) {
      this.api = layer;
      this.config = layer.apply(fileConfig);
    }
  }

  /**
   * Applies the config to the running parts for the first time; the alerting engine, made with the
   * file's config, hears of it only when the API added a layer.
   */
  void start() {
    applier.apply(config, api != null, false);
  }

  /** Reloads whenever the config file changes, if there is one and it can be watched. */
  void watch() {
    if (configFile != null) {
      try {
        watcher = new ConfigWatcher(configFile, this::reload);
      } catch (IOException e) {
        LOG.warn(
            "config={} cannot be watched ({}); SIGHUP still reloads", configFile, e.toString());
      }
    }
  }

  /** Applies the API's layer again after it changed; the file is not read again. */
  void refresh() {
    synchronized (reloadLock) {
      UnaryOperator<Config> layer = api;
      Config next = layer == null ? fileConfig : layer.apply(fileConfig);
      applier.apply(next, true, true);
      config = next;
    }
  }

  /**
   * Reads the config file again; on any problem logs every one and keeps the running config.
   *
   * @return whether the new config was taken
   */
  boolean reload() {
    if (configFile == null) {
      return false;
    }
    try {
      Config loaded = loader.load(configFile);
      synchronized (reloadLock) {
        UnaryOperator<Config> layer = api;
        Config next = layer == null ? loaded : layer.apply(loaded);
        applier.apply(next, true, true);
        fileConfig = loaded;
        config = next;
        LOG.info("config={} reloaded monitors={}", configFile, next.monitors().size());
      }
      return true;
    } catch (ConfigException e) {
      LOG.error(
          "config={} rejected, the previous config keeps running:{}{}",
          configFile,
          System.lineSeparator(),
          e.getMessage());
      return false;
    }
  }

  /** Stops watching the file. */
  @Override
  public void close() {
    ConfigWatcher w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        LOG.debug("closing the config watcher: {}", e.toString());
      }
    }
  }
}

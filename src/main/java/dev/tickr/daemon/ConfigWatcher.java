package dev.tickr.daemon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads when the config file changes: watches its folder (editors replace files rather than write
 * them), waits for writes to settle, and reloads only when the content really changed.
 */
final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  private static final long SETTLE_MILLIS = 250;

  private final Path file;
  private final Runnable reload;
  private final WatchService watcher;
  private byte[] digest = new byte[0];

  ConfigWatcher(Path file, Runnable reload) throws IOException {
    this.file = file.toAbsolutePath();
    this.reload = reload;
    this.watcher = FileSystems.getDefault().newWatchService();
    Path dir = java.util.Objects.requireNonNull(this.file.getParent(), "config folder");
    dir.register(
        watcher,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    Thread.ofPlatform().daemon(true).name("tickr-config-watch").start(this::loop);
  }

  private void loop() {
    // The content to compare with is read here, after the folder is watched, not by the starting
    // daemon (a big file takes a while to hash): a change from now on is an event.
    digest = digest();
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean ours =
            key.pollEvents().stream().anyMatch(e -> file.getFileName().equals(e.context()));
        key.reset();
        if (!ours) {
          continue;
        }
        // Let an editor finish writing, and swallow the burst of events it makes.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          more.pollEvents();
          more.reset();
        }
        byte[] now = digest();
        if (!Arrays.equals(now, digest)) {
          digest = now;
          reload.run();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("config={} watching stopped; SIGHUP still reloads", file, e);
    }
  }

  private byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      return new byte[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}

package dev.tickr.daemon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads when the config file changes: watches its folder (editors replace files rather than write
 * them), waits for writes to settle, and reloads only when the content really changed.
 *
 * <p>A config reached through symbolic links is watched along the links too: a link to a file in
 * another folder, and a Kubernetes ConfigMap volume, where {@code tickr.yml} links to {@code
 * ..data/tickr.yml} and an update swaps the {@code ..data} link to a new folder (the file's own
 * name then sees no event at all).
 */
final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  private static final long SETTLE_MILLIS = 250;

  /** At most this many links are followed, as the kernel bounds a path's links. */
  private static final int MAX_LINKS = 40;

  private final Path file;
  private final Runnable reload;
  private final WatchService watcher;
  private final Set<Path> folders = new HashSet<>();
  private volatile Set<Path> watched = Set.of();
  private byte[] digest = new byte[0];

  ConfigWatcher(Path file, Runnable reload) throws IOException {
    this.file = file.toAbsolutePath();
    this.reload = reload;
    this.watcher = FileSystems.getDefault().newWatchService();
    watchAlongLinks();
    Thread.ofPlatform().daemon(true).name("tickr-config-watch").start(this::loop);
  }

  /**
   * The paths whose change can change what the config's path reads: the path itself and, for each
   * symbolic link on the way to the file, the link and where it points; their folders are watched.
   */
  static Set<Path> pathsToWatch(Path file) {
    Set<Path> paths = new HashSet<>();
    Path current = file.toAbsolutePath().normalize();
    paths.add(current);
    for (int links = 0; links < MAX_LINKS; links++) {
      Path link = firstLink(current);
      if (link == null) {
        break;
      }
      paths.add(link);
      Path target;
      try {
        target = Files.readSymbolicLink(link);
      } catch (IOException e) {
        break;
      }
      Path rest = link.relativize(current);
      Path folder = Objects.requireNonNull(link.getParent(), "a link has a folder");
      current = folder.resolve(target).resolve(rest).normalize();
      paths.add(current);
    }
    return paths;
  }

  /** The first symbolic link on {@code path}, from the root down, or null when there is none. */
  private static @Nullable Path firstLink(Path path) {
    Path root = path.getRoot();
    Path prefix = root == null ? Path.of("") : root;
    for (Path name : path) {
      prefix = prefix.resolve(name);
      if (Files.isSymbolicLink(prefix)) {
        return prefix;
      }
    }
    return null;
  }

  private void watchAlongLinks() throws IOException {
    Set<Path> paths = pathsToWatch(file);
    for (Path p : paths) {
      Path folder = p.getParent();
      if (folder != null && !folders.contains(folder) && Files.isDirectory(folder)) {
        folder.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        folders.add(folder);
      }
    }
    watched = paths;
  }

  private boolean concerns(WatchKey key, WatchEvent<?> event) {
    if (event.kind().equals(StandardWatchEventKinds.OVERFLOW)) {
      return true;
    }
    Path folder = (Path) key.watchable();
    return event.context() instanceof Path name && watched.contains(folder.resolve(name));
  }

  private void loop() {
    // The content to compare with is read here, after the folders are watched, not by the starting
    // daemon (a big file takes a while to hash): a change from now on is an event.
    digest = digest();
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean ours = key.pollEvents().stream().anyMatch(e -> concerns(key, e));
        if (!key.reset()) {
          folders.remove((Path) key.watchable()); // gone: watched again if it comes back
        }
        if (!ours) {
          continue;
        }
        // Let an editor finish writing, and swallow the burst of events it makes.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          more.pollEvents();
          more.reset();
        }
        try {
          watchAlongLinks(); // a link may now point elsewhere
        } catch (IOException e) {
          LOG.warn("config={} cannot watch a new link target ({})", file, e.toString());
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

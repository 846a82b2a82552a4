package dev.tickr;

import dev.tickr.daemon.Daemon;
import dev.tickr.store.WriteProbe;
import dev.tickr.web.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /readyz} checks of a running Tickr: the config is loaded, the scheduler plans checks,
 * and the store can be written now (its write lock taken by a transaction that writes nothing,
 * behind the writes already queued). At most one store probe runs at a time, however often {@code
 * /readyz} is asked.
 */
final class DaemonReadiness implements Readiness {
  /** How long {@code /readyz} waits for the store before it calls it not writable. */
  static final Duration STORE_WAIT = Duration.ofSeconds(2);

  private final Daemon daemon;
  private final WriteProbe store;
  private @Nullable CompletableFuture<?> probe;

  DaemonReadiness(Daemon daemon, WriteProbe store) {
    this.daemon = daemon;
    this.store = store;
  }

  @Override
  public List<Part> check() {
    Part config = daemon.config() == null ? new Part("config", "not loaded") : Part.ok("config");
    Part scheduler =
        daemon.scheduler().running() ? Part.ok("scheduler") : new Part("scheduler", "not running");
    return List.of(config, scheduler, store());
  }

  private Part store() {
    CompletableFuture<?> running = probe();
    try {
      running.get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return Part.ok("store");
    } catch (TimeoutException e) {
      return new Part(
          "store",
          "cannot be written: a write has waited more than "
              + STORE_WAIT.toSeconds()
              + "s (is another process holding the database?)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Part("store", "cannot be written: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Part("store", "not checked: interrupted");
    }
  }

  private synchronized CompletableFuture<?> probe() {
    CompletableFuture<?> p = probe;
    if (p == null || p.isDone()) {
      p = store.probeWrite();
      probe = p;
    }
    return p;
  }
}

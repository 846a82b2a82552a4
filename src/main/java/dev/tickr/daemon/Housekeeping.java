package dev.tickr.daemon;

import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.store.Store;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's timers, on one thread made at {@link #start()}: old results pruned every hour,
 * overdue heartbeats failed and heartbeats' volumes judged every second, and a round of Tickr's own
 * connectivity checks started every second. A failing round is logged and tried again on the next.
 */
final class Housekeeping implements AutoCloseable {
  // Logs as the daemon did before this was split out of it: the log lines stay the same.
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Clock clock;
  private final Store store;
  private final Heartbeats heartbeats;
  private final HeartbeatVolumes volumes;
  private final ConnectivityGuard link;
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).factory());

  Housekeeping(
      Clock clock,
      Store store,
      Heartbeats heartbeats,
      HeartbeatVolumes volumes,
      ConnectivityGuard link) {
    this.clock = clock;
    this.store = store;
    this.heartbeats = heartbeats;
    this.volumes = volumes;
    this.link = link;
  }

  void start() {
    var unused = timers.scheduleAtFixedRate(this::prune, 1, 60, TimeUnit.MINUTES);
    var unusedToo = timers.scheduleWithFixedDelay(this::expireOverdue, 1, 1, TimeUnit.SECONDS);
    var unusedThree = timers.scheduleWithFixedDelay(this::probeLink, 0, 1, TimeUnit.SECONDS);
  }

  private void expireOverdue() {
    try {
      heartbeats.expire();
    } catch (RuntimeException e) {
      LOG.error("checking heartbeat deadlines failed; will try again", e);
    }
    try {
      volumes.judge();
    } catch (RuntimeException e) {
      LOG.error("judging heartbeat volumes failed; will try again", e);
    }
  }

  private void probeLink() {
    try {
      link.tick();
    } catch (RuntimeException e) {
      LOG.error("starting a connectivity round failed; will try again", e);
    }
  }

  private void prune() {
    try {
      store.prune(clock.instant());
    } catch (RuntimeException e) {
      LOG.error("pruning old results failed; will try again", e);
    }
  }

  /** Stops the timers; a round under way is interrupted. */
  @Override
  public void close() {
    timers.shutdownNow();
  }
}

package dev.tickr.daemon;

import dev.tickr.alert.AlertEngine;
import dev.tickr.check.Redaction;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.QuotaPlan;
import dev.tickr.config.RateLimits;
import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.schedule.Scheduler;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the running parts in step with a config: monitors that are gone are unscheduled and
 * forgotten, new and changed ones get their catalogue row, their runner, their heartbeat or their
 * place in the schedule; unchanged ones keep their state. Knows which monitors run now.
 */
final class ConfigApplier {
  // Logs as the daemon did before this was split out of it: the log lines stay the same.
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Clock clock;
  private final Store store;
  private final IncidentTracker tracker;
  private final MonitorRunner runner;
  private final Scheduler scheduler;
  private final AlertEngine alerts;
  private final Heartbeats heartbeats;
  private final ConnectivityGuard link;
  private volatile Map<String, MonitorSpec> active = Map.of();

  ConfigApplier(
      Clock clock,
      Store store,
      IncidentTracker tracker,
      MonitorRunner runner,
      Scheduler scheduler,
      AlertEngine alerts,
      Heartbeats heartbeats,
      ConnectivityGuard link) {
    this.clock = clock;
    this.store = store;
    this.tracker = tracker;
    this.runner = runner;
    this.scheduler = scheduler;
    this.alerts = alerts;
    this.heartbeats = heartbeats;
    this.link = link;
  }

  /** The running monitor of that name, or {@code null} when none runs. */
  @Nullable MonitorSpec running(String monitor) {
    return active.get(monitor);
  }

  /** Forgets the saved state of every monitor that is no longer configured. */
  void forgetUnconfigured() {
    for (String known : tracker.snapshot().keySet()) {
      if (!active.containsKey(known)) {
        tracker.forget(known); // saved state of a monitor no longer configured
      }
    }
  }

  /** The longest timeout of any running monitor; zero when none runs. */
  Duration longestTimeout() {
    return active.values().stream()
        .map(MonitorSpec::timeout)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /**
   * @param newToAlerting whether the alerting engine must hear of this config
   * @param waitForRows whether the monitors' rows must be committed before this returns; at start
   *     they need not be (they are written before any result that follows)
   */
  synchronized void apply(Config next, boolean newToAlerting, boolean waitForRows) {
    if (newToAlerting) {
      alerts.reconfigure(next);
    }
    runner.secrets(next.secretValues().values());
    link.reconfigure(next.connectivity());
    Map<String, MonitorSpec> wanted = new HashMap<>();
    for (MonitorSpec spec : next.monitors()) {
      wanted.put(spec.name(), spec);
    }
    removeGone(wanted);
    List<MonitorSpec> changed = changed(next);
    if (waitForRows) {
      store.upsertMonitors(rows(changed, next));
    } else {
      store.upsertMonitorsQueued(() -> rows(changed, next));
    }
    for (MonitorSpec spec : changed) {
      put(spec, active.get(spec.name()));
    }
    active = wanted;
  }

  private void removeGone(Map<String, MonitorSpec> wanted) {
    for (String gone : active.keySet()) {
      if (!wanted.containsKey(gone)) {
        scheduler.unschedule(gone);
        runner.remove(gone);
        heartbeats.remove(gone);
        tracker.forget(gone);
        store.retireMonitor(gone, clock.instant());
        LOG.info("monitor={} removed", gone);
      }
    }
  }

  /** The monitors that are new or whose settings changed. */
  private List<MonitorSpec> changed(Config next) {
    List<MonitorSpec> changed = new ArrayList<>();
    for (MonitorSpec spec : next.monitors()) {
      MonitorSpec old = active.get(spec.name());
      if (old == null || !old.fingerprint().equals(spec.fingerprint())) {
        changed.add(spec);
      }
    }
    return changed;
  }

  /** Runs a new or changed monitor, {@code old} being what ran under its name before. */
  private void put(MonitorSpec spec, @Nullable MonitorSpec old) {
    runner.put(spec);
    tracker.track(spec.name(), clock.instant());
    if (spec.pushed()) {
      heartbeats.put(spec); // its results come from pings, not from the scheduler
    } else if (old != null && old.pushed()) {
      heartbeats.remove(spec.name());
    }
    if (spec.paused() || spec.pushed()) {
      scheduler.unschedule(spec.name());
      if (spec.paused()) {
        tracker.pause(spec.name(), clock.instant());
      } else {
        resumeIfPaused(spec.name());
      }
    } else {
      resumeIfPaused(spec.name());
      scheduler.schedule(spec.name(), spec.interval());
    }
    if (old != null) {
      LOG.info("monitor={} changed", spec.name());
    }
    RateLimits.Stretch stretch = spec.limits().stretch();
    if (stretch != null) {
      LOG.warn("{}", QuotaPlan.warning(spec.name(), stretch));
    }
  }

  private static List<MonitorRow> rows(List<MonitorSpec> specs, Config config) {
    List<MonitorRow> rows = new ArrayList<>(specs.size());
    for (MonitorSpec spec : specs) {
      rows.add(
          new MonitorRow(
              spec.name(),
              spec.type().name(),
              spec.source(),
              // A ${NAME} in a URL's path is no business of the overview either.
              Redaction.scrub(spec.settings().describe(), config.secretValues().values()),
              spec.interval(),
              spec.tags()));
    }
    return rows;
  }

  private void resumeIfPaused(String monitor) {
    MonitorStatus s = tracker.status(monitor);
    if (s != null && s.state() == MonitorState.PAUSED) {
      tracker.resume(monitor, clock.instant());
    }
  }
}

package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.config.ChannelPolicy.Event;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flap damping for every monitor: counts state changes, says once when a monitor starts flapping (a
 * DOWN whose detail says so), holds its other alerts meanwhile, and says when it has settled (an UP
 * to the channels that heard it flap). Not thread-safe: the engine calls it under its lock.
 */
final class FlapWatch {
  private static final Logger LOG = LoggerFactory.getLogger(FlapWatch.class);

  private final Store store;
  private final Supplier<Setup> setup;
  private final Grouper grouper;
  private final Map<String, FlapDetector> detectors = new HashMap<>();
  private final Map<String, MonitorState> states = new HashMap<>();
  private final Map<String, Reason> reasons = new HashMap<>();

  FlapWatch(Store store, Supplier<Setup> setup, Grouper grouper) {
    this.store = store;
    this.setup = setup;
    this.grouper = grouper;
  }

  boolean flapping(String monitor) {
    FlapDetector d = detectors.get(monitor);
    return d != null && d.flapping();
  }

  /** Remembers why the monitor last failed, for the flapping alert. */
  void failedBecause(String monitor, Reason reason) {
    reasons.put(monitor, reason);
  }

  /** A state change of the monitor; alerts once when it makes the monitor flap. */
  void changed(MonitorSpec spec, MonitorState from, MonitorState to, Instant now) {
    states.put(spec.name(), to);
    if (!judged(from) || !judged(to)) {
      return;
    }
    FlapDetector d = detectors.computeIfAbsent(spec.name(), m -> new FlapDetector());
    if (d.change(now, spec.flapping()).isEmpty()) {
      return;
    }
    Instant since = Objects.requireNonNull(d.since());
    String within = Durations.format(spec.flapping().within());
    String detail =
        "flapping: "
            + d.recentChanges()
            + " state changes within "
            + within
            + "; alerts held until stable for "
            + within;
    LOG.warn("monitor={} {}", spec.name(), detail);
    Setup s = setup.get();
    if (s.inMaintenance(spec, now)) {
      return;
    }
    Reason reason = reasons.getOrDefault(spec.name(), Reason.CONDITION);
    for (String channel : s.hearing(spec.alerts(), Event.DOWN)) {
      grouper.decide(
          AlertIds.flapping(spec.name(), since, "down", channel),
          channel,
          Alerts.flapping(spec.name(), spec.tags(), since, null, reason, detail),
          now);
    }
  }

  /** Ends flapping of monitors stable long enough, with an UP where the flapping was told. */
  void settle(Instant now) {
    Setup s = setup.get();
    for (Map.Entry<String, FlapDetector> e : List.copyOf(detectors.entrySet())) {
      String monitor = e.getKey();
      MonitorSpec spec = s.monitor(monitor).orElse(null);
      if (spec == null) {
        detectors.remove(monitor);
        continue;
      }
      FlapDetector d = e.getValue();
      Instant since = d.since();
      if (since == null || d.settle(now, spec.flapping()).isEmpty()) {
        continue;
      }
      MonitorState state = states.getOrDefault(monitor, MonitorState.PENDING);
      LOG.info("monitor={} stopped flapping state={}; alerts resume", monitor, state);
      String detail =
          "stable for "
              + Durations.format(spec.flapping().within())
              + ", now "
              + state.name().toLowerCase(Locale.ROOT);
      Reason reason = reasons.getOrDefault(monitor, Reason.CONDITION);
      for (String channel : s.hearing(spec.alerts(), Event.UP)) {
        if (store.alert(AlertIds.flapping(monitor, since, "down", channel)).isPresent()) {
          grouper.decide(
              AlertIds.flapping(monitor, since, "up", channel),
              channel,
              Alerts.flapping(monitor, spec.tags(), since, now, reason, detail),
              now);
        }
      }
    }
  }

  /** When the next flapping monitor settles if nothing changes; MAX when none flaps. */
  Instant nextSettle() {
    Setup s = setup.get();
    Instant next = Instant.MAX;
    for (Map.Entry<String, FlapDetector> e : detectors.entrySet()) {
      MonitorSpec spec = s.monitor(e.getKey()).orElse(null);
      Instant at = spec == null ? null : e.getValue().settlesAt(spec.flapping());
      if (at != null) {
        next = Times.earliest(next, at);
      }
    }
    return next;
  }

  private static boolean judged(MonitorState s) {
    return s == MonitorState.UP || s == MonitorState.DOWN || s == MonitorState.DEGRADED;
  }
}

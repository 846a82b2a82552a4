package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.config.ChannelPolicy.Event;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.FlapState;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.AlertStore;
import dev.tickr.time.Durations;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flap damping's alerting for every monitor: when the incident tracker says a monitor started
 * flapping it says so once (the {@code flapping} notice), holds its other alerts meanwhile, and
 * when the tracker says it settled, says so (the same notice with its end, to the channels that
 * heard it flap). It decides alerting only: whether a monitor flaps is the tracker's ({@link
 * FlapState}). The hold has two limits: an incident that lasts longer than the monitor's {@code
 * flapping.hold-down} is alerted then, and one that fails for a reason the flap had not shown (say
 * {@code auth-rejected} after a run of {@code http-status}) is not held at all. Not thread-safe:
 * the engine calls it under its lock.
 */
final class FlapWatch {
  private static final Logger LOG = LoggerFactory.getLogger(FlapWatch.class);

  private final AlertStore store;
  private final Supplier<Setup> setup;
  private final Grouper grouper;

  /** When each monitor the tracker said is flapping started to. */
  private final Map<String, Instant> flapping = new HashMap<>();

  private final Map<String, MonitorState> states = new HashMap<>();
  private final Map<String, Reason> reasons = new HashMap<>();
  private final Map<String, Map<Reason, Instant>> seen = new HashMap<>();
  private final Map<String, Set<Long>> unheld = new HashMap<>();

  FlapWatch(AlertStore store, Supplier<Setup> setup, Grouper grouper) {
    this.store = store;
    this.setup = setup;
    this.grouper = grouper;
  }

  boolean flapping(String monitor) {
    return flapping.containsKey(monitor);
  }

  /** Remembers why the monitor failed (a DEGRADED spell), for the flapping notice. */
  void failedBecause(MonitorSpec spec, Reason reason, Instant at) {
    reasons.put(spec.name(), reason);
    seen.computeIfAbsent(spec.name(), m -> new EnumMap<>(Reason.class)).put(reason, at);
  }

  /**
   * An incident opened: remembers its reason; when the monitor flaps and the reason is new within
   * the flapping window, the incident is not held.
   */
  void opened(MonitorSpec spec, Incident incident, Instant at) {
    Map<Reason, Instant> known = seen.getOrDefault(spec.name(), Map.of());
    Instant last = known.get(incident.reason());
    boolean novel = last == null || last.isBefore(at.minus(spec.flapping().within()));
    if (novel && flapping(spec.name())) {
      unheld.computeIfAbsent(spec.name(), m -> new HashSet<>()).add(incident.id());
      LOG.info(
          "monitor={} incident={} reason={} is new while flapping: not held",
          spec.name(),
          incident.id(),
          incident.reason().code());
    }
    failedBecause(spec, incident.reason(), at);
  }

  /**
   * Until when the alerts of an open incident are held because its monitor flaps: its start plus
   * {@code hold-down}; {@link Instant#MIN} when they are not held.
   */
  Instant holdsUntil(MonitorSpec spec, Incident incident) {
    if (!flapping(spec.name())
        || unheld.getOrDefault(spec.name(), Set.of()).contains(incident.id())) {
      return Instant.MIN;
    }
    return incident.startedAt().plus(spec.flapping().holdDown().after(spec.interval()));
  }

  /** A state change of the monitor (for the settled notice's "now up"). */
  void changed(MonitorSpec spec, MonitorState to) {
    states.put(spec.name(), to);
  }

  /** The tracker says the monitor started flapping or settled: the notice, once. */
  void flap(String monitor, FlapState.Transition t, FlapState flap, Instant now) {
    MonitorSpec spec = setup.get().monitor(monitor).orElse(null);
    if (spec == null) {
      flapping.remove(monitor);
      return;
    }
    switch (t) {
      case STARTED -> started(spec, flap, now);
      case SETTLED -> settled(spec, now);
    }
  }

  private void started(MonitorSpec spec, FlapState d, Instant now) {
    Instant since = Objects.requireNonNull(d.since());
    flapping.put(spec.name(), since);
    String within = Durations.format(spec.flapping().within());
    String detail =
        "flapping: "
            + d.recentChanges()
            + " state changes within "
            + within
            + "; alerts held until stable for "
            + within
            + " (a DOWN longer than "
            + Durations.format(spec.flapping().holdDown().after(spec.interval()))
            + " or with a new reason is still sent)";
    LOG.warn("monitor={} {}", spec.name(), detail);
    Setup s = setup.get();
    if (s.inMaintenance(spec, now)) {
      return;
    }
    Reason reason = reasons.getOrDefault(spec.name(), Reason.CONDITION);
    for (String channel : s.hearing(spec.alerts(), Event.DOWN)) {
      grouper.decide(
          AlertIds.flapping(spec.name(), since, "flapping", channel),
          channel,
          Alerts.flapping(spec.name(), spec.tags(), since, null, reason, detail),
          now);
    }
  }

  /** Flapping ended: the notice where the flapping was told. */
  private void settled(MonitorSpec spec, Instant now) {
    Setup s = setup.get();
    String monitor = spec.name();
    Instant since = flapping.remove(monitor);
    if (since != null) {
      unheld.remove(monitor);
      MonitorState state = states.getOrDefault(monitor, MonitorState.PENDING);
      LOG.info("monitor={} stopped flapping state={}; alerts resume", monitor, state);
      String detail =
          "stable for "
              + Durations.format(spec.flapping().within())
              + ", now "
              + state.name().toLowerCase(Locale.ROOT);
      Reason reason = reasons.getOrDefault(monitor, Reason.CONDITION);
      for (String channel : s.hearing(spec.alerts(), Event.UP)) {
        if (store.alert(AlertIds.flapping(monitor, since, "flapping", channel)).isPresent()) {
          grouper.decide(
              AlertIds.flapping(monitor, since, "settled", channel),
              channel,
              Alerts.flapping(monitor, spec.tags(), since, now, reason, detail),
              now);
        }
      }
    }
  }
}

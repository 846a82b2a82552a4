package dev.tickr.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Owns every monitor's runtime state: feeds outcomes through the {@link StateMachine}, takes the
 * maintenance windows monitors are in, makes each change durable through the {@link StatusSink},
 * then tells the listeners. What a monitor is shown as ({@link ShownState}) comes from here.
 * Outcomes of one monitor are applied one at a time; different monitors never wait for each other.
 */
public final class IncidentTracker implements MonitorStates {
  private final StateMachine machine;
  private final StatusSink sink;
  private final Map<String, MonitorStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, Maintenance> windows = new ConcurrentHashMap<>();
  private final Map<String, FlapState> flaps = new ConcurrentHashMap<>();
  private final Function<String, @Nullable FlapRule> flapRules;
  private final Clock clock;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final List<Consumer<IncidentEvent>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param flapRules a monitor's flap damping rule; null once the monitor is gone
   * @param clock when judged changes count for flap damping
   */
  public IncidentTracker(
      StateMachine machine,
      StatusSink sink,
      Function<String, @Nullable FlapRule> flapRules,
      Clock clock) {
    this.machine = machine;
    this.sink = sink;
    this.flapRules = flapRules;
    this.clock = clock;
  }

  /** Takes back the state saved before a restart. */
  public void restore(Map<String, MonitorStatus> saved) {
    statuses.putAll(saved);
  }

  /** Takes back the maintenance windows saved before a restart, by monitor. */
  public void restoreMaintenance(Map<String, Maintenance> saved) {
    windows.putAll(saved);
  }

  public void listen(Consumer<IncidentEvent> listener) {
    listeners.add(listener);
  }

  /** Makes sure a monitor has a state (PENDING when new). */
  public MonitorStatus track(String monitor, Instant at) {
    return statuses.computeIfAbsent(monitor, m -> MonitorStatus.pending(m, at));
  }

  /** Stops tracking a removed monitor; its saved history stays. */
  public void forget(String monitor) {
    statuses.remove(monitor);
    flaps.remove(monitor);
    locks.remove(monitor);
  }

  public MonitorStatus apply(String monitor, Outcome outcome, StateMachine.Thresholds thresholds) {
    synchronized (lock(monitor)) {
      MonitorStatus current = track(monitor, outcome.at());
      return commit(current, machine.apply(current, outcome, thresholds), outcome.at());
    }
  }

  public MonitorStatus pause(String monitor, Instant at) {
    synchronized (lock(monitor)) {
      MonitorStatus current = track(monitor, at);
      return commit(current, machine.pause(current, at), at);
    }
  }

  public MonitorStatus resume(String monitor, Instant at) {
    synchronized (lock(monitor)) {
      MonitorStatus current = track(monitor, at);
      return commit(current, machine.resume(current, at), at);
    }
  }

  /**
   * Takes the maintenance windows monitors are in at {@code at}, by monitor, in place of the last
   * ones: saves them, then tells the listeners of each monitor now shown as MAINTENANCE, or no
   * longer. Judging goes on underneath.
   */
  public void maintenance(Map<String, Maintenance> now, Instant at) {
    if (now.equals(windows)) {
      return;
    }
    Set<String> monitors = new TreeSet<>(windows.keySet());
    monitors.addAll(now.keySet());
    List<IncidentEvent> events = new ArrayList<>();
    for (String monitor : monitors) {
      synchronized (lock(monitor)) {
        Maintenance was = windows.get(monitor);
        Maintenance is = now.get(monitor);
        if (is == null) {
          windows.remove(monitor);
        } else {
          windows.put(monitor, is);
        }
        MonitorStatus s = statuses.get(monitor);
        events.addAll(
            s == null
                ? StateMachine.shown(monitor, ShownState.of(null, was), ShownState.of(null, is), at)
                : machine.maintenance(s, was, is, at).events());
      }
    }
    sink.saveMaintenance(Map.copyOf(windows));
    announce(events);
  }

  /** Judges every monitor afresh: their streaks are forgotten ({@link StateMachine#afresh}). */
  public void afreshAll() {
    for (String monitor : statuses.keySet()) {
      synchronized (lock(monitor)) {
        MonitorStatus current = statuses.get(monitor);
        if (current != null) {
          commit(current, machine.afresh(current), current.since());
        }
      }
    }
  }

  /** One monitor's current state, if it is tracked. */
  @Override
  public @Nullable MonitorStatus status(String monitor) {
    return statuses.get(monitor);
  }

  /** The current state of every tracked monitor. */
  @Override
  public Map<String, MonitorStatus> snapshot() {
    return Map.copyOf(statuses);
  }

  /** What a monitor is shown as at {@code now}: the one state pages, API and status pages show. */
  @Override
  public ShownState shown(String monitor, Instant now) {
    FlapState flap = flaps.get(monitor);
    return ShownState.of(statuses.get(monitor), windows.get(monitor), now)
        .flappingSince(flap == null ? null : flap.since());
  }

  /**
   * What every monitor with a state or a maintenance window is shown as at {@code now}; one not in
   * it is shown as {@link ShownState#UNKNOWN}.
   */
  @Override
  public Map<String, ShownState> shown(Instant now) {
    Map<String, ShownState> out = new HashMap<>();
    for (String monitor : windows.keySet()) {
      out.put(monitor, shown(monitor, now));
    }
    for (String monitor : statuses.keySet()) {
      out.put(monitor, shown(monitor, now));
    }
    return out;
  }

  private MonitorStatus commit(MonitorStatus current, StateMachine.Step step, Instant at) {
    MonitorStatus status = step.status();
    statuses.put(status.monitor(), status);
    if (step.events().isEmpty()) {
      return status;
    }
    for (IncidentEvent event : step.events()) {
      switch (event) {
        case IncidentEvent.IncidentOpened opened -> sink.saveIncident(opened.incident());
        case IncidentEvent.IncidentResolved resolved -> sink.saveIncident(resolved.incident());
        case IncidentEvent.StateChanged changed -> {}
        case IncidentEvent.ShownChanged shown -> {}
        case IncidentEvent.FlappingChanged flap -> {}
      }
    }
    sink.saveStatus(status);
    List<IncidentEvent> events = new ArrayList<>();
    for (IncidentEvent event : step.events()) {
      if (event instanceof IncidentEvent.StateChanged c) {
        flapChange(c).ifPresent(events::add); // first: alerts about the change know it flaps
      }
      events.add(event);
    }
    Maintenance window = windows.get(status.monitor());
    events.addAll(
        StateMachine.shown(
            status.monitor(), ShownState.of(current, window), ShownState.of(status, window), at));
    announce(events);
    return status;
  }

  /** Whether the monitor is flapping now. */
  public boolean flapping(String monitor) {
    FlapState f = flaps.get(monitor);
    return f != null && f.flapping();
  }

  /**
   * Ends the flapping of monitors stable long enough (SETTLED), and forgets the flap state of
   * flapping monitors that are gone, without a notice; tells the listeners.
   */
  public void settle(Instant now) {
    List<IncidentEvent> events = new ArrayList<>();
    for (String monitor : List.copyOf(flaps.keySet())) {
      synchronized (lock(monitor)) {
        FlapState f = flaps.get(monitor);
        if (f == null || !f.flapping()) {
          continue; // nothing to settle; forget() drops the state of a removed monitor
        }
        FlapRule rule = flapRules.apply(monitor);
        if (rule == null) {
          flaps.remove(monitor);
          continue;
        }
        FlapState.Step step = f.settle(now, rule);
        flaps.put(monitor, step.next());
        FlapState.Transition t = step.transition();
        if (t != null) {
          events.add(new IncidentEvent.FlappingChanged(monitor, t, now, step.next()));
        }
      }
    }
    announce(events);
  }

  /** When the next flapping monitor settles if nothing changes; MAX when none flaps. */
  public Instant nextSettle() {
    Instant next = Instant.MAX;
    for (Map.Entry<String, FlapState> e : flaps.entrySet()) {
      if (!e.getValue().flapping()) {
        continue;
      }
      FlapRule rule = flapRules.apply(e.getKey());
      Instant at = rule == null ? null : e.getValue().settlesAt(rule);
      if (at != null && at.isBefore(next)) {
        next = at;
      }
    }
    return next;
  }

  /** Counts a change between judged states (UP, DEGRADED, DOWN) for flap damping. */
  private Optional<IncidentEvent> flapChange(IncidentEvent.StateChanged c) {
    FlapRule rule = flapRules.apply(c.monitor());
    if (rule == null || !judged(c.transition().from()) || !judged(c.transition().to())) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    FlapState.Step step = flaps.getOrDefault(c.monitor(), FlapState.STEADY).change(now, rule);
    flaps.put(c.monitor(), step.next());
    FlapState.Transition t = step.transition();
    return t == null
        ? Optional.empty()
        : Optional.of(new IncidentEvent.FlappingChanged(c.monitor(), t, now, step.next()));
  }

  private static boolean judged(MonitorState s) {
    return s == MonitorState.UP || s == MonitorState.DOWN || s == MonitorState.DEGRADED;
  }

  private void announce(List<IncidentEvent> events) {
    for (IncidentEvent event : events) {
      for (Consumer<IncidentEvent> listener : listeners) {
        listener.accept(event);
      }
    }
  }

  private Object lock(String monitor) {
    return locks.computeIfAbsent(monitor, m -> new Object());
  }
}

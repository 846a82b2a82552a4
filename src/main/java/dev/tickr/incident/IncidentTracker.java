package dev.tickr.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Owns every monitor's runtime state: feeds outcomes through the {@link StateMachine}, makes each
 * change durable through the {@link StatusSink}, then tells the listeners. Outcomes of one monitor
 * are applied one at a time; different monitors never wait for each other.
 */
public final class IncidentTracker {
  private final StateMachine machine;
  private final StatusSink sink;
  private final Map<String, MonitorStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final List<Consumer<IncidentEvent>> listeners = new CopyOnWriteArrayList<>();

  public IncidentTracker(StateMachine machine, StatusSink sink) {
    this.machine = machine;
    this.sink = sink;
  }

  /** Takes back the state saved before a restart. */
  public void restore(Map<String, MonitorStatus> saved) {
    statuses.putAll(saved);
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
    locks.remove(monitor);
  }

  public MonitorStatus apply(String monitor, Outcome outcome, StateMachine.Thresholds thresholds) {
    synchronized (lock(monitor)) {
      MonitorStatus current = track(monitor, outcome.at());
      return commit(machine.apply(current, outcome, thresholds));
    }
  }

  public MonitorStatus pause(String monitor, Instant at) {
    synchronized (lock(monitor)) {
      return commit(machine.pause(track(monitor, at), at));
    }
  }

  public MonitorStatus resume(String monitor, Instant at) {
    synchronized (lock(monitor)) {
      return commit(machine.resume(track(monitor, at), at));
    }
  }

  /** Judges every monitor afresh: their streaks are forgotten ({@link StateMachine#afresh}). */
  public void afreshAll() {
    for (String monitor : statuses.keySet()) {
      synchronized (lock(monitor)) {
        MonitorStatus current = statuses.get(monitor);
        if (current != null) {
          commit(machine.afresh(current));
        }
      }
    }
  }

  /** One monitor's current state, if it is tracked. */
  public @Nullable MonitorStatus status(String monitor) {
    return statuses.get(monitor);
  }

  /** The current state of every tracked monitor. */
  public Map<String, MonitorStatus> snapshot() {
    return Map.copyOf(statuses);
  }

  private MonitorStatus commit(StateMachine.Step step) {
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
      }
    }
    sink.saveStatus(status);
    for (IncidentEvent event : step.events()) {
      for (Consumer<IncidentEvent> listener : listeners) {
        listener.accept(event);
      }
    }
    return status;
  }

  private Object lock(String monitor) {
    return locks.computeIfAbsent(monitor, m -> new Object());
  }
}

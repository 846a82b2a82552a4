package dev.tickr.incident;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every legal change of {@link MonitorState}. A change not listed here is a bug, and {@link
 * #between} refuses it.
 */
public enum Transition {
  PENDING_TO_UP(MonitorState.PENDING, MonitorState.UP),
  PENDING_TO_DEGRADED(MonitorState.PENDING, MonitorState.DEGRADED),
  PENDING_TO_DOWN(MonitorState.PENDING, MonitorState.DOWN),
  UP_TO_DEGRADED(MonitorState.UP, MonitorState.DEGRADED),
  UP_TO_DOWN(MonitorState.UP, MonitorState.DOWN),
  DEGRADED_TO_UP(MonitorState.DEGRADED, MonitorState.UP),
  DEGRADED_TO_DOWN(MonitorState.DEGRADED, MonitorState.DOWN),
  DOWN_TO_UP(MonitorState.DOWN, MonitorState.UP),
  DOWN_TO_DEGRADED(MonitorState.DOWN, MonitorState.DEGRADED),
  PENDING_TO_PAUSED(MonitorState.PENDING, MonitorState.PAUSED),
  UP_TO_PAUSED(MonitorState.UP, MonitorState.PAUSED),
  DEGRADED_TO_PAUSED(MonitorState.DEGRADED, MonitorState.PAUSED),
  DOWN_TO_PAUSED(MonitorState.DOWN, MonitorState.PAUSED),
  PAUSED_TO_PENDING(MonitorState.PAUSED, MonitorState.PENDING),
  // What a monitor is shown as when a maintenance window begins or ends: its judged state goes on
  // underneath (see IncidentEvent.ShownChanged).
  PENDING_TO_MAINTENANCE(MonitorState.PENDING, MonitorState.MAINTENANCE),
  UP_TO_MAINTENANCE(MonitorState.UP, MonitorState.MAINTENANCE),
  DEGRADED_TO_MAINTENANCE(MonitorState.DEGRADED, MonitorState.MAINTENANCE),
  DOWN_TO_MAINTENANCE(MonitorState.DOWN, MonitorState.MAINTENANCE),
  PAUSED_TO_MAINTENANCE(MonitorState.PAUSED, MonitorState.MAINTENANCE),
  MAINTENANCE_TO_PENDING(MonitorState.MAINTENANCE, MonitorState.PENDING),
  MAINTENANCE_TO_UP(MonitorState.MAINTENANCE, MonitorState.UP),
  MAINTENANCE_TO_DEGRADED(MonitorState.MAINTENANCE, MonitorState.DEGRADED),
  MAINTENANCE_TO_DOWN(MonitorState.MAINTENANCE, MonitorState.DOWN),
  MAINTENANCE_TO_PAUSED(MonitorState.MAINTENANCE, MonitorState.PAUSED);

  private static final Map<MonitorState, Map<MonitorState, Transition>> TABLE =
      new EnumMap<>(MonitorState.class);

  static {
    for (Transition t : values()) {
      TABLE.computeIfAbsent(t.from, k -> new EnumMap<>(MonitorState.class)).put(t.to, t);
    }
  }

  private final MonitorState from;
  private final MonitorState to;

  Transition(MonitorState from, MonitorState to) {
    this.from = from;
    this.to = to;
  }

  public MonitorState from() {
    return from;
  }

  public MonitorState to() {
    return to;
  }

  /** The legal transition, if any. */
  public static Optional<Transition> find(MonitorState from, MonitorState to) {
    Map<MonitorState, Transition> row = TABLE.get(from);
    return row == null ? Optional.empty() : Optional.ofNullable(row.get(to));
  }

  /**
   * @throws IllegalStateException when the change is not legal
   */
  public static Transition between(MonitorState from, MonitorState to) {
    return find(from, to)
        .orElseThrow(() -> new IllegalStateException("illegal transition " + from + " -> " + to));
  }
}

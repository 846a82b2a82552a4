package dev.tickr.incident;

import java.time.Instant;

/** What the state machine announces; alerts and the store react to these and nothing else. */
public sealed interface IncidentEvent {
  String monitor();

  Instant at();

  /** The monitor's state changed. */
  record StateChanged(String monitor, Transition transition, Instant at, MonitorStatus status)
      implements IncidentEvent {}

  /**
   * What the monitor is shown as changed while its judged state did not: a maintenance window began
   * or ended, or it was paused or resumed during one. Every such transition enters or leaves {@link
   * MonitorState#MAINTENANCE}.
   */
  record ShownChanged(String monitor, Transition transition, Instant at, ShownState shown)
      implements IncidentEvent {}

  /**
   * The monitor started flapping (its judged state changed too often) or settled. Told before the
   * judged change that made it flap, so alerts about that change already know.
   */
  record FlappingChanged(
      String monitor, FlapState.Transition transition, Instant at, FlapState flap)
      implements IncidentEvent {}

  /** The monitor went DOWN: an incident begins (at the first failure of the streak). */
  record IncidentOpened(Incident incident, Instant at) implements IncidentEvent {
    @Override
    public String monitor() {
      return incident.monitor();
    }
  }

  /** The monitor recovered: the incident is over. */
  record IncidentResolved(Incident incident, Instant at) implements IncidentEvent {
    @Override
    public String monitor() {
      return incident.monitor();
    }
  }
}

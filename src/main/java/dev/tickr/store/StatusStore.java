package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
import java.util.Map;

/**
 * What the incident tracker makes durable before it announces anything: each monitor's state, its
 * incidents and their ids.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface StatusStore {
  /** Saves a monitor's state, replacing the last one; durable when this returns. */
  void saveStatus(MonitorStatus s);

  /** The last saved state of every monitor. */
  Map<String, MonitorStatus> loadStatuses();

  /** A new incident id, higher than every one handed out before, across restarts. */
  long nextIncidentId();

  /** Saves an incident, replacing one with the same id; durable when this returns. */
  void saveIncident(Incident i);
}

package dev.tickr.store;

import dev.tickr.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Incidents as people and the alerting engine see them: reads, acknowledgements, the maintenance
 * flag and notes.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface IncidentStore {
  Optional<Incident> incident(long id);

  /** A monitor's incidents overlapping {@code [from, to)}, newest first. */
  List<Incident> incidents(String monitor, Instant from, Instant to);

  /** Every incident not yet resolved, newest first. */
  List<Incident> openIncidents();

  /**
   * Notes that someone acknowledged an incident: renotify and escalation stop. Durable when this
   * returns; the first acknowledgement stays.
   *
   * @return whether the incident exists and had not been acknowledged before
   */
  boolean acknowledge(long incidentId, Instant at, String by);

  /** Marks an incident as opened during maintenance; durable when this returns. */
  void markMaintenance(long incidentId);

  /** An incident with its acknowledgement and maintenance flag. */
  Optional<IncidentRow> incidentRow(long id);

  /** The newest incidents first, at most {@code limit}; only unresolved ones when {@code open}. */
  List<IncidentRow> incidentRows(boolean open, int limit);

  void addNote(IncidentNote note);

  /** An incident's notes, oldest first. */
  List<IncidentNote> notes(long incidentId);
}

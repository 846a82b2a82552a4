package dev.tickr.alert;

import dev.tickr.incident.Incident;
import dev.tickr.store.AlertRow;
import dev.tickr.store.AlertStore;
import dev.tickr.store.IncidentRow;
import dev.tickr.store.IncidentStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine remembers of one open incident: which channels were told it is DOWN and when (for
 * their reminders and the UP later), which alerts were decided, and whether someone acknowledged
 * it. Rebuilt from the store after a restart. Guarded by the engine's lock.
 */
final class OpenIncident {
  final Incident incident;
  final Map<String, Instant> downAt = new LinkedHashMap<>();
  final Set<String> decided = new HashSet<>();
  boolean acknowledged;
  boolean maintenance;

  OpenIncident(Incident incident) {
    this.incident = incident;
  }

  /** An open incident as the store knows it, with the alerts decided about it before. */
  static OpenIncident load(Incident incident, AlertStore alerts, IncidentStore incidents) {
    OpenIncident oi = new OpenIncident(incident);
    for (AlertRow row : alerts.alertsOfIncident(incident.id())) {
      oi.decided.add(row.id());
      if (row.event().equals(AlertEvent.DOWN.wire())) {
        oi.downAt.putIfAbsent(row.channel(), row.createdAt());
      }
    }
    Optional<IncidentRow> notes = incidents.incidentRow(incident.id());
    oi.acknowledged = notes.map(IncidentRow::acknowledged).orElse(false);
    oi.maintenance = notes.map(IncidentRow::maintenance).orElse(false);
    return oi;
  }

  long id() {
    return incident.id();
  }

  String monitor() {
    return incident.monitor();
  }
}

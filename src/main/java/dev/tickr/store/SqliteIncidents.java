package dev.tickr.store;

import dev.tickr.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link IncidentStore} in SQLite: incidents read, acknowledged and noted. */
final class SqliteIncidents implements IncidentStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteIncidents(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public Optional<Incident> incident(long id) {
    return reads.read("incident " + id, c -> Queries.incident(c, id));
  }

  @Override
  public List<Incident> incidents(String monitor, Instant from, Instant to) {
    return reads.read("incidents of " + monitor, c -> Queries.incidents(c, monitor, from, to));
  }

  @Override
  public List<Incident> openIncidents() {
    return reads.read("open incidents", Queries::openIncidents);
  }

  @Override
  public boolean acknowledge(long incidentId, Instant at, String by) {
    return Boolean.TRUE.equals(writer().call(c -> Updates.acknowledge(c, incidentId, at, by)));
  }

  @Override
  public void markMaintenance(long incidentId) {
    writer().execute(c -> Updates.markMaintenance(c, incidentId));
  }

  @Override
  public Optional<IncidentRow> incidentRow(long id) {
    return reads.read("incident " + id, c -> Queries.incidentRow(c, id));
  }

  @Override
  public List<IncidentRow> incidentRows(boolean open, int limit) {
    return reads.read("incidents", c -> Queries.incidentRows(c, open, limit));
  }

  @Override
  public void addNote(IncidentNote note) {
    var unused =
        writer()
            .call(
                c -> {
                  ApiTables.addNote(c, note);
                  return Boolean.TRUE;
                });
  }

  @Override
  public List<IncidentNote> notes(long incidentId) {
    return reads.read("notes of incident " + incidentId, c -> ApiTables.notes(c, incidentId));
  }

  private Writer writer() {
    return db.writer();
  }
}

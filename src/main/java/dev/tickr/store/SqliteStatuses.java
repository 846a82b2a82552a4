package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
import java.util.Map;
import java.util.Objects;

/**
 * {@link StatusStore} in SQLite: monitor states, incidents and incident ids as the tracker saves
 * them.
 */
final class SqliteStatuses implements StatusStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteStatuses(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public void saveStatus(MonitorStatus s) {
    writer().execute(c -> Updates.saveStatus(c, s));
  }

  @Override
  public Map<String, MonitorStatus> loadStatuses() {
    return reads.read("monitor states", Queries::statuses);
  }

  @Override
  public long nextIncidentId() {
    return Objects.requireNonNull(writer().call(c -> Updates.next(c, "incident")));
  }

  @Override
  public void saveIncident(Incident i) {
    writer().execute(c -> Updates.saveIncident(c, i));
  }

  private Writer writer() {
    return db.writer();
  }
}

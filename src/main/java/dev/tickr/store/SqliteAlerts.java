package dev.tickr.store;

import java.util.List;
import java.util.Optional;

/** {@link AlertStore} in SQLite: the alerts decided for each channel. */
final class SqliteAlerts implements AlertStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteAlerts(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public boolean holdAlert(AlertRow alert) {
    return Boolean.TRUE.equals(writer().call(c -> AlertTables.holdAlert(c, alert)));
  }

  @Override
  public List<AlertRow> heldAlerts() {
    return reads.read("held alerts", AlertTables::heldAlerts);
  }

  @Override
  public List<AlertRow> alertsOfIncident(long incidentId) {
    return reads.read(
        "alerts of incident " + incidentId, c -> AlertTables.alertsOfIncident(c, incidentId));
  }

  @Override
  public Optional<AlertRow> alert(String id) {
    return reads.read("alert " + id, c -> AlertTables.alert(c, id));
  }

  private Writer writer() {
    return db.writer();
  }
}

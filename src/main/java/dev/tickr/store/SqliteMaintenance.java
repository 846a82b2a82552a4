package dev.tickr.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@link MaintenanceStore} in SQLite: the monitors in a maintenance window. */
final class SqliteMaintenance implements MaintenanceStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteMaintenance(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public void replaceMaintenance(Collection<MaintenanceMark> marks) {
    List<MaintenanceMark> copy = List.copyOf(marks);
    writer().execute(c -> AlertTables.replaceMaintenance(c, copy));
  }

  @Override
  public Map<String, MaintenanceMark> maintenance() {
    return reads.read("maintenance", AlertTables::maintenance);
  }

  private Writer writer() {
    return db.writer();
  }
}

package dev.tickr.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** {@link CatalogueStore} in SQLite: the monitor catalogue, written in one transaction per call. */
final class SqliteCatalogue implements CatalogueStore {
  private final SqliteAccess db;
  private final ReadPool reads;
  private final Clock clock;

  SqliteCatalogue(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
    this.clock = db.clock();
  }

  @Override
  public void upsertMonitor(MonitorRow m) {
    Instant now = clock.instant();
    writer().execute(c -> Updates.upsertMonitors(c, List.of(m), now));
  }

  @Override
  public void upsertMonitors(List<MonitorRow> monitors) {
    Instant now = clock.instant();
    writer().execute(c -> Updates.upsertMonitors(c, monitors, now));
  }

  @Override
  public void upsertMonitorsQueued(Supplier<List<MonitorRow>> monitors) {
    Instant now = clock.instant();
    writer()
        .executeQueued("writing the monitors", c -> Updates.upsertMonitors(c, monitors.get(), now));
  }

  @Override
  public void retireMonitor(String name, Instant at) {
    writer().execute(c -> Updates.retireMonitor(c, name, at));
  }

  @Override
  public List<MonitorRow> monitors() {
    return reads.read("monitors", Queries::monitors);
  }

  private Writer writer() {
    return db.writer();
  }
}

package dev.tickr.store;

import java.util.Map;

/** {@link PauseStore} in SQLite: monitors paused through the REST API. */
final class SqlitePauses implements PauseStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqlitePauses(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public Map<String, Pause> pauses() {
    return reads.read("pauses", ApiTables::pauses);
  }

  @Override
  public boolean pause(Pause pause) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.pause(c, pause)));
  }

  @Override
  public boolean resume(String monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.resume(c, monitor)));
  }

  private Writer writer() {
    return db.writer();
  }
}

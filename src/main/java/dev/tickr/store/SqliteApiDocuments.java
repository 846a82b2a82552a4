package dev.tickr.store;

import java.util.List;

/** {@link ApiDocumentStore} in SQLite: what the REST API created, each as its document. */
final class SqliteApiDocuments implements ApiDocumentStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteApiDocuments(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public List<ApiDocument> apiMonitors() {
    return reads.read("API monitors", ApiTables::monitors);
  }

  @Override
  public boolean insertApiMonitor(ApiDocument monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertMonitor(c, monitor)));
  }

  @Override
  public boolean updateApiMonitor(ApiDocument monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.updateMonitor(c, monitor)));
  }

  @Override
  public boolean deleteApiMonitor(String name) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteMonitor(c, name)));
  }

  @Override
  public List<ApiDocument> apiMaintenance() {
    return reads.read("API maintenance windows", ApiTables::maintenance);
  }

  @Override
  public boolean insertApiMaintenance(ApiDocument window) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertMaintenance(c, window)));
  }

  @Override
  public boolean deleteApiMaintenance(String name) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteMaintenance(c, name)));
  }

  @Override
  public List<ApiDocument> apiStatusPages() {
    return reads.read("API status pages", ApiTables::statusPages);
  }

  @Override
  public boolean insertApiStatusPage(ApiDocument page) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertStatusPage(c, page)));
  }

  @Override
  public boolean updateApiStatusPage(ApiDocument page) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.updateStatusPage(c, page)));
  }

  @Override
  public boolean deleteApiStatusPage(String slug) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteStatusPage(c, slug)));
  }

  private Writer writer() {
    return db.writer();
  }
}

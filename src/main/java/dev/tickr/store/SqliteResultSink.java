package dev.tickr.store;

/** {@link ResultSink} in SQLite: results handed to the writer, which writes them in batches. */
final class SqliteResultSink implements ResultSink {
  private final SqliteAccess db;

  SqliteResultSink(SqliteAccess db) {
    this.db = db;
  }

  @Override
  public void append(CheckRecord r) {
    Writer w = writer();
    try {
      long unused = Math.max(r.plannedAt().toEpochMilli(), r.startedAt().toEpochMilli());
    } catch (ArithmeticException e) {
      // refused here, where the caller hears of it, rather than failing the writer's whole batch
      throw new IllegalArgumentException("monitor=" + r.monitor() + ": time out of range", e);
    }
    w.append(r);
  }

  @Override
  public void flush() {
    writer().flush();
  }

  private Writer writer() {
    return db.writer();
  }
}

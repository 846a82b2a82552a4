package dev.tickr.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Everything SQLite-specific, kept here so a PostgreSQL store can share the rest (migrations, SQL,
 * rollup math): how connections are opened and set up, and the migrations' type placeholders.
 *
 * <p>WAL lets readers in other processes read while the daemon writes. {@code synchronous=NORMAL}
 * makes each commit survive the process being killed (the commit is in the WAL file when it
 * returns), though not necessarily a power cut that comes before the next checkpoint.
 */
final class Sqlite {
  static {
    NativeScratch.prepare(); // before the first connection loads the native library
  }

  /**
   * The migrations' dialect placeholders; PostgreSQL would say {@code bytea} and nothing. A rollup
   * table WITHOUT ROWID keeps its rows in its primary key, instead of in a table plus an index.
   */
  static final Map<String, String> PLACEHOLDERS =
      Map.of("blob", "BLOB", "without_rowid", "WITHOUT ROWID");

  private static final int BUSY_TIMEOUT_MS = 10_000;

  private Sqlite() {}

  /** The connections that write: the migrations' and the writer thread's. */
  static SQLiteDataSource writable(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url(file));
    return ds;
  }

  /** A connection that can only read: SQLite itself refuses writes on it. */
  static Connection readOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    return config.createConnection(url(file));
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}

package dev.tickr.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The schema, by Flyway from {@code db/migration} (shared by every dialect, which only fills in its
 * placeholders). Only a store that writes migrates; a read-only one checks that someone has.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";
  static final String HISTORY_TABLE = "flyway_schema_history";

  /**
   * The newest migration's version: a database that has applied it, and no failed one, is up to
   * date and Flyway is not started (it costs a fifth of a second of start-up). A test holds this to
   * the files in {@code db/migration}.
   */
  static final int LATEST = 18;

  private Migrations() {}

  static void migrate(DataSource dataSource, Map<String, String> placeholders, Path file) {
    Applied applied = applied(dataSource);
    refuseNewer(applied.newest(), file);
    if (applied.newest() == LATEST && applied.failed() == 0) {
      return;
    }
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          .placeholders(placeholders)
          .failOnMissingLocations(true)
          .validateMigrationNaming(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot bring the database " + file + " up to date: " + e, e);
    }
  }

  /**
   * Refuses a database a newer Tickr has migrated: this binary does not know its schema, and
   * writing to it could lose what the newer one keeps.
   */
  static void refuseNewer(int newest, Path file) {
    if (newest > LATEST) {
      throw new StoreException(
          "the database "
              + file
              + " has schema version "
              + newest
              + ", newer than this Tickr knows (up to "
              + LATEST
              + "): a newer Tickr has used it. Run that version (or newer), or restore a backup"
              + " taken before the upgrade (tickr restore); nothing was changed");
    }
  }

  /** The newest migration applied, and how many failed; -1 and 0 when unreadable. */
  record Applied(int newest, int failed) {}

  /**
   * Loads Flyway and the SQLite driver's native library ahead of {@link #migrate}, so a thread with
   * nothing else to do can take that time off start-up. Failures are left for the real open to
   * report.
   */
  static void warmUp() {
    try {
      Flyway.configure(Migrations.class.getClassLoader()).locations(LOCATION).table(HISTORY_TABLE);
      NativeScratch.prepare();
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // the real open reports it
    }
  }

  /** Whether the database has applied {@link #LATEST} and nothing failed; false when unsure. */
  static boolean current(DataSource dataSource) {
    Applied applied = applied(dataSource);
    return applied.newest() == LATEST && applied.failed() == 0;
  }

  static Applied applied(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return applied(c);
    } catch (SQLException e) {
      return new Applied(-1, 0); // a new file, or not ours: Flyway says what it is
    }
  }

  /** The newest migration applied on {@code c}, and how many failed. */
  static Applied applied(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX(CASE WHEN success = 1 THEN CAST(version AS INTEGER) END),"
                    + " SUM(CASE WHEN success = 1 THEN 0 ELSE 1 END) FROM "
                    + HISTORY_TABLE)) {
      return rs.next() ? new Applied(rs.getInt(1), rs.getInt(2)) : new Applied(-1, 0);
    }
  }

  /** Fails unless the database has been migrated at least once. */
  static void requireSchema(Connection c, Path file) {
    requireSchema(c, file, true);
  }

  /**
   * Fails unless the database has been migrated at least once, and (when {@code known}) by no newer
   * Tickr than this one.
   */
  static void requireSchema(Connection c, Path file, boolean known) {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM " + HISTORY_TABLE + " WHERE success = 1")) {
      if (rs.next() && rs.getLong(1) > 0) {
        try {
          if (known) {
            refuseNewer(applied(c).newest(), file);
          }
        } catch (SQLException e) {
          // counted above: the table is there
        }
        return;
      }
    } catch (SQLException e) {
      throw new StoreException(
          file + " is not a Tickr database (has `tickr run` ever used it?): " + e.getMessage(), e);
    }
    throw new StoreException(file + " has no Tickr schema yet (has `tickr run` ever used it?)");
  }
}

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

  private Migrations() {}

  static void migrate(DataSource dataSource, Map<String, String> placeholders, Path file) {
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
   * Loads Flyway and the SQLite driver's native library ahead of {@link #migrate}, so a thread with
   * nothing else to do can take that time off start-up. Failures are left for the real open to
   * report.
   */
  static void warmUp() {
    try {
      Flyway.configure(Migrations.class.getClassLoader()).locations(LOCATION).table(HISTORY_TABLE);
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // the real open reports it
    }
  }

  /** Fails unless the database has been migrated at least once. */
  static void requireSchema(Connection c, Path file) {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM " + HISTORY_TABLE + " WHERE success = 1")) {
      if (rs.next() && rs.getLong(1) > 0) {
        return;
      }
    } catch (SQLException e) {
      throw new StoreException(
          file + " is not a Tickr database (has `tickr run` ever used it?): " + e.getMessage(), e);
    }
    throw new StoreException(file + " has no Tickr schema yet (has `tickr run` ever used it?)");
  }
}

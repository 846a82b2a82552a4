package dev.tickr.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a data directory's database while the daemon may be writing to it ({@code
 * VACUUM INTO}: one read transaction, so the copy holds every write committed before it began and
 * none after, and the daemon's writes go on meanwhile), and the checks a restore makes: {@code
 * PRAGMA integrity_check}, the schema version, whether a process has the database open.
 */
public final class SqliteBackup {
  private SqliteBackup() {}

  /** What a copy holds. */
  public record Copy(Path file, int schemaVersion) {}

  /**
   * Copies {@code dataDir}'s database to {@code target}, which must not exist yet.
   *
   * @throws StoreException when there is no Tickr database there or it cannot be read
   */
  public static Copy copy(Path dataDir, Path target) {
    Path file = dataDir.resolve(SqliteStore.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new StoreException(
          "no Tickr database at " + file + " (has `tickr run` used this data directory?)");
    }
    try (Connection c = Sqlite.readOnly(file)) {
      Migrations.requireSchema(c, file, false); // a newer Tickr's database is copied as it is
      int version = Migrations.applied(c).newest();
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      return new Copy(target, version);
    } catch (SQLException e) {
      throw new StoreException("cannot copy " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks a database file: {@code PRAGMA integrity_check} and a Tickr schema this binary knows.
   *
   * @return the schema version
   * @throws StoreException naming what is wrong
   */
  public static int verify(Path file) {
    return verify(file, true);
  }

  /**
   * {@link #verify(Path)}; with {@code known} false, a schema of a newer Tickr passes too (a backup
   * copies what it finds).
   */
  public static int verify(Path file, boolean known) {
    try (Connection c = Sqlite.readOnly(file)) {
      List<String> problems = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          String row = rs.getString(1);
          if (!"ok".equals(row)) {
            problems.add(row);
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new StoreException(
            file + " is damaged (PRAGMA integrity_check): " + String.join("; ", problems));
      }
      Migrations.requireSchema(c, file, known);
      return Migrations.applied(c).newest();
    } catch (SQLException e) {
      throw new StoreException(file + " is not a readable SQLite database: " + e.getMessage(), e);
    }
  }

  /** The newest schema version this binary knows. */
  public static int knownSchema() {
    return Migrations.LATEST;
  }

  /**
   * Whether a process (this one included) has {@code dataDir}'s database open: it takes the file's
   * exclusive lock for a moment, which any open connection of a running daemon prevents.
   */
  public static boolean inUse(Path dataDir) {
    Path file = dataDir.resolve(SqliteStore.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    config.setBusyTimeout(0);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      s.execute("ROLLBACK");
      return false;
    } catch (SQLException e) {
      return true;
    }
  }
}

package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The writes other than results, each run by the {@link Writer} in its own transaction. */
final class Updates {
  private Updates() {}

  /** Rows a single upsert statement carries: 10,000 monitors take 50 statements, not 10,000. */
  private static final int UPSERT_ROWS = 200;

  /** Inserts or updates each monitor's row, many rows a statement. */
  static void upsertMonitors(Connection c, List<MonitorRow> monitors, Instant now)
      throws SQLException {
    for (int from = 0; from < monitors.size(); from += UPSERT_ROWS) {
      List<MonitorRow> chunk =
          monitors.subList(from, Math.min(monitors.size(), from + UPSERT_ROWS));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO monitors (name, type, source, target, interval_us, tags, updated_at,"
                  + " retired_at) VALUES ");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, NULL)");
      }
      sql.append(
          " ON CONFLICT (name) DO UPDATE"
              + " SET type = excluded.type, source = excluded.source, target = excluded.target,"
              + " interval_us = excluded.interval_us, tags = excluded.tags,"
              + " updated_at = excluded.updated_at, retired_at = NULL");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        for (MonitorRow m : chunk) {
          ps.setString(p++, m.name());
          ps.setString(p++, m.type());
          ps.setString(p++, m.source());
          ps.setString(p++, m.target());
          ps.setLong(p++, Columns.micros(m.interval()));
          ps.setString(p++, Json.tags(m.tags()));
          ps.setLong(p++, now.toEpochMilli());
        }
        ps.executeUpdate();
      }
    }
  }

  static void retireMonitor(Connection c, String name, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE monitors SET retired_at = ?, updated_at = ?"
                + " WHERE name = ? AND retired_at IS NULL")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setLong(2, at.toEpochMilli());
      ps.setString(3, name);
      ps.executeUpdate();
    }
  }

  static void saveStatus(Connection c, MonitorStatus s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO monitor_status (monitor, state, since, failures, successes, streak_start,"
                + " first_failure, incident, last_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (monitor) DO UPDATE SET state = excluded.state,"
                + " since = excluded.since, failures = excluded.failures,"
                + " successes = excluded.successes, streak_start = excluded.streak_start,"
                + " first_failure = excluded.first_failure, incident = excluded.incident,"
                + " last_check = excluded.last_check")) {
      ps.setString(1, s.monitor());
      ps.setString(2, s.state().name());
      ps.setLong(3, s.since().toEpochMilli());
      ps.setInt(4, s.failures());
      ps.setInt(5, s.successes());
      Columns.setText(ps, 6, Json.outcome(s.streakStart()));
      Columns.setText(ps, 7, Json.outcome(s.firstFailure()));
      Columns.setText(ps, 8, Json.incident(s.incident()));
      Columns.setMillis(ps, 9, s.lastCheck());
      ps.executeUpdate();
    }
  }

  static void saveIncident(Connection c, Incident i) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO incidents (id, monitor, started_at, ended_at, reason, detail, evidence)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " monitor = excluded.monitor, started_at = excluded.started_at,"
                + " ended_at = excluded.ended_at, reason = excluded.reason,"
                + " detail = excluded.detail, evidence = excluded.evidence")) {
      ps.setLong(1, i.id());
      ps.setString(2, i.monitor());
      ps.setLong(3, i.startedAt().toEpochMilli());
      Columns.setMillis(ps, 4, i.endedAt());
      ps.setString(5, i.reason().code());
      ps.setString(6, i.detail());
      ps.setString(7, Json.evidenceText(i.evidence()));
      ps.executeUpdate();
    }
  }

  /**
   * Notes who acknowledged an open or closed incident; the first acknowledgement stays.
   *
   * @return whether the incident exists and was not acknowledged before
   */
  static boolean acknowledge(Connection c, long id, Instant at, String by) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE incidents SET acknowledged_at = ?, acknowledged_by = ?"
                + " WHERE id = ? AND acknowledged_at IS NULL")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setString(2, by);
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  static void markMaintenance(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE incidents SET maintenance = 1 WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  /** The next value of a counter; the counter row comes with the migrations. */
  static long next(Connection c, String counter) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE counters SET value = value + 1 WHERE name = ?")) {
      ps.setString(1, counter);
      if (ps.executeUpdate() != 1) {
        throw new StoreException("no counter " + counter);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM counters WHERE name = ?")) {
      ps.setString(1, counter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Deletes what each retention no longer keeps and records how far each kind is complete. Deletes
   * monitor by monitor, along the (monitor, time) indexes, so an hourly prune does not read every
   * row.
   */
  static void prune(Connection c, Retention retention, Instant now) throws SQLException {
    delete(c, "results", "started_at", now.minus(retention.raw()));
    delete(c, "rollup_minute", "bucket_start", now.minus(retention.minuteRollups()));
    delete(c, "rollup_day", "bucket_start", now.minus(retention.dayRollups()));
    AlertTables.prune(c, now.minus(retention.raw()), now.minus(retention.dayRollups()));
    MetricRows.prune(c, retention, now);
  }

  private static void delete(Connection c, String table, String column, Instant before)
      throws SQLException {
    long cutoff = Columns.ceilMillis(before);
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE monitor = ? AND " + column + " < ?")) {
      for (String monitor : monitors(c, table)) {
        ps.setString(1, monitor);
        ps.setLong(2, cutoff);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (cutoff > Horizons.read(c).of(table)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO prune_horizons (kind, horizon) VALUES (?, ?)"
                  + " ON CONFLICT (kind) DO UPDATE SET horizon = excluded.horizon")) {
        ps.setString(1, table);
        ps.setLong(2, cutoff);
        ps.executeUpdate();
      }
    }
  }

  /** The monitors with rows in {@code table}: one index seek per monitor (a loose index scan). */
  private static List<String> monitors(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "WITH RECURSIVE m (name) AS (SELECT MIN(monitor) FROM "
                    + table
                    + " UNION ALL SELECT (SELECT MIN(monitor) FROM "
                    + table
                    + " WHERE monitor > m.name) FROM m WHERE m.name IS NOT NULL)"
                    + " SELECT name FROM m WHERE name IS NOT NULL")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

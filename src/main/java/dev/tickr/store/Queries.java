package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads other than results and figures, on a read-only connection. */
final class Queries {
  private static final String INCIDENT_COLUMNS =
      "SELECT id, monitor, started_at, ended_at, reason, detail, evidence FROM incidents";

  private Queries() {}

  static List<MonitorRow> monitors(Connection c) throws SQLException {
    List<MonitorRow> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, type, source, target, interval_us, tags FROM monitors"
                    + " WHERE retired_at IS NULL ORDER BY name")) {
      while (rs.next()) {
        rows.add(
            new MonitorRow(
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getString("target"),
                Columns.duration(rs.getLong("interval_us")),
                Json.tags(rs.getString("tags"))));
      }
    }
    return rows;
  }

  static Map<String, MonitorStatus> statuses(Connection c) throws SQLException {
    Map<String, MonitorStatus> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM monitor_status")) {
      while (rs.next()) {
        MonitorStatus status =
            new MonitorStatus(
                rs.getString("monitor"),
                MonitorState.valueOf(rs.getString("state")),
                Columns.millis(rs, "since"),
                rs.getInt("failures"),
                rs.getInt("successes"),
                Json.outcome(rs.getString("streak_start")),
                Json.outcome(rs.getString("first_failure")),
                Json.incident(rs.getString("incident")),
                Columns.nullableMillis(rs, "last_check"));
        out.put(status.monitor(), status);
      }
    }
    return out;
  }

  static Optional<Incident> incident(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INCIDENT_COLUMNS + " WHERE id = ?")) {
      ps.setLong(1, id);
      List<Incident> found = incidents(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  static List<Incident> incidents(Connection c, String monitor, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            INCIDENT_COLUMNS
                + " WHERE monitor = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?)"
                + " ORDER BY started_at DESC, id DESC")) {
      ps.setString(1, monitor);
      ps.setLong(2, Columns.ceilMillis(to));
      ps.setLong(3, Columns.ceilMillis(from));
      return incidents(ps);
    }
  }

  static List<Incident> openIncidents(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            INCIDENT_COLUMNS + " WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC")) {
      return incidents(ps);
    }
  }

  private static final String INCIDENT_ROW_COLUMNS =
      "SELECT id, monitor, started_at, ended_at, reason, detail, evidence, acknowledged_at,"
          + " acknowledged_by, maintenance FROM incidents";

  static Optional<IncidentRow> incidentRow(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INCIDENT_ROW_COLUMNS + " WHERE id = ?")) {
      ps.setLong(1, id);
      List<IncidentRow> found = incidentRows(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** The newest incidents first, at most {@code limit}; only open ones when {@code openOnly}. */
  static List<IncidentRow> incidentRows(Connection c, boolean openOnly, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            INCIDENT_ROW_COLUMNS
                + (openOnly ? " WHERE ended_at IS NULL" : "")
                + " ORDER BY started_at DESC, id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      return incidentRows(ps);
    }
  }

  private static List<IncidentRow> incidentRows(PreparedStatement ps) throws SQLException {
    List<IncidentRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new IncidentRow(
                incident(rs),
                Columns.nullableMillis(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                rs.getInt("maintenance") != 0));
      }
    }
    return out;
  }

  private static Incident incident(ResultSet rs) throws SQLException {
    return new Incident(
        rs.getLong("id"),
        rs.getString("monitor"),
        Columns.millis(rs, "started_at"),
        Columns.nullableMillis(rs, "ended_at"),
        Json.reason(rs.getString("reason")),
        rs.getString("detail"),
        Json.evidence(rs.getString("evidence")));
  }

  private static List<Incident> incidents(PreparedStatement ps) throws SQLException {
    List<Incident> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(incident(rs));
      }
    }
    return out;
  }
}

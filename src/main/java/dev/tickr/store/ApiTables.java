package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of what the REST API creates: monitors, maintenance windows, status pages, pauses, incident
 * notes.
 */
final class ApiTables {
  private ApiTables() {}

  static List<ApiDocument> monitors(Connection c) throws SQLException {
    return documents(
        c,
        "SELECT name, document, created_at, created_by, updated_at, updated_by"
            + " FROM api_monitors ORDER BY name");
  }

  static List<ApiDocument> statusPages(Connection c) throws SQLException {
    return documents(
        c,
        "SELECT slug, document, created_at, created_by, updated_at, updated_by"
            + " FROM api_status_pages ORDER BY created_at, slug");
  }

  private static List<ApiDocument> documents(Connection c, String sql) throws SQLException {
    List<ApiDocument> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ApiDocument(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6)));
      }
    }
    return out;
  }

  /** Inserts a new monitor; false when one of that name exists. */
  static boolean insertMonitor(Connection c, ApiDocument d) throws SQLException {
    return insert(c, "api_monitors", "name", d);
  }

  /** Replaces a monitor's document, keeping when and by whom it was created; false when absent. */
  static boolean updateMonitor(Connection c, ApiDocument d) throws SQLException {
    return update(c, "api_monitors", "name", d);
  }

  static boolean deleteMonitor(Connection c, String name) throws SQLException {
    return delete(c, "DELETE FROM api_monitors WHERE name = ?", name);
  }

  /** Inserts a new status page; false when one of that slug exists. */
  static boolean insertStatusPage(Connection c, ApiDocument d) throws SQLException {
    return insert(c, "api_status_pages", "slug", d);
  }

  /** Replaces a status page's document, keeping when and by whom it was made; false when absent. */
  static boolean updateStatusPage(Connection c, ApiDocument d) throws SQLException {
    return update(c, "api_status_pages", "slug", d);
  }

  static boolean deleteStatusPage(Connection c, String slug) throws SQLException {
    return delete(c, "DELETE FROM api_status_pages WHERE slug = ?", slug);
  }

  /**
   * A new row of a document table ({@code api_monitors}, {@code api_status_pages}: constants, never
   * input); false when its key exists.
   */
  private static boolean insert(Connection c, String table, String key, ApiDocument d)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + key
                + ", document, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("
                + key
                + ") DO NOTHING")) {
      ps.setString(1, d.name());
      ps.setString(2, d.document());
      ps.setLong(3, d.createdAt().toEpochMilli());
      ps.setString(4, d.createdBy());
      ps.setLong(5, d.updatedAt().toEpochMilli());
      ps.setString(6, d.updatedBy());
      return ps.executeUpdate() == 1;
    }
  }

  /** A document table's row replaced but for its creation; false when its key is absent. */
  private static boolean update(Connection c, String table, String key, ApiDocument d)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET document = ?, updated_at = ?, updated_by = ? WHERE "
                + key
                + " = ?")) {
      ps.setString(1, d.document());
      ps.setLong(2, d.updatedAt().toEpochMilli());
      ps.setString(3, d.updatedBy());
      ps.setString(4, d.name());
      return ps.executeUpdate() == 1;
    }
  }

  static List<ApiDocument> maintenance(Connection c) throws SQLException {
    List<ApiDocument> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, document, created_at, created_by FROM api_maintenance ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instant created = Instant.ofEpochMilli(rs.getLong(3));
        out.add(
            new ApiDocument(
                rs.getString(1),
                rs.getString(2),
                created,
                rs.getString(4),
                created,
                rs.getString(4)));
      }
    }
    return out;
  }

  static boolean insertMaintenance(Connection c, ApiDocument d) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO api_maintenance (name, document, created_at, created_by)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
      ps.setString(1, d.name());
      ps.setString(2, d.document());
      ps.setLong(3, d.createdAt().toEpochMilli());
      ps.setString(4, d.createdBy());
      return ps.executeUpdate() == 1;
    }
  }

  static boolean deleteMaintenance(Connection c, String name) throws SQLException {
    return delete(c, "DELETE FROM api_maintenance WHERE name = ?", name);
  }

  static Map<String, Pause> pauses(Connection c) throws SQLException {
    Map<String, Pause> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT monitor, paused_at, paused_by FROM monitor_pauses");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Pause p = new Pause(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3));
        out.put(p.monitor(), p);
      }
    }
    return out;
  }

  /** Pauses a monitor; false when it already was. */
  static boolean pause(Connection c, Pause p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO monitor_pauses (monitor, paused_at, paused_by) VALUES (?, ?, ?)"
                + " ON CONFLICT (monitor) DO NOTHING")) {
      ps.setString(1, p.monitor());
      ps.setLong(2, p.at().toEpochMilli());
      ps.setString(3, p.by());
      return ps.executeUpdate() == 1;
    }
  }

  static boolean resume(Connection c, String monitor) throws SQLException {
    return delete(c, "DELETE FROM monitor_pauses WHERE monitor = ?", monitor);
  }

  static void addNote(Connection c, IncidentNote n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO incident_notes (id, incident_id, at, author, body, is_public)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, n.id());
      ps.setLong(2, n.incidentId());
      ps.setLong(3, n.at().toEpochMilli());
      ps.setString(4, n.author());
      ps.setString(5, n.text());
      ps.setInt(6, n.visible() ? 1 : 0);
      ps.executeUpdate();
    }
  }

  static List<IncidentNote> notes(Connection c, long incidentId) throws SQLException {
    List<IncidentNote> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, incident_id, at, author, body, is_public FROM incident_notes"
                + " WHERE incident_id = ? ORDER BY at, id")) {
      ps.setLong(1, incidentId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new IncidentNote(
                  rs.getString(1),
                  rs.getLong(2),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6) != 0));
        }
      }
    }
    return out;
  }

  static Map<String, List<DayUptime>> days(
      Connection c, java.util.Collection<String> monitors, Instant from) throws SQLException {
    Map<String, List<DayUptime>> out = new LinkedHashMap<>();
    if (monitors.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(monitors.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT monitor, bucket_start, checks, failed, degraded FROM rollup_day"
                + " WHERE bucket_start >= ? AND monitor IN ("
                + marks
                + ") ORDER BY monitor, bucket_start")) {
      ps.setLong(1, from.toEpochMilli());
      int i = 2;
      for (String m : monitors) {
        ps.setString(i++, m);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new DayUptime(
                      Instant.ofEpochMilli(rs.getLong(2))
                          .atZone(java.time.ZoneOffset.UTC)
                          .toLocalDate(),
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getLong(5)));
        }
      }
    }
    return out;
  }

  private static boolean delete(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      return ps.executeUpdate() > 0;
    }
  }
}

package dev.tickr.importer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Uptime Kuma's monitors, notifications, proxies and status pages, read alike from its 1.x JSON
 * backup or its SQLite database ({@code kuma.db}, opened read-only). Monitors are mappings with the
 * database's column names or the backup's camel-case names; {@link #get} reads either. Each monitor
 * also gets {@code notifications} (ids) and {@code tagList} (texts).
 */
record KumaData(
    List<Map<String, Object>> monitors,
    Map<Long, Map<String, Object>> notifications,
    Map<Long, Map<String, Object>> proxies,
    List<Map<String, Object>> statusPages) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SQLITE =
      "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** A monitor's field by its backup (camel-case) name, or its database (snake-case) column. */
  static @Nullable Object get(Map<String, Object> monitor, String camel) {
    Object value = monitor.get(camel);
    return value != null
        ? value
        : monitor.get(camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
  }

  static KumaData read(Path file) throws ImportException {
    byte[] head = new byte[SQLITE.length];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      return n == head.length && Arrays.equals(head, SQLITE) ? database(file) : backup(file);
    } catch (IOException e) {
      throw new ImportException(file + ": not readable: " + e.getMessage(), e);
    }
  }

  private static KumaData backup(Path file) throws ImportException {
    Map<String, Object> root;
    try {
      root = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new ImportException(
          file + ": neither a kuma.db nor a JSON backup: " + e.getMessage(), e);
    }
    if (root == null || !(root.get("monitorList") instanceof List<?>)) {
      throw new ImportException(file + ": not an Uptime Kuma backup (no monitorList)");
    }
    List<Map<String, Object>> monitors = new ArrayList<>();
    for (Object item : Values.list(root.get("monitorList"))) {
      Map<String, Object> m = Values.map(item);
      m.put(
          "notifications",
          Values.map(m.get("notificationIDList")).entrySet().stream()
              .filter(e -> Values.yes(e.getValue()))
              .map(e -> Long.valueOf(e.getKey()))
              .toList());
      m.put("tagList", Values.list(m.get("tags")).stream().map(t -> tag(Values.map(t))).toList());
      monitors.add(m);
    }
    Map<Long, Map<String, Object>> notifications = new LinkedHashMap<>();
    for (Object item : Values.list(root.get("notificationList"))) {
      Map<String, Object> n = Values.map(item);
      notifications.put((long) Values.number(n.get("id"), -1), n);
    }
    Map<Long, Map<String, Object>> proxies = new LinkedHashMap<>();
    for (Object item : Values.list(root.get("proxyList"))) {
      Map<String, Object> p = Values.map(item);
      proxies.put((long) Values.number(p.get("id"), -1), p);
    }
    return new KumaData(monitors, notifications, proxies, List.of());
  }

  private static String tag(Map<String, Object> t) {
    String value = Values.text(t.get("value"));
    return String.valueOf(t.get("name")) + (value == null ? "" : ":" + value);
  }

  private static KumaData database(Path file) throws ImportException {
    String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro";
    try (Connection db = DriverManager.getConnection(url);
        Statement s = db.createStatement()) {
      List<Map<String, Object>> monitors = rows(s, "SELECT * FROM monitor ORDER BY id");
      Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
      for (Map<String, Object> m : monitors) {
        m.put("notifications", new ArrayList<Long>());
        m.put("tagList", new ArrayList<String>());
        byId.put(id(m, "id"), m);
      }
      for (Map<String, Object> r :
          rows(s, "SELECT monitor_id, notification_id FROM monitor_notification")) {
        add(byId, r, "notifications", id(r, "notification_id"));
      }
      for (Map<String, Object> r :
          optional(
              s,
              "SELECT mt.monitor_id, t.name, mt.value FROM monitor_tag mt JOIN tag t ON t.id = mt.tag_id")) {
        add(byId, r, "tagList", tag(r));
      }
      return new KumaData(
          monitors,
          byKey(rows(s, "SELECT * FROM notification")),
          byKey(optional(s, "SELECT * FROM proxy")),
          pages(s));
    } catch (SQLException e) {
      throw new ImportException(file + ": not an Uptime Kuma database: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(
      Map<Long, Map<String, Object>> byId, Map<String, Object> row, String list, Object value) {
    Map<String, Object> m = byId.get(id(row, "monitor_id"));
    if (m != null && m.get(list) instanceof List<?> l) {
      ((List<Object>) l).add(value);
    }
  }

  /** Status pages with their groups, each group's monitors by name, in Kuma's order. */
  private static List<Map<String, Object>> pages(Statement s) {
    List<Map<String, Object>> pages =
        optional(s, "SELECT id, slug, title FROM status_page ORDER BY id");
    List<Map<String, Object>> members =
        optional(
            s,
            "SELECT g.status_page_id, g.name AS group_name, g.id AS group_id, mg.monitor_id"
                + " FROM `group` g JOIN monitor_group mg ON mg.group_id = g.id"
                + " ORDER BY g.status_page_id, g.weight, g.id, mg.weight, mg.id");
    for (Map<String, Object> page : pages) {
      Map<String, List<Long>> groups = new LinkedHashMap<>();
      for (Map<String, Object> row : members) {
        if (row.get("status_page_id") instanceof Number n && n.longValue() == id(page, "id")) {
          groups
              .computeIfAbsent(String.valueOf(row.get("group_name")), g -> new ArrayList<>())
              .add(id(row, "monitor_id"));
        }
      }
      page.put("groups", groups);
    }
    return pages;
  }

  private static long id(Map<String, Object> row, String column) {
    return (long) Values.number(row.get(column), -1);
  }

  /** The rows, or none when an older database lacks the table. */
  private static List<Map<String, Object>> optional(Statement s, String sql) {
    try {
      return rows(s, sql);
    } catch (SQLException e) {
      return List.of();
    }
  }

  private static Map<Long, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
    Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(id(r, "id"), r));
    return out;
  }

  private static List<Map<String, Object>> rows(Statement s, String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          if (value != null) {
            row.put(meta.getColumnLabel(i), value);
          }
        }
        out.add(row);
      }
    }
    return out;
  }
}

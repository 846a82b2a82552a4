package dev.tickr.store;

import dev.tickr.incident.Verdict;
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
import org.jspecify.annotations.Nullable;

/** Raw check results: the batch insert and the paged read. */
final class Results {
  private static final String INSERT =
      "INSERT INTO results (monitor, planned_at, started_at, total_us, dns_us, connect_us, tls_us,"
          + " ttfb_us, status, verdict, reason, error, flow)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT * FROM results WHERE monitor = ? AND started_at >= ? AND started_at < ?"
          + " ORDER BY started_at DESC LIMIT ?";

  private Results() {}

  static void insert(Connection c, List<CheckRecord> batch) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (CheckRecord r : batch) {
        ps.setString(1, r.monitor());
        ps.setLong(2, r.plannedAt().toEpochMilli());
        ps.setLong(3, r.startedAt().toEpochMilli());
        ps.setLong(4, Columns.micros(r.total()));
        Columns.setMicros(ps, 5, r.dns());
        Columns.setMicros(ps, 6, r.connect());
        Columns.setMicros(ps, 7, r.tls());
        Columns.setMicros(ps, 8, r.ttfb());
        Columns.setInt(ps, 9, r.status());
        ps.setString(10, r.verdict().name());
        Columns.setText(ps, 11, r.reason() == null ? null : r.reason().code());
        Columns.setText(ps, 12, r.error());
        Columns.setText(ps, 13, FlowJson.write(r));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static List<CheckRecord> select(
      Connection c, String monitor, Instant from, Instant to, int limit, @Nullable Instant before)
      throws SQLException {
    if (limit <= 0) {
      return List.of();
    }
    Instant end = before != null && before.isBefore(to) ? before : to;
    List<CheckRecord> out = new ArrayList<>(Math.min(limit, 1_000));
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, monitor);
      ps.setLong(2, Columns.ceilMillis(from));
      ps.setLong(3, Columns.ceilMillis(end));
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  static CheckRecord read(ResultSet rs) throws SQLException {
    FlowJson.Flow flow = FlowJson.read(rs.getString("flow"));
    return new CheckRecord(
        rs.getString("monitor"),
        Columns.millis(rs, "planned_at"),
        Columns.millis(rs, "started_at"),
        Columns.duration(rs.getLong("total_us")),
        Columns.nullableMicros(rs, "dns_us"),
        Columns.nullableMicros(rs, "connect_us"),
        Columns.nullableMicros(rs, "tls_us"),
        Columns.nullableMicros(rs, "ttfb_us"),
        Columns.nullableInt(rs, "status"),
        Verdict.valueOf(rs.getString("verdict")),
        Json.reasonOrNull(rs.getString("reason")),
        rs.getString("error"),
        flow.steps(),
        flow.measures());
  }

  /** One index seek per monitor: no scan of the results, however many there are. */
  static Map<String, Instant> lastChecks(Connection c) throws SQLException {
    Map<String, Instant> last = new HashMap<>();
    try (Statement names = c.createStatement();
        ResultSet monitors =
            names.executeQuery("SELECT name FROM monitors WHERE retired_at IS NULL");
        PreparedStatement latest =
            c.prepareStatement("SELECT MAX(started_at) FROM results WHERE monitor = ?")) {
      while (monitors.next()) {
        String name = monitors.getString(1);
        latest.setString(1, name);
        try (ResultSet rs = latest.executeQuery()) {
          long at = rs.next() ? rs.getLong(1) : 0;
          if (!rs.wasNull()) {
            last.put(name, Instant.ofEpochMilli(at));
          }
        }
      }
    }
    return last;
  }
}

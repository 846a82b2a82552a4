package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of metric series (tables of V11): writes with their rollups, reads, pruning. */
final class MetricRows {
  static final String RAW = "metric_values";
  static final String MINUTE = "metric_minute";
  static final String DAY = "metric_day";
  private static final long HOUR_MS = 3_600_000;

  private MetricRows() {}

  /** One check's values and their minute and day rollups, in the caller's transaction. */
  static void insert(Connection c, String monitor, Instant at, Map<String, Double> values)
      throws SQLException {
    long ms = at.toEpochMilli();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + RAW
                + " (monitor, metric, at, value) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (monitor, metric, at) DO UPDATE SET value = excluded.value")) {
      for (Map.Entry<String, Double> e : values.entrySet()) {
        ps.setString(1, monitor);
        ps.setString(2, e.getKey());
        ps.setLong(3, ms);
        ps.setDouble(4, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    rollup(c, MINUTE, Columns.MINUTE_MS, monitor, ms, values);
    rollup(c, DAY, Columns.DAY_MS, monitor, ms, values);
  }

  private static void rollup(
      Connection c, String table, long width, String monitor, long ms, Map<String, Double> values)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (monitor, metric, bucket_start, n, total, low, high) VALUES (?, ?, ?, 1, ?, ?, ?)"
                + " ON CONFLICT (monitor, metric, bucket_start) DO UPDATE SET"
                + " n = "
                + table
                + ".n + 1, total = "
                + table
                + ".total + excluded.total,"
                + " low = CASE WHEN excluded.low < "
                + table
                + ".low THEN excluded.low ELSE "
                + table
                + ".low END,"
                + " high = CASE WHEN excluded.high > "
                + table
                + ".high THEN excluded.high ELSE "
                + table
                + ".high END")) {
      long bucket = Math.floorDiv(ms, width) * width;
      for (Map.Entry<String, Double> e : values.entrySet()) {
        ps.setString(1, monitor);
        ps.setString(2, e.getKey());
        ps.setLong(3, bucket);
        ps.setDouble(4, e.getValue());
        ps.setDouble(5, e.getValue());
        ps.setDouble(6, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The summary of {@code [from, to)} in {@code table} (buckets by their start). */
  static MetricPoint summary(
      Connection c, String table, String monitor, String metric, long from, long to)
      throws SQLException {
    boolean raw = table.equals(RAW);
    String sql =
        raw
            ? "SELECT COUNT(*), SUM(value), MIN(value), MAX(value) FROM "
                + RAW
                + " WHERE monitor = ? AND metric = ? AND at >= ? AND at < ?"
            : "SELECT SUM(n), SUM(total), MIN(low), MAX(high) FROM "
                + table
                + " WHERE monitor = ? AND metric = ? AND bucket_start >= ? AND bucket_start < ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, monitor);
      ps.setString(2, metric);
      ps.setLong(3, from);
      ps.setLong(4, to);
      try (ResultSet rs = ps.executeQuery()) {
        long n = rs.next() ? rs.getLong(1) : 0;
        if (n == 0) {
          return MetricPoint.empty(Instant.ofEpochMilli(from));
        }
        return new MetricPoint(
            Instant.ofEpochMilli(from), n, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
      }
    }
  }

  /** Points of {@code [from, to)}: raw values, or buckets of {@code width} from {@code table}. */
  static List<MetricPoint> series(
      Connection c, String table, long width, String monitor, String metric, long from, long to)
      throws SQLException {
    String sql;
    if (table.equals(RAW)) {
      sql =
          "SELECT at, 1, value, value, value FROM "
              + RAW
              + " WHERE monitor = ? AND metric = ? AND at >= ? AND at < ? ORDER BY at";
    } else {
      String bucket = "(bucket_start / " + width + ") * " + width;
      sql =
          "SELECT "
              + bucket
              + " AS b, SUM(n), SUM(total), MIN(low), MAX(high) FROM "
              + table
              + " WHERE monitor = ? AND metric = ? AND bucket_start >= ? AND bucket_start < ?"
              + " GROUP BY b ORDER BY b";
    }
    List<MetricPoint> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, monitor);
      ps.setString(2, metric);
      ps.setLong(3, from);
      ps.setLong(4, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MetricPoint(
                  Instant.ofEpochMilli(rs.getLong(1)),
                  rs.getLong(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getDouble(5)));
        }
      }
    }
    return out;
  }

  static long hourWidth() {
    return HOUR_MS;
  }

  /** Where data of {@code table} is complete from: its prune horizon (0 when never pruned). */
  static long horizon(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT horizon FROM prune_horizons WHERE kind = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Deletes what is older than each kind's retention and moves its horizon. */
  static void prune(Connection c, Retention retention, Instant now) throws SQLException {
    prune(c, RAW, "at", Columns.ceilMillis(now.minus(retention.raw())));
    prune(c, MINUTE, "bucket_start", Columns.ceilMillis(now.minus(retention.minuteRollups())));
    prune(c, DAY, "bucket_start", Columns.ceilMillis(now.minus(retention.dayRollups())));
  }

  private static void prune(Connection c, String table, String column, long cutoff)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
      ps.setLong(1, cutoff);
      ps.executeUpdate();
    }
    if (cutoff > horizon(c, table)) {
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
}

package dev.tickr.store;

import dev.tickr.incident.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A window's figures from the coarsest data that is exact: whole UTC days from day rollups, whole
 * minutes from minute rollups, the partial minutes at the edges from raw results.
 *
 * <p>Where {@link Store#prune} has deleted what an edge needs, the edge is rounded: to the nearest
 * whole minute when it is older than the raw horizon, to the nearest whole UTC day when it is older
 * than the minute horizon (see {@link Horizons}). An edge within a minute or a day of a horizon
 * counts only what is still stored there.
 */
final class UptimeQuery {
  private static final String RAW =
      "SELECT verdict, total_us FROM results"
          + " WHERE monitor = ? AND started_at >= ? AND started_at < ?";

  private final Connection c;
  private final String monitor;
  private final Tally tally = new Tally();

  private UptimeQuery(Connection c, String monitor) {
    this.c = c;
    this.monitor = monitor;
  }

  static Uptime uptime(Connection c, String monitor, Instant from, Instant to) throws SQLException {
    Horizons h = Horizons.read(c);
    long a = snap(Columns.ceilMillis(from), h);
    long b = snap(Columns.ceilMillis(to), h);
    UptimeQuery q = new UptimeQuery(c, monitor);
    if (a < b) {
      q.days(a, b);
    }
    return q.tally.toUptime();
  }

  /** An edge moved to the finest resolution still stored at it. */
  static long snap(long t, Horizons h) {
    if (t >= h.raw() && t >= h.minute()) {
      return t;
    }
    if (t >= h.minute()) {
      return round(t, Columns.MINUTE_MS);
    }
    return round(t, Columns.DAY_MS);
  }

  private static long round(long t, long unit) {
    return Math.floorDiv(t + unit / 2, unit) * unit;
  }

  private static long ceil(long t, long unit) {
    return -Math.floorDiv(-t, unit) * unit;
  }

  private void days(long a, long b) throws SQLException {
    long first = ceil(a, Columns.DAY_MS);
    long last = Columns.dayStart(b);
    if (first < last) {
      rollups(Rollups.Level.DAY, first, last);
      minutes(a, first);
      minutes(last, b);
    } else {
      minutes(a, b);
    }
  }

  private void minutes(long a, long b) throws SQLException {
    if (a >= b) {
      return;
    }
    long first = ceil(a, Columns.MINUTE_MS);
    long last = Columns.minuteStart(b);
    if (first < last) {
      rollups(Rollups.Level.MINUTE, first, last);
      raw(a, first);
      raw(last, b);
    } else {
      raw(a, b);
    }
  }

  private void rollups(Rollups.Level level, long from, long to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM "
                + level.table
                + " WHERE monitor = ? AND bucket_start >= ? AND bucket_start < ?")) {
      ps.setString(1, monitor);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tally.merge(Rollups.read(rs));
        }
      }
    }
  }

  private void raw(long from, long to) throws SQLException {
    if (from >= to) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(RAW)) {
      ps.setString(1, monitor);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tally.add(Verdict.valueOf(rs.getString("verdict")), rs.getLong("total_us"));
        }
      }
    }
  }
}

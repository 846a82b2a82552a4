package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One monitor's response time by phase in equal slices of a window ({@link Store#series}), from the
 * finest data kept: raw results for slices shorter than a minute, else minute rollups, and day
 * rollups for the part of the window {@link Store#prune} has taken the minute rollups from. Each
 * part begins where the finer data's horizon is ({@link Horizons}), so nothing is counted twice.
 * Rollups are summed by the database, slice by slice: a month of minute rollups is one grouped
 * read.
 */
final class Series {
  private Series() {}

  static List<SeriesPoint> read(Connection c, String monitor, Instant from, Instant to, int buckets)
      throws SQLException {
    long a = Columns.ceilMillis(from);
    long b = Columns.ceilMillis(to);
    if (buckets <= 0 || b <= a) {
      return List.of();
    }
    long width = Math.max(1, (b - a + buckets - 1) / buckets);
    Tally[] slices = new Tally[buckets];
    for (int i = 0; i < buckets; i++) {
      slices[i] = new Tally();
    }
    Horizons h = Horizons.read(c);
    long cut = b;
    if (width < Columns.MINUTE_MS) {
      long start = Math.max(a, h.raw());
      raw(c, monitor, start, cut, a, width, slices);
      cut = start;
    }
    if (cut > a && width < Columns.DAY_MS) {
      long start = Math.max(a, h.minute());
      rollups(c, Rollups.Level.MINUTE, monitor, start, cut, cut == b, a, width, slices);
      cut = start;
    }
    if (cut > a) {
      rollups(c, Rollups.Level.DAY, monitor, a, cut, cut == b, a, width, slices);
    }
    List<SeriesPoint> out = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      Tally t = slices[i];
      out.add(
          new SeriesPoint(
              Instant.ofEpochMilli(a + i * width),
              t.checks,
              t.failed,
              t.degraded,
              t.average(),
              t.phaseAverage(0),
              t.phaseAverage(1),
              t.phaseAverage(2),
              t.phaseAverage(3)));
    }
    return out;
  }

  private static void raw(
      Connection c, String monitor, long from, long to, long origin, long width, Tally[] slices)
      throws SQLException {
    if (from >= to) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM results WHERE monitor = ? AND started_at >= ? AND started_at < ?")) {
      ps.setString(1, monitor);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CheckRecord r = Results.read(rs);
          int slice = slice(r.startedAt().toEpochMilli(), origin, width, slices.length);
          if (slice >= 0) {
            slices[slice].add(r);
          }
        }
      }
    }
  }

  /**
   * Adds the level's rows that began in {@code [from, to)}: all of them when {@code to} is the
   * window's end (the bucket still filling belongs to the last slice), else only those that also
   * ended by {@code to}, where finer data takes over.
   */
  private static void rollups(
      Connection c,
      Rollups.Level level,
      String monitor,
      long from,
      long to,
      boolean last,
      long origin,
      long width,
      Tally[] slices)
      throws SQLException {
    long end = last ? to : to - level.width + 1;
    if (from >= end) {
      return;
    }
    StringBuilder sums = new StringBuilder();
    for (String phase : Tally.PHASES) {
      sums.append(", SUM(").append(phase).append("_sum_us), SUM(").append(phase).append("_checks)");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (bucket_start - ?) / ? AS slice, SUM(checks), SUM(failed), SUM(degraded),"
                + " SUM(sum_us)"
                + sums
                + " FROM "
                + level.table
                + " WHERE monitor = ? AND bucket_start >= ? AND bucket_start < ?"
                + " GROUP BY slice")) {
      ps.setLong(1, origin);
      ps.setLong(2, width);
      ps.setString(3, monitor);
      ps.setLong(4, from);
      ps.setLong(5, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long slice = rs.getLong(1);
          if (slice < 0 || slice >= slices.length) {
            continue;
          }
          Tally t =
              Tally.of(
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  null,
                  null,
                  new Histogram());
          for (int p = 0; p < Tally.PHASES.size(); p++) {
            t.phaseSum[p] = rs.getLong(6 + 2 * p);
            t.phaseChecks[p] = rs.getLong(7 + 2 * p);
          }
          slices[(int) slice].merge(t);
        }
      }
    }
  }

  private static int slice(long at, long origin, long width, int count) {
    long i = Math.floorDiv(at - origin, width);
    return i < 0 || i >= count ? -1 : (int) i;
  }
}

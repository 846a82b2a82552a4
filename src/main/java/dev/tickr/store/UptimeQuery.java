package dev.tickr.store;

import dev.tickr.incident.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
  private final Connection c;
  private final @Nullable List<String> monitors;
  private final Map<String, Tally> tallies = new HashMap<>();

  /**
   * @param monitors the monitors to count, or {@code null} for every monitor at once
   */
  private UptimeQuery(Connection c, @Nullable List<String> monitors) {
    this.c = c;
    this.monitors = monitors;
  }

  static Uptime uptime(Connection c, String monitor, Instant from, Instant to) throws SQLException {
    Tally t = new UptimeQuery(c, List.of(monitor)).run(from, to).tallies.get(monitor);
    return t == null ? Uptime.NONE : t.toUptime();
  }

  /** These monitors' figures (those without data in the window are left out). */
  static Map<String, Uptime> uptimes(
      Connection c, Collection<String> monitors, Instant from, Instant to) throws SQLException {
    Map<String, Uptime> some = new HashMap<>();
    if (monitors.isEmpty()) {
      return some;
    }
    new UptimeQuery(c, List.copyOf(new LinkedHashSet<>(monitors)))
        .run(from, to)
        .tallies
        .forEach((m, t) -> some.put(m, t.toUptime()));
    return some;
  }

  /**
   * Every monitor that has data in the window, in one pass per table instead of one per monitor.
   */
  static Map<String, Uptime> uptimes(Connection c, Instant from, Instant to) throws SQLException {
    Map<String, Uptime> all = new HashMap<>();
    new UptimeQuery(c, null).run(from, to).tallies.forEach((m, t) -> all.put(m, t.toUptime()));
    return all;
  }

  private UptimeQuery run(Instant from, Instant to) throws SQLException {
    Horizons h = Horizons.read(c);
    long a = snap(Columns.ceilMillis(from), h);
    long b = snap(Columns.ceilMillis(to), h);
    if (a < b) {
      days(a, b);
    }
    return this;
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
        prepare("SELECT * FROM " + level.table + " WHERE", "bucket_start", from, to)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tally(rs).merge(Rollups.read(rs));
        }
      }
    }
  }

  private void raw(long from, long to) throws SQLException {
    if (from >= to) {
      return;
    }
    try (PreparedStatement ps =
        prepare("SELECT monitor, verdict, total_us FROM results WHERE", "started_at", from, to)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tally(rs).add(Verdict.valueOf(rs.getString("verdict")), rs.getLong("total_us"));
        }
      }
    }
  }

  /**
   * {@code select} filtered to {@code [from, to)} on {@code column}, and to the monitors if set.
   */
  private PreparedStatement prepare(String select, String column, long from, long to)
      throws SQLException {
    String where = " " + column + " >= ? AND " + column + " < ?";
    String only =
        monitors == null
            ? ""
            : monitors.size() == 1
                ? " monitor = ? AND"
                : " monitor IN ("
                    + String.join(", ", Collections.nCopies(monitors.size(), "?"))
                    + ") AND";
    PreparedStatement ps = c.prepareStatement(select + only + where);
    int i = 1;
    if (monitors != null) {
      for (String m : monitors) {
        ps.setString(i++, m);
      }
    }
    ps.setLong(i++, from);
    ps.setLong(i, to);
    return ps;
  }

  private Tally tally(ResultSet rs) throws SQLException {
    return tallies.computeIfAbsent(rs.getString("monitor"), m -> new Tally());
  }
}

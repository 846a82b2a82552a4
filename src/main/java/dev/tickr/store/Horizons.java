package dev.tickr.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How far back each kind of data is complete: {@link Store#prune} deleted everything before its
 * horizon (epoch milliseconds; 0 when nothing was ever pruned).
 */
record Horizons(long raw, long minute, long day) {

  static Horizons read(Connection c) throws SQLException {
    long raw = 0;
    long minute = 0;
    long day = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT kind, horizon FROM prune_horizons")) {
      while (rs.next()) {
        long h = rs.getLong("horizon");
        switch (rs.getString("kind")) {
          case "results" -> raw = h;
          case "rollup_minute" -> minute = h;
          case "rollup_day" -> day = h;
          default -> {}
        }
      }
    }
    return new Horizons(raw, minute, day);
  }

  long of(String table) {
    return switch (table) {
      case "results" -> raw;
      case "rollup_minute" -> minute;
      case "rollup_day" -> day;
      default -> throw new IllegalArgumentException("no horizon for " + table);
    };
  }
}

package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Average response times per slice of a window, from minute rollups, for many monitors at once. */
final class Averages {
  private Averages() {}

  static Map<String, double[]> read(
      Connection c, List<String> monitors, Instant from, Instant to, int buckets)
      throws SQLException {
    Map<String, double[]> out = new HashMap<>();
    long a = from.toEpochMilli();
    long b = to.toEpochMilli();
    if (monitors.isEmpty() || buckets <= 0 || b <= a) {
      return out;
    }
    long width = Math.max(1, (b - a + buckets - 1) / buckets);
    String marks = String.join(", ", Collections.nCopies(monitors.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT monitor, (bucket_start - ?) / ? AS slice, SUM(sum_us), SUM(checks - failed)"
                + " FROM rollup_minute WHERE monitor IN ("
                + marks
                + ") AND bucket_start >= ? AND bucket_start < ? GROUP BY monitor, slice")) {
      int i = 1;
      ps.setLong(i++, a);
      ps.setLong(i++, width);
      for (String m : monitors) {
        ps.setString(i++, m);
      }
      ps.setLong(i++, a);
      ps.setLong(i, b);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int slice = (int) rs.getLong(2);
          long ok = rs.getLong(4);
          if (slice < 0 || slice >= buckets || ok <= 0) {
            continue;
          }
          double[] line =
              out.computeIfAbsent(
                  rs.getString(1),
                  k -> {
                    double[] empty = new double[buckets];
                    Arrays.fill(empty, Double.NaN);
                    return empty;
                  });
          line[slice] = rs.getLong(3) / 1000.0 / ok;
        }
      }
    }
    return out;
  }
}

package dev.tickr.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How times and durations sit in columns: epoch milliseconds and microseconds, NULL for none. */
final class Columns {
  static final long MINUTE_MS = 60_000;
  static final long DAY_MS = 86_400_000;
  private static final Instant LOWEST = Instant.ofEpochMilli(-(1L << 62));
  private static final Instant HIGHEST = Instant.ofEpochMilli(1L << 62);

  private Columns() {}

  /** Microseconds, saturated at the ends of {@code long} (about ±292,000 years). */
  static long micros(Duration d) {
    try {
      return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Duration duration(long micros) {
    return Duration.ofSeconds(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
  }

  static void setMicros(PreparedStatement ps, int index, @Nullable Duration d) throws SQLException {
    if (d == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, micros(d));
    }
  }

  static void setMillis(PreparedStatement ps, int index, @Nullable Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, t.toEpochMilli());
    }
  }

  static void setInt(PreparedStatement ps, int index, @Nullable Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, v);
    }
  }

  static void setText(PreparedStatement ps, int index, @Nullable String v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, v);
    }
  }

  static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static @Nullable Duration nullableMicros(ResultSet rs, String column) throws SQLException {
    Long v = nullableLong(rs, column);
    return v == null ? null : duration(v);
  }

  static @Nullable Instant nullableMillis(ResultSet rs, String column) throws SQLException {
    Long v = nullableLong(rs, column);
    return v == null ? null : Instant.ofEpochMilli(v);
  }

  static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Instant millis(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  /**
   * A window bound on millisecond columns: the first whole millisecond at or after {@code t},
   * clamped to ±2^62 so that {@link Instant#MIN} and {@link Instant#MAX} mean "unbounded" and
   * arithmetic on bounds cannot overflow.
   */
  static long ceilMillis(Instant t) {
    if (t.isBefore(LOWEST)) {
      return LOWEST.toEpochMilli();
    }
    if (t.isAfter(HIGHEST)) {
      return HIGHEST.toEpochMilli();
    }
    long ms = t.toEpochMilli();
    return Instant.ofEpochMilli(ms).isBefore(t) ? ms + 1 : ms;
  }

  static long minuteStart(long epochMs) {
    return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
  }

  static long dayStart(long epochMs) {
    return Math.floorDiv(epochMs, DAY_MS) * DAY_MS;
  }
}

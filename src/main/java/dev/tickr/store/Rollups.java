package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's open rollup buckets, per (monitor, minute) and (monitor, UTC day). A bucket is read
 * from the database the first time it is touched (after a restart it may hold earlier results),
 * kept in memory while it is in use and written back in the batch's transaction, so rollups always
 * agree with the raw rows. Used by the writer thread only.
 */
final class Rollups {
  /** Buckets untouched for this many batches are dropped from memory (not from the database). */
  private static final int IDLE_BATCHES = 300;

  /** How often idle buckets are looked for: a scan of every open bucket is not free. */
  private static final int SWEEP_EVERY = 64;

  enum Level {
    MINUTE("rollup_minute", Columns.MINUTE_MS),
    DAY("rollup_day", Columns.DAY_MS);

    final String table;
    final long width;

    Level(String table, long width) {
      this.table = table;
      this.width = width;
    }

    long start(long epochMs) {
      return Math.floorDiv(epochMs, width) * width;
    }

    String select() {
      return "SELECT * FROM " + table + " WHERE monitor = ? AND bucket_start = ?";
    }

    String upsert() {
      StringBuilder columns = new StringBuilder();
      StringBuilder updates = new StringBuilder();
      for (String phase : Tally.PHASES) {
        for (String column : List.of(phase + "_sum_us", phase + "_checks")) {
          columns.append(", ").append(column);
          updates.append(", ").append(column).append(" = excluded.").append(column);
        }
      }
      return "INSERT INTO "
          + table
          + " (monitor, bucket_start, checks, failed, degraded, sum_us, min_us, max_us, histogram"
          + columns
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?"
          + ", ?".repeat(2 * Tally.PHASES.size())
          + ") ON CONFLICT (monitor, bucket_start) DO UPDATE SET"
          + " checks = excluded.checks, failed = excluded.failed, degraded = excluded.degraded,"
          + " sum_us = excluded.sum_us, min_us = excluded.min_us, max_us = excluded.max_us,"
          + " histogram = excluded.histogram"
          + updates;
    }
  }

  private record Key(Level level, String monitor, long start) {}

  private static final class Bucket {
    final Tally tally;
    long touched;

    Bucket(Tally tally) {
      this.tally = tally;
    }
  }

  private final Map<Key, Bucket> open = new HashMap<>();
  private final Map<Key, Bucket> dirty = new LinkedHashMap<>();
  private long batch;

  /** Counts a batch's results into their buckets, then writes the touched buckets. */
  void write(Connection c, List<CheckRecord> records) throws SQLException {
    batch++;
    for (CheckRecord r : records) {
      long at = r.startedAt().toEpochMilli();
      for (Level level : Level.values()) {
        bucket(c, new Key(level, r.monitor(), level.start(at))).tally.add(r);
      }
    }
    for (Level level : Level.values()) {
      try (PreparedStatement ps = c.prepareStatement(level.upsert())) {
        for (Map.Entry<Key, Bucket> e : dirty.entrySet()) {
          if (e.getKey().level() == level) {
            bind(ps, e.getKey(), e.getValue().tally);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }
  }

  /** After the batch's transaction committed: the buckets in memory match the database. */
  void committed() {
    dirty.clear();
    if (batch % SWEEP_EVERY == 0) {
      open.values().removeIf(b -> batch - b.touched > IDLE_BATCHES);
    }
  }

  /** After the batch's transaction failed: memory may be ahead of the database, so forget it. */
  void rolledBack() {
    dirty.clear();
    open.clear();
  }

  private Bucket bucket(Connection c, Key key) throws SQLException {
    Bucket b = open.get(key);
    if (b == null) {
      b = new Bucket(load(c, key));
      open.put(key, b);
    }
    b.touched = batch;
    dirty.put(key, b);
    return b;
  }

  private static Tally load(Connection c, Key key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(key.level().select())) {
      ps.setString(1, key.monitor());
      ps.setLong(2, key.start());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(rs) : new Tally();
      }
    }
  }

  static Tally read(ResultSet rs) throws SQLException {
    Tally t =
        Tally.of(
            rs.getLong("checks"),
            rs.getLong("failed"),
            rs.getLong("degraded"),
            rs.getLong("sum_us"),
            Columns.nullableLong(rs, "min_us"),
            Columns.nullableLong(rs, "max_us"),
            Histogram.decode(rs.getBytes("histogram")));
    for (int i = 0; i < Tally.PHASES.size(); i++) {
      t.phaseSum[i] = rs.getLong(Tally.PHASES.get(i) + "_sum_us");
      t.phaseChecks[i] = rs.getLong(Tally.PHASES.get(i) + "_checks");
    }
    return t;
  }

  private static void bind(PreparedStatement ps, Key key, Tally t) throws SQLException {
    ps.setString(1, key.monitor());
    ps.setLong(2, key.start());
    ps.setLong(3, t.checks);
    ps.setLong(4, t.failed);
    ps.setLong(5, t.degraded);
    ps.setLong(6, t.sumMicros);
    Long min = t.min();
    Long max = t.max();
    if (min == null || max == null) {
      ps.setNull(7, Types.BIGINT);
      ps.setNull(8, Types.BIGINT);
    } else {
      ps.setLong(7, min);
      ps.setLong(8, max);
    }
    ps.setBytes(9, t.histogram.encode());
    int i = 10;
    for (int p = 0; p < Tally.PHASES.size(); p++) {
      ps.setLong(i++, t.phaseSum[p]);
      ps.setLong(i++, t.phaseChecks[p]);
    }
  }
}

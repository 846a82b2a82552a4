package dev.tickr.bench;

import dev.tickr.store.MetricSeriesStore;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How much disk a monitor's metric series take once retention holds them steady: one monitor with
 * five metrics checked every minute for 400 simulated days, with the default retention (raw 7 days,
 * minute rollups 30 days, day rollups 400 days). After pruning only the last 37 days of
 * minute-by-minute values and one rollup a day before them remain, so the run writes those (one
 * check a minute for the last 37 days, one a day for the 363 before) and reports the store's size
 * after a VACUUM, less that of an empty store. Run by {@code bench/metric-storage.sh}.
 */
public final class MetricStorageBench {
  private static final int DAYS = 400;
  private static final int MINUTE_DAYS = 37;
  private static final int METRICS = 5;

  private MetricStorageBench() {}

  public static void main(String[] args) throws IOException, SQLException {
    Instant end = Instant.parse("2027-01-01T00:00:00Z");
    Instant start = end.minus(Duration.ofDays(DAYS));
    Path empty = Files.createTempDirectory("tickr-metric-bench-empty");
    Path full = Files.createTempDirectory("tickr-metric-bench");
    SqliteStore.open(empty, Retention.defaults(), Clock.fixed(end, ZoneOffset.UTC)).close();
    long base = vacuumedSize(empty);
    SplittableRandom random = new SplittableRandom(42);
    long checks = 0;
    long started = System.nanoTime();
    try (SqliteStore store =
        SqliteStore.open(full, Retention.defaults(), Clock.fixed(end, ZoneOffset.UTC))) {
      MetricSeriesStore series = store.metricSeries();
      Instant minuteFrom = end.minus(Duration.ofDays(MINUTE_DAYS));
      for (Instant t = start; t.isBefore(minuteFrom); t = t.plus(Duration.ofDays(1))) {
        series.append("impact-actions", t, values(random, t));
        checks++;
      }
      for (Instant t = minuteFrom; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
        series.append("impact-actions", t, values(random, t));
        checks++;
      }
      store.flush();
      store.prune(end);
    }
    long size = vacuumedSize(full) - base;
    double perMetricPerDay = size / (double) METRICS / DAYS;
    System.out.printf(
        "checks written: %d in %.1f s%nmetric series on disk after 400 days: %d bytes"
            + " (%.1f MiB) for %d metrics%nbytes per metric per day (averaged over 400 days):"
            + " %.0f%n",
        checks,
        (System.nanoTime() - started) / 1e9,
        size,
        size / 1048576.0,
        METRICS,
        perMetricPerDay);
  }

  /** Five metrics as a report gives them: counts, money, a timestamp. */
  private static Map<String, Double> values(SplittableRandom random, Instant t) {
    Map<String, Double> v = new LinkedHashMap<>();
    double conversions = random.nextInt(60);
    v.put("conversions", conversions);
    v.put("approved", (double) random.nextInt((int) conversions + 1));
    v.put("revenue", Math.round(conversions * random.nextDouble(5, 50) * 100) / 100.0);
    v.put("avg-payout", random.nextDouble(1, 30));
    v.put("newest", (double) t.minusSeconds(random.nextInt(3600)).getEpochSecond());
    return v;
  }

  private static long vacuumedSize(Path dir) throws SQLException {
    Path file = dir.resolve(SqliteStore.FILE_NAME);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("VACUUM");
    }
    return file.toFile().length();
  }
}

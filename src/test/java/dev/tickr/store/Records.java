package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tickr.check.Reason;
import dev.tickr.incident.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Check results and database peeks for the store's tests. */
final class Records {
  private Records() {}

  static CheckRecord result(String monitor, Instant at, long millis, Verdict verdict) {
    return new CheckRecord(
        monitor,
        at,
        at,
        Duration.ofMillis(millis),
        null,
        null,
        null,
        null,
        verdict == Verdict.FAILED ? null : 200,
        verdict,
        verdict == Verdict.FAILED ? Reason.TIMEOUT : null,
        verdict == Verdict.FAILED ? "timed out" : null);
  }

  static CheckRecord ok(String monitor, Instant at, long millis) {
    return result(monitor, at, millis, Verdict.OK);
  }

  /** Results from {@code start} to {@code end}, every {@code step}, with mixed verdicts. */
  static List<CheckRecord> series(String monitor, Instant start, Instant end, Duration step) {
    List<CheckRecord> out = new ArrayList<>();
    long i = 0;
    for (Instant at = start; at.isBefore(end); at = at.plus(step)) {
      Verdict v = i % 11 == 0 ? Verdict.FAILED : i % 7 == 0 ? Verdict.DEGRADED : Verdict.OK;
      out.add(result(monitor, at, 20 + (i * 7919) % 400, v));
      i++;
    }
    return out;
  }

  /** The checks of {@code all} that started in {@code [from, to)}, counted as the store should. */
  static Uptime expected(List<CheckRecord> all, Instant from, Instant to) {
    List<CheckRecord> in =
        all.stream()
            .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to))
            .toList();
    long failed = in.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
    long degraded = in.stream().filter(r -> r.verdict() == Verdict.DEGRADED).count();
    long[] latencies =
        in.stream()
            .filter(r -> r.verdict() != Verdict.FAILED)
            .mapToLong(r -> r.total().toNanos() / 1000)
            .sorted()
            .toArray();
    if (in.isEmpty()) {
      return Uptime.NONE;
    }
    return new Uptime(
        in.size(),
        failed,
        degraded,
        (double) (in.size() - failed) / in.size(),
        nearestRank(latencies, 0.50),
        nearestRank(latencies, 0.95),
        nearestRank(latencies, 0.99));
  }

  private static @Nullable Duration nearestRank(long[] sorted, double q) {
    return sorted.length == 0
        ? null
        : Duration.ofNanos(sorted[(int) Math.ceil(q * sorted.length) - 1] * 1000);
  }

  /** Counts equal; percentiles within the histogram's error of the exact nearest-rank ones. */
  static void assertUptime(Uptime actual, Uptime expected) {
    assertThat(actual.checks()).as("checks").isEqualTo(expected.checks());
    assertThat(actual.failed()).as("failed").isEqualTo(expected.failed());
    assertThat(actual.degraded()).as("degraded").isEqualTo(expected.degraded());
    assertThat(actual.ratio()).as("ratio").isEqualTo(expected.ratio());
    assertNear("p50", actual.p50(), expected.p50());
    assertNear("p95", actual.p95(), expected.p95());
    assertNear("p99", actual.p99(), expected.p99());
  }

  private static void assertNear(
      String what, @Nullable Duration actual, @Nullable Duration expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    if (actual == null) {
      throw new AssertionError(what + ": expected about " + expected + " but was null");
    }
    double error = Math.sqrt(Histogram.GROWTH) - 1;
    double exact = (double) expected.toNanos();
    assertThat((double) actual.toNanos()).as(what).isCloseTo(exact, within(exact * error));
  }

  /** A number from one SQL query straight on the database file. */
  static long count(Path dataDir, String sql) {
    try (Connection c = connect(dataDir);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  /** The first column of every row of one SQL query, as numbers. */
  static List<Long> longs(Path dataDir, String sql) {
    List<Long> out = new ArrayList<>();
    try (Connection c = connect(dataDir);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  static String integrity(Path dataDir) {
    try (Connection c = connect(dataDir);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Connection connect(Path dataDir) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME).toAbsolutePath());
  }
}

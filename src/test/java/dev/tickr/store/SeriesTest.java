package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.incident.Verdict;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor's response time by phase per slice of a window: from raw results for short slices, from
 * minute rollups for long ones, and still there, from rollups, once the raw results (and the minute
 * rollups) are pruned.
 */
class SeriesTest {
  private static final Instant NOW = Instant.parse("2026-04-03T00:00:00Z");

  @TempDir Path dir;

  /** A check with every phase; the phases are a tenth, a fifth, ... of {@code millis}. */
  static CheckRecord timed(String monitor, Instant at, long millis, @Nullable Long tlsMillis) {
    return new CheckRecord(
        monitor,
        at,
        at,
        Duration.ofMillis(millis),
        Duration.ofMillis(millis / 10),
        Duration.ofMillis(millis / 5),
        tlsMillis == null ? null : Duration.ofMillis(tlsMillis),
        Duration.ofMillis(millis / 2),
        200,
        Verdict.OK,
        null,
        null);
  }

  static CheckRecord failed(String monitor, Instant at) {
    return new CheckRecord(
        monitor,
        at,
        at,
        Duration.ofSeconds(10),
        Duration.ofSeconds(9),
        null,
        null,
        null,
        null,
        Verdict.FAILED,
        Reason.TIMEOUT,
        "timed out");
  }

  @Test
  void short_slices_average_each_phase_of_the_checks_that_did_not_fail() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(NOW))) {
      Instant from = NOW.minus(Duration.ofHours(1));
      store.append(timed("api", from.plusSeconds(1), 100, 30L));
      store.append(timed("api", from.plusSeconds(11), 300, null));
      store.append(failed("api", from.plusSeconds(21)));
      store.append(timed("api", from.plusSeconds(95), 50, 5L));
      store.append(timed("other", from.plusSeconds(2), 999, 999L));
      store.flush();

      List<SeriesPoint> points = store.series("api", from, NOW, 120);

      assertThat(points).hasSize(120);
      assertThat(points.get(0).start()).isEqualTo(from);
      assertThat(points.get(1).start()).isEqualTo(from.plusSeconds(30));
      SeriesPoint first = points.get(0);
      assertThat(first.checks()).isEqualTo(3);
      assertThat(first.failed()).isEqualTo(1);
      assertThat(first.total()).isEqualTo(Duration.ofMillis(200));
      assertThat(first.dns()).isEqualTo(Duration.ofMillis(20));
      assertThat(first.connect()).isEqualTo(Duration.ofMillis(40));
      assertThat(first.tls()).as("only the check that had TLS").isEqualTo(Duration.ofMillis(30));
      assertThat(first.ttfb()).isEqualTo(Duration.ofMillis(100));
      assertThat(points.get(1).checks()).isZero();
      assertThat(points.get(1).total()).isNull();
      assertThat(points.get(3).total()).isEqualTo(Duration.ofMillis(50));
      assertThat(points.get(3).tls()).isEqualTo(Duration.ofMillis(5));
    }
  }

  @Test
  void a_month_comes_from_rollups_after_the_raw_results_are_pruned() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(NOW))) {
      Instant old = NOW.minus(Duration.ofDays(20)); // raw results are kept 7 days
      for (int i = 0; i < 10; i++) {
        store.append(timed("api", old.plusSeconds(60L * i), 100 + 20L * i, 10L));
      }
      store.append(failed("api", old.plusSeconds(30)));
      store.append(timed("api", NOW.minusSeconds(90), 400, 40L));
      store.flush();
      store.prune(NOW);
      assertThat(store.results("api", Instant.EPOCH, NOW, 100, null)).hasSize(1);

      List<SeriesPoint> points = store.series("api", NOW.minus(Duration.ofDays(30)), NOW, 180);

      assertThat(points).hasSize(180);
      List<SeriesPoint> withChecks = points.stream().filter(p -> p.checks() > 0).toList();
      assertThat(withChecks).hasSize(2);
      SeriesPoint then = withChecks.get(0);
      assertThat(then.start()).isEqualTo(NOW.minus(Duration.ofDays(20)));
      assertThat(then.checks()).isEqualTo(11);
      assertThat(then.failed()).isEqualTo(1);
      assertThat(then.total()).isEqualTo(Duration.ofMillis(190));
      assertThat(then.dns()).isEqualTo(Duration.ofMillis(19));
      assertThat(then.connect()).isEqualTo(Duration.ofMillis(38));
      assertThat(then.tls()).isEqualTo(Duration.ofMillis(10));
      assertThat(then.ttfb()).isEqualTo(Duration.ofMillis(95));
      assertThat(withChecks.get(1).total()).isEqualTo(Duration.ofMillis(400));
      assertThat(withChecks.get(1).tls()).isEqualTo(Duration.ofMillis(40));
    }
  }

  @Test
  void where_minute_rollups_are_pruned_too_the_day_rollups_fill_in() {
    Retention shortMinutes =
        new Retention(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(400));
    try (SqliteStore store = SqliteStore.open(dir, shortMinutes, new MutableClock(NOW))) {
      Instant day = NOW.minus(Duration.ofDays(10));
      store.append(timed("api", day.plus(Duration.ofHours(3)), 100, null));
      store.append(timed("api", day.plus(Duration.ofHours(15)), 300, null));
      store.append(timed("api", NOW.minus(Duration.ofHours(30)), 40, null));
      store.flush();
      store.prune(NOW);

      List<SeriesPoint> points = store.series("api", NOW.minus(Duration.ofDays(30)), NOW, 180);

      List<SeriesPoint> withChecks = points.stream().filter(p -> p.checks() > 0).toList();
      assertThat(withChecks)
          .extracting(SeriesPoint::start)
          .containsExactly(day, NOW.minus(Duration.ofHours(32)));
      assertThat(withChecks.get(0).checks()).isEqualTo(2);
      assertThat(withChecks.get(0).total()).isEqualTo(Duration.ofMillis(200));
      assertThat(withChecks.get(0).ttfb()).isEqualTo(Duration.ofMillis(100));
      assertThat(withChecks.get(1).total()).isEqualTo(Duration.ofMillis(40));
    }
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures over windows that need day rollups, minute rollups and raw results, against a hand
 * computation over the same results. Two store lifetimes write them, the second continuing buckets
 * the first left open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UptimeTest {
  private static final Instant START = Instant.parse("2026-02-26T00:00:00Z");
  private static final Instant END = Instant.parse("2026-04-03T00:00:00Z");

  private Path dir = Path.of("");
  private final MutableClock clock = new MutableClock(END);
  private final List<CheckRecord> all =
      Records.series("api", START, END, Duration.ofMillis(41_017));
  private SqliteStore store;

  @BeforeAll
  void fill(@TempDir Path tempDir) {
    dir = tempDir;
    int half = all.size() / 2;
    store = SqliteStore.open(dir, Retention.defaults(), clock);
    all.subList(0, half).forEach(store::append);
    store.close();
    store = SqliteStore.open(dir, Retention.defaults(), clock);
    all.subList(half, all.size()).forEach(store::append);
    store.append(Records.ok("other", START.plusSeconds(3600), 5));
    store.flush();
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void a_day_that_does_not_start_at_midnight() {
    Instant from = Instant.parse("2026-03-10T13:27:31.500Z");
    assertMatches(from, from.plus(Duration.ofHours(24)));
  }

  @Test
  void a_calendar_month() {
    assertMatches(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
  }

  @Test
  void a_window_with_ragged_edges_over_whole_days() {
    assertMatches(Instant.parse("2026-02-27T10:00:30.250Z"), Instant.parse("2026-04-02T05:05:05Z"));
  }

  @Test
  void windows_inside_one_day_and_inside_one_minute() {
    assertMatches(Instant.parse("2026-03-05T08:00:10Z"), Instant.parse("2026-03-05T08:01:59.999Z"));
    assertMatches(Instant.parse("2026-03-05T08:00:10Z"), Instant.parse("2026-03-05T08:00:55Z"));
    assertMatches(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-05T23:59:00Z"));
  }

  @Test
  void a_window_without_checks_has_no_ratio_and_no_latency() {
    Uptime u = store.uptime("api", END.plusSeconds(10), END.plusSeconds(7200));
    assertThat(u).isEqualTo(Uptime.NONE);
    assertThat(u.ratio()).isNaN();
    assertThat(store.uptime("api", END, START).checks()).isZero();
  }

  @Test
  void other_monitors_do_not_count() {
    Uptime u = store.uptime("other", START, END);
    assertThat(u.checks()).isEqualTo(1);
    assertThat(u.p99()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void rollups_agree_with_raw_rows() {
    long raw = Records.count(dir, "SELECT COUNT(*) FROM results");
    assertThat(Records.count(dir, "SELECT SUM(checks) FROM rollup_minute")).isEqualTo(raw);
    assertThat(Records.count(dir, "SELECT SUM(checks) FROM rollup_day")).isEqualTo(raw);
    assertThat(Records.count(dir, "SELECT COUNT(*) FROM rollup_day WHERE monitor = 'api'"))
        .isEqualTo(36);
  }

  @Test
  void every_monitor_at_once_matches_each_one_alone() {
    Instant from = Instant.parse("2026-02-26T00:30:30.250Z");
    Instant to = Instant.parse("2026-04-02T05:05:05Z");
    var all = store.uptimes(from, to);

    assertThat(all).containsOnlyKeys("api", "other");
    Records.assertUptime(all.getOrDefault("api", Uptime.NONE), store.uptime("api", from, to));
    Records.assertUptime(all.getOrDefault("other", Uptime.NONE), store.uptime("other", from, to));
    assertThat(store.uptimes(END.plusSeconds(10), END.plusSeconds(7200))).isEmpty();
  }

  @Test
  void the_last_check_of_each_monitor() {
    store.upsertMonitors(
        List.of(
            new MonitorRow("api", "http", "yaml", "GET x", Duration.ofSeconds(41), List.of()),
            new MonitorRow("other", "http", "yaml", "GET y", Duration.ofSeconds(9), List.of()),
            new MonitorRow("idle", "http", "yaml", "GET z", Duration.ofSeconds(9), List.of())));

    assertThat(store.lastChecks())
        .containsOnly(
            java.util.Map.entry("api", all.get(all.size() - 1).startedAt()),
            java.util.Map.entry("other", START.plusSeconds(3600)));
  }

  private void assertMatches(Instant from, Instant to) {
    Uptime expected = Records.expected(all, from, to);
    assertThat(expected.checks()).isPositive();
    Records.assertUptime(store.uptime("api", from, to), expected);
  }
}

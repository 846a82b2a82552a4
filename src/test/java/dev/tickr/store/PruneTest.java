package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneTest {
  private static final Instant NOW = Instant.parse("2026-04-03T00:00:30Z");

  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(NOW));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void prune_removes_exactly_what_is_older_than_each_retention() {
    Instant rawCutoff = NOW.minus(Duration.ofDays(7));
    List.of(
            rawCutoff.minusMillis(1), // raw deleted; its minute 2026-03-27T00:00 kept
            rawCutoff, // everything kept
            Instant.parse("2026-03-04T00:00:10Z"), // minute began before now-30d: deleted
            Instant.parse("2026-03-04T00:01:00Z"), // minute kept
            Instant.parse("2025-02-27T12:00:00Z"), // day began before now-400d: deleted
            Instant.parse("2025-02-28T00:00:00Z")) // day kept
        .forEach(at -> store.append(Records.ok("api", at, 10)));
    store.flush();

    store.prune(NOW);

    assertThat(store.results("api", Instant.EPOCH, NOW, 100, null))
        .extracting(CheckRecord::startedAt)
        .containsExactly(rawCutoff);
    assertThat(starts("rollup_minute"))
        .containsExactly("2026-03-04T00:01:00Z", "2026-03-27T00:00:00Z");
    assertThat(starts("rollup_day"))
        .containsExactly("2025-02-28T00:00:00Z", "2026-03-04T00:00:00Z", "2026-03-27T00:00:00Z");

    store.prune(NOW.minus(Duration.ofDays(100)));
    assertThat(Records.count(dir, "SELECT horizon FROM prune_horizons WHERE kind = 'results'"))
        .isEqualTo(rawCutoff.toEpochMilli());
  }

  @Test
  void after_pruning_uptime_rounds_the_edges_to_what_is_kept() {
    List<CheckRecord> all =
        Records.series(
            "api",
            Instant.parse("2026-02-26T00:00:00Z"),
            Instant.parse("2026-04-03T00:00:00Z"),
            Duration.ofMillis(97_003));
    all.forEach(store::append);
    store.flush();
    store.prune(Instant.parse("2026-04-03T00:00:00Z"));

    // raw kept from 03-27, minute rollups from 03-04: the edges round to a day and to a minute
    assertThat(
            store.uptime(
                "api",
                Instant.parse("2026-03-02T10:00:30.250Z"),
                Instant.parse("2026-03-20T13:27:31.500Z")))
        .satisfies(
            u ->
                Records.assertUptime(
                    u,
                    Records.expected(
                        all,
                        Instant.parse("2026-03-02T00:00:00Z"),
                        Instant.parse("2026-03-20T13:28:00Z"))));
    Instant from = Instant.parse("2026-03-10T05:05:29Z");
    Records.assertUptime(
        store.uptime("api", from, Instant.parse("2026-03-10T06:00:00Z")),
        Records.expected(all, from.minusSeconds(29), Instant.parse("2026-03-10T06:00:00Z")));
    // where raw results are kept, the figures stay exact
    from = Instant.parse("2026-03-28T01:02:03.456Z");
    Records.assertUptime(
        store.uptime("api", from, Instant.parse("2026-04-02T00:00:00Z")),
        Records.expected(all, from, Instant.parse("2026-04-02T00:00:00Z")));
  }

  private List<String> starts(String table) {
    return Records.longs(dir, "SELECT bucket_start FROM " + table + " ORDER BY bucket_start")
        .stream()
        .map(ms -> Instant.ofEpochMilli(ms).toString())
        .toList();
  }
}

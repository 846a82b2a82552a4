package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.incident.MonitorState;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's figures from a real store: read for the rows shown, kept while fresh. */
class OverviewFiguresTest {
  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path dir;

  @Test
  void reads_the_rows_shown_and_reads_again_after_a_state_change_or_thirty_seconds()
      throws Exception {
    try (SqliteStore store =
        SqliteStore.open(dir, Retention.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
      append(store, "api", T0.minus(Duration.ofHours(1)), true);
      append(store, "other", T0.minus(Duration.ofHours(1)), true);
      OverviewFigures figures = new OverviewFigures(store);
      OverviewRow up = row("api", MonitorState.UP);

      Map<String, OverviewFigures.Figures> first = figures.of(List.of(up), T0, 2);
      assertThat(first).containsOnlyKeys("api");
      assertThat(get(first, "api").day().checks()).isEqualTo(1);
      assertThat(get(first, "api").spark()).hasSize(OverviewFigures.SPARK_SLICES);

      append(store, "api", T0.minus(Duration.ofMinutes(1)), false);
      Instant soon = T0.plusSeconds(10);
      assertThat(get(figures.of(List.of(up), soon, 2), "api").day().checks())
          .as("fresh: from the cache")
          .isEqualTo(1);
      assertThat(figures.of(List.of(row("api", MonitorState.DOWN)), soon, 2).get("api"))
          .as("the state changed: read again")
          .satisfies(f -> assertThat(f.day().checks()).isEqualTo(2))
          .satisfies(f -> assertThat(f.day().failed()).isEqualTo(1));

      append(store, "api", T0, true);
      Instant later = soon.plus(OverviewFigures.FIGURES_FOR).plusSeconds(1);
      assertThat(figures.of(List.of(row("api", MonitorState.DOWN)), later, 2).get("api"))
          .as("older than %s: read again", OverviewFigures.FIGURES_FOR)
          .satisfies(f -> assertThat(f.day().checks()).isEqualTo(3));
    }
  }

  @Test
  void a_monitor_without_checks_has_no_figures_yet_and_is_read_again_at_each_request()
      throws Exception {
    try (SqliteStore store =
        SqliteStore.open(dir, Retention.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
      OverviewFigures figures = new OverviewFigures(store);
      OverviewRow fresh = row("fresh", MonitorState.PENDING);
      assertThat(figures.of(List.of(fresh), T0, 1).get("fresh"))
          .satisfies(f -> assertThat(f.day().checks()).isZero())
          .satisfies(f -> assertThat(OverviewHtml.percent(f.day())).contains(">-<"));

      append(store, "fresh", T0, true);
      assertThat(get(figures.of(List.of(fresh), T0.plusSeconds(1), 1), "fresh").day().checks())
          .isEqualTo(1);
    }
  }

  private static OverviewFigures.Figures get(
      Map<String, OverviewFigures.Figures> figures, String monitor) {
    return Objects.requireNonNull(figures.get(monitor), monitor);
  }

  private static OverviewRow row(String name, MonitorState state) {
    return new OverviewRow(name, "http", List.of(), state, null, null, null);
  }

  private static void append(SqliteStore store, String monitor, Instant at, boolean ok) {
    store.append(
        new CheckRecord(
            monitor,
            at,
            at,
            Duration.ofMillis(40),
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            null,
            Duration.ofMillis(30),
            ok ? 200 : 500,
            ok ? Verdict.OK : Verdict.FAILED,
            null,
            null));
    store.flush();
  }
}

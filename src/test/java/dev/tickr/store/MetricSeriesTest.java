package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metric series kept like results: raw values, minute and day rollups, each pruned in turn. */
class MetricSeriesTest {
  private static final Instant T = Instant.parse("2026-12-07T14:00:00Z");

  @TempDir Path dir;

  @Test
  void values_read_back_raw_by_hour_and_summed_over_a_window() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(T))) {
      MetricSeriesStore series = store.metricSeries();
      for (int minute = 0; minute < 120; minute++) {
        Instant at = T.plus(Duration.ofMinutes(minute));
        series.append("report", at, Map.of("conversions", (double) (minute < 60 ? 10 : 20)));
      }
      store.flush();
      Instant end = T.plus(Duration.ofHours(2));
      assertThat(series.series("report", "conversions", T, end, MetricSeriesStore.Resolution.RAW))
          .hasSize(120);
      List<MetricPoint> hours = series.hourly("report", "conversions", T, end);
      assertThat(hours)
          .extracting(MetricPoint::start, MetricPoint::count, MetricPoint::mean)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(T, 60L, 10.0),
              org.assertj.core.groups.Tuple.tuple(T.plus(Duration.ofHours(1)), 60L, 20.0));
      MetricPoint window =
          series.summary("report", "conversions", T.plus(Duration.ofMinutes(30)), end);
      assertThat(window.count()).isEqualTo(90);
      assertThat(window.mean()).isCloseTo(16.667, org.assertj.core.data.Offset.offset(0.001));
      assertThat(window.min()).isEqualTo(10);
      assertThat(window.max()).isEqualTo(20);
      assertThat(
              series.series(
                  "report",
                  "conversions",
                  T.truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                  end,
                  MetricSeriesStore.Resolution.DAY))
          .singleElement()
          .extracting(MetricPoint::count)
          .isEqualTo(120L);
    }
  }

  @Test
  void pruned_raw_values_are_read_from_the_minute_rollups() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(T))) {
      MetricSeriesStore series = store.metricSeries();
      series.append("report", T, Map.of("conversions", 4.0, "revenue", 12.5));
      series.append("report", T.plusSeconds(20), Map.of("conversions", 6.0));
      store.flush();
      store.prune(T.plus(Duration.ofDays(8)));
      assertThat(
              series.series(
                  "report", "conversions", T, T.plusSeconds(60), MetricSeriesStore.Resolution.RAW))
          .isEmpty();
      MetricPoint p = series.summary("report", "conversions", T, T.plus(Duration.ofHours(1)));
      assertThat(p.count()).isEqualTo(2);
      assertThat(p.mean()).isEqualTo(5.0);
      assertThat(series.summary("report", "revenue", T, T.plus(Duration.ofHours(1))).sum())
          .isEqualTo(12.5);
      store.prune(T.plus(Duration.ofDays(31)));
      Instant day = T.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      assertThat(series.summary("report", "conversions", day, day.plus(Duration.ofDays(1))).count())
          .isEqualTo(2);
    }
  }
}

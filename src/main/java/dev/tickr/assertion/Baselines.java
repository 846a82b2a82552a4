package dev.tickr.assertion;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What is normal for a metric at this hour of this weekday: pure arithmetic over a {@link
 * MetricHistory}, in UTC.
 */
final class Baselines {
  private static final Duration WEEK = Duration.ofDays(7);

  private Baselines() {}

  /**
   * @param median the median over the weeks that had values, or null when fewer than {@code needed}
   * @param usualFor the hour it stands for, e.g. {@code Monday 14:00 UTC}
   */
  record Weekly(@Nullable Double median, int weeksWithData, int needed, String usualFor) {}

  /** Weeks of history a baseline over {@code weeks} needs before it judges: half, rounded up. */
  static int needed(int weeks) {
    return (weeks + 1) / 2;
  }

  /**
   * The median, over the last {@code weeks} weeks, of the metric's mean in the same UTC hour of the
   * same weekday as {@code now}. Weeks with no value in that hour are left out; with fewer than
   * {@link #needed} weeks left there is no median.
   */
  static Weekly weekly(
      MetricHistory history, String monitor, String metric, Instant now, int weeks) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    List<Double> means = new ArrayList<>(weeks);
    for (int k = 1; k <= weeks; k++) {
      Instant from = hour.minus(WEEK.multipliedBy(k));
      MetricHistory.Summary s =
          history.summary(monitor, metric, from, from.plus(Duration.ofHours(1)));
      if (s.count() > 0) {
        means.add(s.mean());
      }
    }
    int needed = needed(weeks);
    Double median = means.size() >= needed ? median(means) : null;
    return new Weekly(median, means.size(), needed, hourOfWeek(hour));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** {@code Monday 14:00 UTC}. */
  static String hourOfWeek(Instant hour) {
    var t = hour.atOffset(ZoneOffset.UTC);
    DayOfWeek day = t.getDayOfWeek();
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + String.format(Locale.ROOT, " %02d:00 UTC", t.getHour());
  }
}

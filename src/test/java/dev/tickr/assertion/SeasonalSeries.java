package dev.tickr.assertion;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.ToDoubleFunction;

/**
 * A synthetic metric recorded once a minute, with daily and weekly seasonality: 40 an hour on
 * weekdays from 08:00 to 20:00 UTC, 3 at night, 10 all day at weekends, each week a little off
 * (×1.0, ×1.1, ×0.9, ×1.0 going back). It reads as history up to {@code until}.
 */
final class SeasonalSeries implements MetricHistory {
  private static final double[] WEEKS = {1.0, 1.1, 0.9, 1.0, 1.05, 0.95};

  private final Instant start;
  private final Instant until;
  private final ToDoubleFunction<Instant> value;

  SeasonalSeries(Instant start, Instant until, ToDoubleFunction<Instant> value) {
    this.start = start;
    this.until = until;
    this.value = value;
  }

  /** The usual series, recorded from {@code start} until {@code until}. */
  static SeasonalSeries recorded(Instant start, Instant until) {
    return new SeasonalSeries(start, until, t -> usual(t, until));
  }

  /** The value at {@code t}, in the week that many weeks before {@code now}. */
  static double usual(Instant t, Instant now) {
    var utc = t.atOffset(ZoneOffset.UTC);
    DayOfWeek day = utc.getDayOfWeek();
    double base =
        day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY
            ? 10
            : utc.getHour() >= 8 && utc.getHour() < 20 ? 40 : 3;
    long weeksAgo =
        ChronoUnit.DAYS.between(t.truncatedTo(ChronoUnit.DAYS), now.truncatedTo(ChronoUnit.DAYS))
            / 7;
    return base * (weeksAgo >= 1 && weeksAgo <= WEEKS.length ? WEEKS[(int) weeksAgo - 1] : 1.0);
  }

  @Override
  public Summary summary(String monitor, String metric, Instant from, Instant to) {
    Instant first = (from.isBefore(start) ? start : from).truncatedTo(ChronoUnit.MINUTES);
    if (first.isBefore(from)) {
      first = first.plus(Duration.ofMinutes(1));
    }
    Instant end = to.isAfter(until) ? until : to;
    Summary s = Summary.EMPTY;
    int bound = 0;
    for (Instant t = first; t.isBefore(end) && bound++ < 100_000; t = t.plusSeconds(60)) {
      s = s.plus(Summary.of(value.applyAsDouble(t)));
    }
    return s;
  }
}

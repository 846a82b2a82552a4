package dev.tickr.check.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A time relative to now, in the date-math style of Elasticsearch and Grafana: {@code now}, then
 * offsets such as {@code -7d} or {@code +1h} applied in turn, then an optional rounding down such
 * as {@code /d} (the start of the day). Days, weeks, months and years are calendar ones in the
 * zone, so {@code now-1d/d} is yesterday's midnight there even across a change to or from summer
 * time.
 *
 * @param offsets applied in order
 * @param round the unit rounded down to, or {@code null} for none
 */
record DateMath(List<Offset> offsets, @Nullable ChronoUnit round) {
  /** The units written after a number or a {@code /}, in that order. */
  static final String UNITS = "smhdwMy";

  /** At most this many digits in one offset: enough for any window, never an overflow. */
  private static final int MAX_DIGITS = 6;

  DateMath {
    offsets = List.copyOf(offsets);
  }

  /** One step: {@code amount} (negative for {@code -}) of {@code unit}. */
  record Offset(long amount, ChronoUnit unit) {}

  /**
   * Reads what follows {@code now}: {@code -1d-2h/d}, or the empty text.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  static DateMath parse(String text) {
    List<Offset> offsets = new ArrayList<>();
    ChronoUnit round = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (round != null) {
        throw new IllegalArgumentException(
            "nothing may follow the rounding \"/"
                + text.charAt(i - 1)
                + "\", got \""
                + text
                + "\"");
      }
      if (c == '/') {
        if (i + 1 >= text.length()) {
          throw new IllegalArgumentException("\"/\" must be followed by a unit (" + units() + ")");
        }
        round = unit(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c != '+' && c != '-') {
        throw new IllegalArgumentException(
            "expected +N or -N with a unit ("
                + units()
                + ") or /unit after now, got \""
                + text.substring(i)
                + "\"");
      }
      int start = ++i;
      while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
        i++;
      }
      if (i == start || i - start > MAX_DIGITS) {
        throw new IllegalArgumentException(
            "\"" + c + "\" must be followed by a number of at most " + MAX_DIGITS + " digits");
      }
      if (i >= text.length()) {
        throw new IllegalArgumentException(
            "\"" + text.substring(start - 1) + "\" needs a unit (" + units() + ")");
      }
      long amount = Long.parseLong(text.substring(start, i));
      offsets.add(new Offset(c == '-' ? -amount : amount, unit(text.charAt(i))));
      i++;
    }
    return new DateMath(offsets, round);
  }

  /** The time this stands for at {@code now}, in {@code zone}. */
  ZonedDateTime apply(Instant now, ZoneId zone) {
    ZonedDateTime at = now.atZone(zone);
    for (Offset o : offsets) {
      at = at.plus(o.amount(), o.unit());
    }
    if (round == null) {
      return at;
    }
    return switch (round) {
      case SECONDS, MINUTES, HOURS -> at.truncatedTo(round);
      case DAYS -> at.toLocalDate().atStartOfDay(zone);
      case WEEKS ->
          at.toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .atStartOfDay(zone);
      case MONTHS -> at.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
      default -> at.toLocalDate().withDayOfYear(1).atStartOfDay(zone);
    };
  }

  private static ChronoUnit unit(char c) {
    return switch (c) {
      case 's' -> ChronoUnit.SECONDS;
      case 'm' -> ChronoUnit.MINUTES;
      case 'h' -> ChronoUnit.HOURS;
      case 'd' -> ChronoUnit.DAYS;
      case 'w' -> ChronoUnit.WEEKS;
      case 'M' -> ChronoUnit.MONTHS;
      case 'y' -> ChronoUnit.YEARS;
      default ->
          throw new IllegalArgumentException(
              "unknown unit \"" + c + "\"; expected one of " + units());
    };
  }

  private static String units() {
    return "s m h d w M y";
  }
}

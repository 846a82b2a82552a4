package dev.tickr.importer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shortest and longest time between two runs of a five-field cron schedule, found by walking
 * eight years of its runs (leap days included) on the wall clock. Day of month and day of week both
 * restricted means either, as in cron.
 */
final class CronGaps {
  /** The gaps between consecutive runs. */
  record Gaps(Duration shortest, Duration longest) {
    boolean even() {
      return shortest.equals(longest);
    }
  }

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private CronGaps() {}

  /** The gaps, or null when the expression is not a cron schedule this understands. */
  static @Nullable Gaps of(String expression) {
    String cron = MACROS.getOrDefault(expression.strip().toLowerCase(Locale.ROOT), expression);
    String[] f = cron.strip().toUpperCase(Locale.ROOT).split("\\s+");
    if (f.length != 5) {
      return null;
    }
    BitSet minutes = field(f[0], 0, 59, List.of());
    BitSet hours = field(f[1], 0, 23, List.of());
    BitSet doms = field(f[2], 1, 31, List.of());
    BitSet months = field(f[3], 1, 12, MONTHS);
    BitSet dows = field(f[4], 0, 7, DAYS);
    if (minutes == null || hours == null || doms == null || months == null || dows == null) {
      return null;
    }
    if (dows.get(7)) {
      dows.set(0);
    }
    boolean domAny = f[2].equals("*") || f[2].equals("?");
    boolean dowAny = f[4].equals("*") || f[4].equals("?");
    long previous = -1;
    long shortest = Long.MAX_VALUE;
    long longest = 0;
    LocalDate day = LocalDate.of(2024, 1, 1);
    for (long d = 0; d < 8 * 366; d++, day = day.plusDays(1)) {
      boolean dom = doms.get(day.getDayOfMonth());
      boolean dow = dows.get(day.getDayOfWeek().getValue() % 7);
      boolean runs = (domAny || dowAny) ? (dom && dow) : (dom || dow);
      if (!months.get(day.getMonthValue()) || !runs) {
        continue;
      }
      long base = day.toEpochDay() * 1440;
      for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
          long at = base + h * 60L + m;
          if (previous >= 0) {
            shortest = Math.min(shortest, at - previous);
            longest = Math.max(longest, at - previous);
          }
          previous = at;
        }
      }
    }
    return longest == 0
        ? null
        : new Gaps(Duration.ofMinutes(shortest), Duration.ofMinutes(longest));
  }

  private static @Nullable BitSet field(String text, int min, int max, List<String> names) {
    BitSet out = new BitSet();
    for (String item : text.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        Integer s = number(item.substring(slash + 1), List.of(), 0);
        if (s == null || s < 1) {
          return null;
        }
        step = s;
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-', 1);
        Integer a = number(dash < 0 ? range : range.substring(0, dash), names, min);
        Integer b =
            dash < 0
                ? (slash >= 0 ? Integer.valueOf(max) : a)
                : number(range.substring(dash + 1), names, min);
        if (a == null || b == null || a < min || b > max || a > b) {
          return null;
        }
        from = a;
        to = b;
      }
      for (int v = from; v <= to; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static @Nullable Integer number(String text, List<String> names, int first) {
    int named = names.indexOf(text);
    if (named >= 0) {
      return named + (first == 1 ? 1 : 0);
    }
    return text.matches("[0-9]{1,2}") ? Integer.valueOf(text) : null;
  }
}

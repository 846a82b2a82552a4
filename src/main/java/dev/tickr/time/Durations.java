package dev.tickr.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configs and flags: Go-style {@code 500ms}, {@code 10s}, {@code
 * 1h30m}, plus {@code d} for days.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|s|m|h|d)");

  /** {@link Long#MAX_VALUE} nanoseconds (106751 days and a bit), as a double. */
  private static final double MAX_NANOS = 0x1p63;

  private Durations() {}

  /**
   * Parses {@code 10s}, {@code 1h30m}, {@code 1.5s}, {@code 250ms}, {@code 7d}; a leading {@code -}
   * negates. At most 106751 days (what a {@code long} of nanoseconds holds).
   *
   * @throws DateTimeParseException naming the text when it is not a duration or is longer
   */
  public static Duration parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      throw new DateTimeParseException("not a duration: \"" + text + "\"", text, 0);
    }
    Matcher m = PART.matcher(s);
    long nanos = 0;
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new DateTimeParseException(
            "not a duration: \"" + text + "\" (use e.g. 500ms, 10s, 5m, 1h30m, 7d)", text, at);
      }
      double amount = Double.parseDouble(m.group(1));
      long unit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
          };
      double part = amount * unit;
      if (part >= MAX_NANOS || nanos > Long.MAX_VALUE - Math.round(part)) {
        throw new DateTimeParseException(
            "duration too long: \"" + text + "\" (at most 106751d)", text, at);
      }
      nanos += Math.round(part);
      at = m.end();
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Whether {@link #parse} accepts the text. */
  public static boolean isDuration(String text) {
    try {
      parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A compact form people read and {@link #parse} reads back: {@code 850ms}, {@code 10s}, {@code
   * 1.5s}, {@code 2m30s}, {@code 23h59m}, {@code 2d23h}, {@code -1d4h}. Every unit is cut, never
   * rounded up: 59.99 seconds are {@code 59.9s}, not {@code 60.0s}.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms / 1_000 + "." + ms % 1_000 / 100 + "s";
    }
    long s = d.toSeconds();
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    long seconds = s % 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (minutes > 0 ? minutes + "m" : "");
    }
    return minutes + "m" + (seconds > 0 ? seconds + "s" : "");
  }
}

package dev.tickr.check.template;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a {@code {{now...}}} is written: a named format or a {@link DateTimeFormatter} pattern
 * (English names of days and months).
 *
 * @param spelling as the template wrote it
 * @param formatter the formatter, {@code null} for the Unix ones
 */
record TimeFormat(String spelling, @Nullable DateTimeFormatter formatter) {
  /** A time every format can write, to try a pattern on when it is read. */
  private static final ZonedDateTime SAMPLE =
      ZonedDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC);

  /** {@code 2026-12-07T20:15:00Z}; with a zone other than UTC, its offset. */
  static final TimeFormat ISO = of("iso");

  /**
   * The format written {@code text}: {@code iso}, {@code unix}, {@code unix-ms}, {@code rfc1123},
   * else a pattern.
   *
   * @throws IllegalArgumentException for a pattern that {@link DateTimeFormatter} does not take
   */
  static TimeFormat of(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "a format must follow \":\": iso, unix, unix-ms, rfc1123 or a pattern like yyyy-MM-dd");
    }
    DateTimeFormatter formatter =
        switch (text) {
          case "iso", "iso8601" ->
              DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ENGLISH);
          // Not RFC_1123_DATE_TIME: it writes the 4th as "4", where HTTP dates have "04".
          case "rfc1123" ->
              DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss", Locale.ENGLISH);
          case "unix", "unix-ms" -> null;
          default -> DateTimeFormatter.ofPattern(text, Locale.ENGLISH);
        };
    TimeFormat format = new TimeFormat(text, formatter);
    try {
      format.format(SAMPLE); // a pattern may only fail when used
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return format;
  }

  String format(ZonedDateTime at) {
    if (formatter == null) {
      return spelling.equals("unix-ms")
          ? Long.toString(at.toInstant().toEpochMilli())
          : Long.toString(at.toEpochSecond());
    }
    String text = formatter.format(at);
    if (spelling.equals("rfc1123")) {
      return text + (at.getOffset().equals(ZoneOffset.UTC) ? " GMT" : " " + offset(at));
    }
    return text;
  }

  private static String offset(ZonedDateTime at) {
    return DateTimeFormatter.ofPattern("xx", Locale.ENGLISH).format(at);
  }
}

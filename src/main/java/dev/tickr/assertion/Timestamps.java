package dev.tickr.assertion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The timestamps {@code age()} reads: ISO-8601 instants and offset date-times, local date-times and
 * dates (taken as UTC), RFC 1123 HTTP dates, and epoch seconds or milliseconds.
 */
final class Timestamps {
  /** Epoch values at or above this are milliseconds (1e11 seconds is the year 5138). */
  private static final BigDecimal MILLIS_FROM = new BigDecimal("1e11");

  private static final BigDecimal LARGEST = new BigDecimal("1e17");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHmm", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private Timestamps() {}

  /** The instant {@code text} names, or {@code null} when it is not a timestamp. */
  static @Nullable Instant parse(String text) {
    String s = text.strip();
    if (NUMBER.matcher(s).matches()) {
      return epoch(new BigDecimal(s));
    }
    try {
      if (s.length() >= 10 && s.charAt(4) == '-') {
        // "2024-05-01 12:00:00" as databases print it is the ISO form with a space.
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.replaceFirst(" ", "T") : s;
        return iso(ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
      }
      return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Seconds since the epoch, or milliseconds when at least 1e11. */
  static @Nullable Instant epoch(BigDecimal value) {
    if (value.abs().compareTo(LARGEST) > 0) {
      return null; // past any date Instant holds, and costly to round (think 1e999999999)
    }
    BigDecimal seconds = value.abs().compareTo(MILLIS_FROM) >= 0 ? value.movePointLeft(3) : value;
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }

  private static Instant iso(TemporalAccessor parsed) {
    return switch (parsed) {
      case OffsetDateTime odt -> odt.toInstant();
      case LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
      case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
      default -> throw new DateTimeException("unexpected temporal " + parsed);
    };
  }
}

package dev.tickr.check.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the generated date is written, always in UTC: a named format or a {@link DateTimeFormatter}
 * pattern (English names of days and months).
 *
 * @param spelling as the config wrote it
 * @param formatter the pattern's formatter, {@code null} for the Unix ones
 */
public record SignatureDate(String spelling, @Nullable DateTimeFormatter formatter) {
  /** {@code Thu, 14 Apr 2011 22:44:22 GMT} (RFC 1123, as HTTP's Date header). */
  public static final String RFC1123 = "rfc1123";

  /** {@code 2011-04-14T22:44:22Z}. */
  public static final String ISO8601 = "iso8601";

  /** Seconds since 1970-01-01T00:00:00Z. */
  public static final String UNIX = "unix";

  /** Milliseconds since 1970-01-01T00:00:00Z. */
  public static final String UNIX_MS = "unix-ms";

  /**
   * The format written {@code text}: a name above, else a pattern.
   *
   * @throws IllegalArgumentException for a pattern {@link DateTimeFormatter} does not take
   */
  public static SignatureDate of(String text) {
    DateTimeFormatter formatter =
        switch (text.toLowerCase(Locale.ROOT)) {
          // Not RFC_1123_DATE_TIME: it writes the 4th as "4", where HTTP dates have "04".
          case RFC1123 ->
              DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH);
          case ISO8601 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ENGLISH);
          case UNIX, UNIX_MS -> null;
          default -> DateTimeFormatter.ofPattern(text, Locale.ENGLISH);
        };
    SignatureDate date = new SignatureDate(text, formatter);
    try {
      date.format(Instant.EPOCH); // a pattern may only fail when used (a field an instant lacks)
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return date;
  }

  public String format(Instant instant) {
    if (formatter == null) {
      return spelling.equalsIgnoreCase(UNIX_MS)
          ? Long.toString(instant.toEpochMilli())
          : Long.toString(instant.getEpochSecond());
    }
    return formatter.withZone(ZoneOffset.UTC).format(instant);
  }
}

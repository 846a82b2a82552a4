package dev.tickr.daemon;

import dev.tickr.check.Observation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * When a target that said "too many requests" (429, or 503 with {@code Retry-After}) may be asked
 * again: its {@code Retry-After}, in seconds or as an HTTP date, capped.
 */
final class RetryAfter {
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int UNAVAILABLE = 503;

  private RetryAfter() {}

  /**
   * How long the target asks to be left alone, at most {@code cap}; {@code null} when it asks
   * nothing (any other status, no header, or one that does not parse, or lies in the past).
   */
  static @Nullable Duration delay(Observation o, Instant now, Duration cap) {
    Integer status = o.status();
    if (status == null || (status != TOO_MANY_REQUESTS && status != UNAVAILABLE)) {
      return null;
    }
    String value = o.headers().get("Retry-After").orElse(null);
    if (value == null) {
      return null;
    }
    Duration asked = parse(value.strip(), now);
    if (asked == null || asked.isNegative() || asked.isZero()) {
      return null;
    }
    return asked.compareTo(cap) > 0 ? cap : asked;
  }

  /** {@code 120} or {@code Wed, 21 Oct 2026 07:28:00 GMT}. */
  static @Nullable Duration parse(String value, Instant now) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 9
          ? Duration.ofSeconds(999_999_999)
          : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Duration.between(now, at);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

package dev.tickr.affiliate;

import dev.tickr.time.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How the impact report writes times, durations and numbers: UTC, in one fixed form. */
final class ImpactTimes {
  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DAY_MINUTE =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ImpactTimes() {}

  /** {@code 2026-12-01 02:00 UTC}. */
  static String minute(Instant t) {
    return MINUTE.format(t) + " UTC";
  }

  /** {@code 2026-12-01 02:00–03:30 UTC}, or with both dates when they differ. */
  static String span(Instant start, Instant end) {
    String a = MINUTE.format(start);
    String b = MINUTE.format(end);
    String sameDay = a.substring(0, 10).equals(b.substring(0, 10)) ? b.substring(11) : b;
    return a + "–" + sameDay + " UTC";
  }

  static String duration(Duration d) {
    return d.isZero() ? "0s" : Durations.format(d);
  }

  /** A count of conversions, to one decimal: {@code 27.5}, {@code 3}. */
  static String count(double value) {
    return BigDecimal.valueOf(value)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** An amount in the currency's own decimals: {@code 123.75}. */
  static String money(double value, Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
  }
}

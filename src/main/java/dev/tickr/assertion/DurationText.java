package dev.tickr.assertion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations written Go-style ({@code 500ms}, {@code 1h30m}, {@code 1.5s}) plus {@code d} for days,
 * and the compact form {@code actual} values are shown in.
 */
final class DurationText {
  private static final Pattern WHOLE =
      Pattern.compile("[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h|d))+");
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private DurationText() {}

  /** The duration {@code text} spells, or {@code null} when it is not a duration. */
  static @Nullable Duration parse(String text) {
    if (text.isEmpty() || !WHOLE.matcher(text).matches()) {
      return null;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit(m.group(2)))));
    }
    if (text.startsWith("-")) {
      nanos = nanos.negate();
    }
    BigDecimal[] parts =
        nanos.setScale(0, RoundingMode.DOWN).divideAndRemainder(BigDecimal.valueOf(SECOND));
    try {
      return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static long unit(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> MS;
      case "s" -> SECOND;
      case "m" -> MINUTE;
      case "h" -> HOUR;
      default -> DAY;
    };
  }

  /** The duration in milliseconds, exactly. */
  static BigDecimal millis(Duration d) {
    return BigDecimal.valueOf(d.getSeconds())
        .multiply(BigDecimal.valueOf(1000))
        .add(BigDecimal.valueOf(d.getNano(), 6));
  }

  /**
   * At most two units, largest first, truncated: {@code 850ms}, {@code 1.234s}, {@code 4m12s},
   * {@code 71h59m} (hours up to three days, where thresholds like {@code 48h} live), {@code 3d2h},
   * {@code -3d2h}.
   */
  static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    if (d.compareTo(Duration.ofDays(3)) >= 0) {
      return twoUnits(d.toDays(), "d", d.toHoursPart(), "h");
    }
    if (d.compareTo(Duration.ofHours(1)) >= 0) {
      return twoUnits(d.toHours(), "h", d.toMinutesPart(), "m");
    }
    if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
      return twoUnits(d.toMinutes(), "m", d.toSecondsPart(), "s");
    }
    if (d.compareTo(Duration.ofSeconds(1)) >= 0) {
      BigDecimal seconds = BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros();
      return seconds.toPlainString() + "s";
    }
    if (d.compareTo(Duration.ofMillis(1)) >= 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    return d.toNanos() >= 1_000 ? d.toNanos() / 1_000 + "µs" : d.toNanos() + "ns";
  }

  private static String twoUnits(long big, String bigUnit, long small, String smallUnit) {
    return big + bigUnit + (small == 0 ? "" : small + smallUnit);
  }
}

package dev.tickr.assertion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whole numbers spelt as Go spells them, which is how Gatus reads them: an optional sign, then
 * decimal digits, or {@code 0x}/{@code 0o}/{@code 0b} and hexadecimal, octal or binary digits, with
 * {@code _} allowed between digits ({@code 0xC8}, {@code 0o17}, {@code 0b1010}, {@code 1_000}).
 * Go's older octal, a bare leading {@code 0} ({@code 010} as 8), is not read: such text is usually
 * an identifier or a postcode, and {@code 010} stays ten or the text {@code "010"}.
 */
final class IntegerText {
  private static final Pattern INTEGER =
      Pattern.compile(
          "([-+]?)(?:(0|[1-9](?:_?[0-9])*)"
              + "|0[xX]((?:_?[0-9a-fA-F])+)"
              + "|0[oO]((?:_?[0-7])+)"
              + "|0[bB]((?:_?[01])+))");

  private IntegerText() {}

  /** The whole number {@code text} spells, or null. */
  static @Nullable BigInteger parse(String text) {
    if (text.isEmpty() || text.length() > 400) {
      return null;
    }
    Matcher m = INTEGER.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int radix = m.group(2) != null ? 10 : m.group(3) != null ? 16 : m.group(4) != null ? 8 : 2;
    String digits = m.group(radix == 10 ? 2 : radix == 16 ? 3 : radix == 8 ? 4 : 5);
    BigInteger value = new BigInteger(digits.replace("_", ""), radix);
    return m.group(1).equals("-") ? value.negate() : value;
  }

  /**
   * The whole number a value is, for {@code ==}: a typed number without a fraction, or text that
   * spells one; else null.
   */
  static @Nullable BigInteger of(Value v) {
    return switch (v) {
      case Value.Num n -> whole(n.value());
      case Value.Json j ->
          j.node().isNumber()
              ? whole(j.node().decimalValue())
              : j.node().isTextual() ? parse(j.node().textValue()) : null;
      case Value.Text t -> parse(t.text());
      case Value.Secret s -> parse(s.text());
      case Value.Dur d -> null;
      case Value.Bool b -> null;
      case Value.Missing m -> null;
    };
  }

  private static @Nullable BigInteger whole(BigDecimal d) {
    if (Math.abs(d.scale()) > 400) {
      return null;
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}

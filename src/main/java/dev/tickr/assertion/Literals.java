package dev.tickr.assertion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How literal text is typed, and how text is shortened for a person to read. */
final class Literals {
  static final int SHOWN = 100;

  private static final Pattern NUMBER =
      Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

  private Literals() {}

  /**
   * The number {@code text} spells, or null: a decimal number, a whole number in Go's spelling
   * ({@code 0x1F}, {@code 1_000}, see {@link IntegerText}) or a duration in milliseconds.
   */
  static @Nullable BigDecimal number(String text) {
    if (text.isEmpty() || text.length() > 400 || !NUMBER.matcher(text).matches()) {
      BigInteger whole = IntegerText.parse(text);
      if (whole != null) {
        return new BigDecimal(whole);
      }
      Duration d = text.length() > 100 ? null : DurationText.parse(text);
      return d == null ? null : DurationText.millis(d);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A literal as written: a number (decimal, or whole in Go's spelling such as {@code 0xC8}), a
   * duration, true/false, or text.
   */
  static Value typed(String text) {
    if (NUMBER.matcher(text).matches()) {
      try {
        return new Value.Num(new BigDecimal(text), text);
      } catch (NumberFormatException e) {
        return new Value.Text(text);
      }
    }
    BigInteger whole = IntegerText.parse(text);
    if (whole != null) {
      return new Value.Num(new BigDecimal(whole), text);
    }
    Duration d = DurationText.parse(text);
    if (d != null) {
      return new Value.Dur(d, text);
    }
    if (text.equals("true") || text.equals("false")) {
      return new Value.Bool(Boolean.parseBoolean(text));
    }
    return new Value.Text(text);
  }

  /**
   * Text for one line of output: line breaks and tabs become a space, at most {@value #SHOWN}
   * characters then {@code …}, and the empty text as {@code ""}.
   */
  static String shorten(String text) {
    if (text.isEmpty()) {
      return "\"\"";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN + 1));
    int shown = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r' || c == '\t') {
        space = true;
        continue;
      }
      if (space) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
          shown++;
        }
        space = false;
      }
      if (shown == SHOWN) {
        return out.append('…').toString();
      }
      out.appendCodePoint(c);
      shown++;
    }
    return out.toString();
  }

  /** {@code "text"}, shortened, for messages such as {@code not a number: "abc"}. */
  static String quoted(String text) {
    String shortened = text.isEmpty() ? "" : shorten(text);
    if (shortened.codePointCount(0, shortened.length()) > 40) {
      shortened = shortened.substring(0, shortened.offsetByCodePoints(0, 40)) + "…";
    }
    return "\"" + shortened + "\"";
  }
}

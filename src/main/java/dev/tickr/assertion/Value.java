package dev.tickr.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.check.Redaction;
import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A resolved operand. Numbers, durations and JSON numbers are <em>typed</em> numbers and compare
 * numerically with each other; everything else compares by its text. {@link Missing} is a value
 * that could not be resolved, with the reason.
 */
sealed interface Value {

  /** The value as a number when it is one by type (durations in milliseconds), else null. */
  @Nullable BigDecimal typedNumber();

  /** The text {@code ==}, {@code !=} and {@code pat()} compare. */
  String matchText();

  /** The value as a person reads it in {@code actual}. */
  String display();

  default boolean resolved() {
    return true;
  }

  /** The value as a number for {@code <} and friends: typed, or text that spells one. */
  default @Nullable BigDecimal number() {
    BigDecimal typed = typedNumber();
    return typed != null ? typed : Literals.number(matchText().strip());
  }

  /** A number, with the text it was written as. */
  record Num(BigDecimal value, String text) implements Value {
    static Num of(long n) {
      return new Num(BigDecimal.valueOf(n), Long.toString(n));
    }

    @Override
    public BigDecimal typedNumber() {
      return value;
    }

    @Override
    public String matchText() {
      return text;
    }

    @Override
    public String display() {
      return text;
    }
  }

  /**
   * A duration; compared in milliseconds. {@code literal} is how a condition wrote it, null for
   * measured durations.
   */
  record Dur(Duration duration, @Nullable String literal) implements Value {
    @Override
    public BigDecimal typedNumber() {
      return DurationText.millis(duration);
    }

    @Override
    public String matchText() {
      return literal != null ? literal : DurationText.millis(duration).toBigInteger().toString();
    }

    @Override
    public String display() {
      return literal != null ? literal : DurationText.format(duration);
    }
  }

  record Text(String text) implements Value {
    @Override
    public @Nullable BigDecimal typedNumber() {
      return null;
    }

    @Override
    public String matchText() {
      return text;
    }

    @Override
    public String display() {
      return Literals.shorten(text);
    }
  }

  /** A header value marked secret: compared as it is, never shown. */
  record Secret(String text) implements Value {
    @Override
    public @Nullable BigDecimal typedNumber() {
      return null;
    }

    @Override
    public String matchText() {
      return text;
    }

    @Override
    public String display() {
      return Redaction.MASK;
    }
  }

  record Bool(boolean value) implements Value {
    @Override
    public @Nullable BigDecimal typedNumber() {
      return null;
    }

    @Override
    public String matchText() {
      return Boolean.toString(value);
    }

    @Override
    public String display() {
      return matchText();
    }
  }

  /** A value found in a JSON body: strings without quotes, objects and arrays as compact JSON. */
  record Json(JsonNode node) implements Value {
    @Override
    public @Nullable BigDecimal typedNumber() {
      return node.isNumber() ? node.decimalValue() : null;
    }

    @Override
    public String matchText() {
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isNumber() && !node.isIntegralNumber()) {
        // 1e999999999 written out in full would be a billion digits: keep such numbers short.
        BigDecimal d = node.decimalValue();
        return Math.abs(d.scale()) > 100 ? d.toString() : d.toPlainString();
      }
      return node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public String display() {
      return Literals.shorten(matchText());
    }
  }

  /** Not resolved; {@code why} says why, e.g. {@code no field "x" at [BODY].data.x}. */
  record Missing(String why) implements Value {
    @Override
    public @Nullable BigDecimal typedNumber() {
      return null;
    }

    @Override
    public String matchText() {
      return why;
    }

    @Override
    public String display() {
      return why;
    }

    @Override
    public boolean resolved() {
      return false;
    }

    @Override
    public @Nullable BigDecimal number() {
      return null;
    }
  }
}

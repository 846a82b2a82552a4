package dev.tickr.assertion;

import java.util.List;

/**
 * The right side of a condition: a value to compare with, or one of the two matchers that only
 * {@code ==} and {@code !=} take.
 */
sealed interface Right permits Operand, Right.Pattern, Right.AnyOf {

  /** 0-based index in the condition where this side starts, for error messages. */
  int at();

  /** {@code pat(GLOB)}: the left side's text matches the glob. */
  record Pattern(String glob, int at) implements Right {}

  /** {@code any(a, b, ...)}: the left side equals one of the values. */
  record AnyOf(List<Value> values, int at) implements Right {
    public AnyOf {
      values = List.copyOf(values);
    }
  }
}

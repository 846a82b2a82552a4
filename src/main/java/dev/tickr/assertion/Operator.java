package dev.tickr.assertion;

import org.jspecify.annotations.Nullable;

/** The comparison in the middle of a condition. */
enum Operator {
  EQ("=="),
  NE("!="),
  LE("<="),
  LT("<"),
  GE(">="),
  GT(">");

  /** Every operator, longest spelling first, so that {@code <=} is found before {@code <}. */
  static final Operator[] LONGEST_FIRST = {EQ, NE, LE, GE, LT, GT};

  static final String LIST = "==, !=, <, <=, >, >=";

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** Whether this operator orders numbers ({@code <}, {@code <=}, {@code >}, {@code >=}). */
  boolean ordering() {
    return this != EQ && this != NE;
  }

  /** The operator spelled at {@code at}, or {@code null}. */
  static @Nullable Operator at(String text, int at) {
    for (Operator op : LONGEST_FIRST) {
      if (text.startsWith(op.symbol, at)) {
        return op;
      }
    }
    return null;
  }
}

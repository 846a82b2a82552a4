package dev.tickr.assertion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One parsed condition, {@code LEFT OP RIGHT}. Immutable and thread-safe: parse once, judge any
 * number of observations with it. Made by {@link ConditionParser#parse}.
 */
public final class Condition {
  private final String text;
  private final Operand left;
  private final Operator operator;
  private final Right right;
  private final Set<Subject> subjects;

  Condition(String text, Operand left, Operator operator, Right right) {
    this.text = text;
    this.left = left;
    this.operator = operator;
    this.right = right;
    Set<Subject> found = EnumSet.noneOf(Subject.class);
    left.addSubjects(found);
    if (right instanceof Operand r) {
      r.addSubjects(found);
    }
    this.subjects = Collections.unmodifiableSet(found);
  }

  /** The left side: what {@link Extractor} reads. */
  Operand left() {
    return left;
  }

  /** The condition as written, without surrounding whitespace. */
  public String text() {
    return text;
  }

  /**
   * The metrics the condition reads ({@code [METRIC].name}, {@code baseline(name, …)}…), each with
   * its 1-based column, in the order written; empty for most conditions.
   */
  public java.util.Map<String, Integer> metricNames() {
    java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
    MetricOperands.names(left, out);
    MetricOperands.names(right, out);
    out.replaceAll((name, at) -> at + 1);
    return out;
  }

  /** What the condition looks at. */
  public Set<Subject> subjects() {
    return subjects;
  }

  /**
   * @param resolved whether every value the condition names could be resolved
   */
  record Verdict(boolean success, String actual, boolean resolved) {}

  Verdict evaluate(EvaluationContext ctx) {
    Value l = left.resolve(ctx);
    return switch (right) {
      case Right.Pattern p ->
          l.resolved()
              ? new Verdict(
                  Glob.matches(p.glob(), l.matchText()) == (operator == Operator.EQ),
                  l.display(),
                  true)
              : new Verdict(false, l.display(), false);
      case Right.AnyOf any -> {
        if (!l.resolved()) {
          yield new Verdict(false, l.display(), false);
        }
        boolean found = any.values().stream().anyMatch(v -> equal(l, v));
        yield new Verdict(found == (operator == Operator.EQ), l.display(), true);
      }
      case Operand.Literal literal -> compare(l, literal.value(), false);
      case Operand operand -> compare(l, operand.resolve(ctx), true);
    };
  }

  private Verdict compare(Value l, Value r, boolean showRight) {
    if (!l.resolved() || !r.resolved()) {
      return new Verdict(false, actual(l.display(), r.display(), showRight), false);
    }
    if (!operator.ordering()) {
      boolean same = equal(l, r);
      return new Verdict(same == (operator == Operator.EQ), actual(l, r, showRight), true);
    }
    BigDecimal a = l.number();
    BigDecimal b = r.number();
    if (a == null || b == null) {
      return new Verdict(
          false, actual(numberOrWhyNot(l, a), numberOrWhyNot(r, b), showRight), true);
    }
    int c = a.compareTo(b);
    boolean holds =
        switch (operator) {
          case LT -> c < 0;
          case LE -> c <= 0;
          case GT -> c > 0;
          case GE -> c >= 0;
          case EQ, NE -> throw new IllegalStateException("not an ordering: " + operator);
        };
    return new Verdict(holds, actual(l, r, showRight), true);
  }

  /**
   * Typed numbers (numbers, durations, JSON numbers) numerically; whole numbers, typed or spelt in
   * text as Gatus reads them ({@code "0x1"}, {@code "+5"}, {@code "1_000"}), by value; anything
   * else by its text.
   */
  static boolean equal(Value l, Value r) {
    BigDecimal a = l.typedNumber();
    BigDecimal b = r.typedNumber();
    if (a != null && b != null) {
      return a.compareTo(b) == 0;
    }
    BigInteger x = IntegerText.of(l);
    BigInteger y = x == null ? null : IntegerText.of(r);
    if (x != null && y != null) {
      return x.equals(y);
    }
    return l.matchText().equals(r.matchText());
  }

  private static String numberOrWhyNot(Value v, @Nullable BigDecimal n) {
    if (n != null) {
      return v.display();
    }
    String shown = v instanceof Value.Secret ? v.display() : v.matchText();
    return "not a number: " + Literals.quoted(shown);
  }

  private static String actual(Value l, Value r, boolean showRight) {
    return actual(l.display(), r.display(), showRight);
  }

  private static String actual(String l, String r, boolean showRight) {
    return showRight ? l + " vs " + r : l;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Condition c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}

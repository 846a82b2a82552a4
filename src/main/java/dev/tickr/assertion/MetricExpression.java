package dev.tickr.assertion;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One declared metric's expression ({@code metrics: {NAME: EXPR}}): an operand of the condition
 * language that gives a number, e.g. {@code len([BODY].Actions)}, {@code
 * sum([BODY].Actions[*].Payout)}, or a timestamp such as {@code [BODY].Actions[0].EventDate}, kept
 * as epoch seconds. Immutable; parse once, read any number of observations.
 */
public final class MetricExpression {
  private final String text;
  private final Operand operand;

  private MetricExpression(String text, Operand operand) {
    this.text = text;
    this.operand = operand;
  }

  /**
   * @throws ConditionSyntaxException naming the 1-based column of what is wrong
   */
  public static MetricExpression parse(String text) throws ConditionSyntaxException {
    if (text.isBlank()) {
      throw new ConditionSyntaxException(
          "empty metric: expected e.g. len([BODY].items) or [BODY].total", text, 1);
    }
    int operator = operatorAt(text);
    if (operator >= 0) {
      throw new ConditionSyntaxException(
          "a metric is a value, not a condition: nothing to compare here", text, operator + 1);
    }
    Condition probe = ConditionParser.parse(text + " != 0");
    Operand operand = probe.left();
    if (operand instanceof MetricOperands.Ref
        || operand instanceof MetricOperands.Age
        || operand instanceof MetricOperands.Baseline
        || operand instanceof MetricOperands.LookBack
        || operand instanceof MetricOperands.Scaled) {
      throw new ConditionSyntaxException(
          "a metric is read from the answer ([BODY], [HEADER], [STATUS]…), not from other metrics",
          text,
          operand.at() + 1);
    }
    return new MetricExpression(text.strip(), operand);
  }

  /** The first comparison operator outside quotes, brackets and parentheses, or -1. */
  private static int operatorAt(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && Operator.at(text, i) != null) {
        return i;
      }
    }
    return -1;
  }

  public String text() {
    return text;
  }

  /**
   * The number in {@code observation} (a pushed body, say), as {@link #read(EvaluationContext,
   * StringBuilder)} reads it.
   */
  public @Nullable Double read(
      dev.tickr.check.Observation observation, Instant now, StringBuilder why) {
    return read(new EvaluationContext(observation, now), why);
  }

  /**
   * The metric's number in {@code ctx}: a number, a numeric text, a timestamp as epoch seconds, a
   * duration in milliseconds, true as 1; null (with {@code why} filled in) when there is none.
   */
  @Nullable Double read(EvaluationContext ctx, StringBuilder why) {
    Value v = operand.resolve(ctx);
    if (!v.resolved()) {
      why.append(v.display());
      return null;
    }
    if (v instanceof Value.Bool b) {
      return b.value() ? 1.0 : 0.0;
    }
    BigDecimal n = v.number();
    if (n != null) {
      return n.doubleValue();
    }
    String shown = v instanceof Value.Secret ? v.display() : v.matchText();
    Instant t = Timestamps.parse(shown);
    if (t != null) {
      return t.toEpochMilli() / 1000.0;
    }
    why.append("not a number or a timestamp: ").append(Literals.quoted(shown));
    return null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MetricExpression m && m.text.equals(text);
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

package dev.tickr.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code sum(P)}, {@code min(P)}, {@code max(P)} and {@code count(P)} over the values a {@link
 * WildPath} reaches in the body, e.g. {@code sum([BODY].Actions[*].Payout)}. Numbers written as
 * text count as numbers; {@code min} and {@code max} also take timestamps (as epoch seconds), so
 * {@code max([BODY].Actions[*].EventDate)} is the newest. {@code count} counts the values that are
 * not null, or with a filter those that match it: {@code count([BODY].Actions[*].State ==
 * "APPROVED")}. Nulls and missing fields are skipped.
 */
record Aggregate(Function function, WildPath path, @Nullable Filter filter, int at)
    implements Operand.Extended {

  enum Function {
    SUM,
    MIN,
    MAX,
    COUNT
  }

  /** {@code OP LITERAL}, held against each value {@code count} looks at. */
  record Filter(Operator operator, Value literal) {
    boolean test(Value v) {
      if (!operator.ordering()) {
        return Condition.equal(v, literal) == (operator == Operator.EQ);
      }
      BigDecimal a = v.number();
      BigDecimal b = literal.number();
      if (a == null || b == null) {
        return false;
      }
      int c = a.compareTo(b);
      return switch (operator) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        case EQ, NE -> throw new IllegalStateException("not an ordering: " + operator);
      };
    }
  }

  @Override
  public Value resolve(EvaluationContext ctx) {
    Value root = ctx.json();
    if (!(root instanceof Value.Json json)) {
      return root;
    }
    List<JsonNode> nodes = path.resolve(json.node());
    if (function == Function.COUNT) {
      long n = 0;
      for (JsonNode node : nodes) {
        if (!node.isNull() && (filter == null || filter.test(new Value.Json(node)))) {
          n++;
        }
      }
      return Value.Num.of(n);
    }
    BigDecimal out = function == Function.SUM ? BigDecimal.ZERO : null;
    for (JsonNode node : nodes) {
      if (node.isNull()) {
        continue;
      }
      BigDecimal n = number(node);
      if (n == null) {
        return new Value.Missing(
            "not a number: " + Literals.quoted(new Value.Json(node).matchText()) + " in " + text());
      }
      out =
          switch (function) {
            case SUM -> out == null ? n : out.add(n);
            case MIN -> out == null || n.compareTo(out) < 0 ? n : out;
            case MAX -> out == null || n.compareTo(out) > 0 ? n : out;
            case COUNT -> throw new IllegalStateException("counted above");
          };
    }
    if (out == null) {
      return new Value.Missing("no values at " + path.text());
    }
    return new Value.Num(out, out.stripTrailingZeros().toPlainString());
  }

  /** A JSON number, a number written as text, or a timestamp as epoch seconds. */
  private @Nullable BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (!node.isTextual()) {
      return null;
    }
    BigDecimal n = Literals.number(node.textValue().strip());
    if (n != null || function == Function.SUM) {
      return n;
    }
    Instant t = Timestamps.parse(node.textValue());
    return t == null ? null : BigDecimal.valueOf(t.getEpochSecond());
  }

  String text() {
    String name = function.name().toLowerCase(java.util.Locale.ROOT);
    return name + "(" + path.text() + ")";
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public void addSubjects(Set<Subject> subjects) {
    subjects.add(Subject.BODY);
  }
}

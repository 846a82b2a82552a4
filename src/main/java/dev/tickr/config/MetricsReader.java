package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a monitor's {@code metrics: {NAME: EXPR}}: named numbers read from each answer. Names are
 * what {@code [METRIC].NAME}, the API and {@code /metrics} use; at most {@link #MAX} a monitor, so
 * what is stored and exported stays bounded.
 */
final class MetricsReader {
  static final int MAX = 20;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private final Read read;

  MetricsReader(Read read) {
    this.read = read;
  }

  /**
   * Whether every metric {@code condition} reads is declared; else a problem at the name's place.
   */
  static boolean declares(Read read, Scalar item, Condition condition, Map<String, ?> declared) {
    for (Map.Entry<String, Integer> used : condition.metricNames().entrySet()) {
      if (!declared.containsKey(used.getKey())) {
        read.problem(
            item.at(used.getValue() - 1),
            "no metric named "
                + Node.quote(used.getKey())
                + (declared.isEmpty()
                    ? ": declare it under metrics:, e.g. metrics: {"
                        + used.getKey()
                        + ": len([BODY].items)}"
                    : " in metrics: (declared: " + String.join(", ", declared.keySet()) + ")"));
        return false;
      }
    }
    return true;
  }

  /**
   * The metrics in the order written; empty when there is no {@code metrics:}; null after a
   * problem.
   */
  @Nullable Map<String, MetricExpression> read(@Nullable Node node) {
    if (node == null) {
      return Map.of();
    }
    Mapping mapping =
        read.mapping(
            node,
            "metrics",
            "a mapping of metric name to expression, e.g. {count: len([BODY].items)}");
    if (mapping == null) {
      return null;
    }
    if (mapping.entries().size() > MAX) {
      read.problem(
          mapping.at(), "metrics: at most " + MAX + " a monitor, got " + mapping.entries().size());
      return null;
    }
    boolean ok = true;
    Map<String, MetricExpression> out = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      String name = e.key().text();
      if (!NAME.matcher(name).matches()) {
        read.problem(
            e.key().at(),
            "metrics: "
                + Node.quote(name)
                + " is not a metric name: letters, digits, _ and -, starting with a letter");
        ok = false;
        continue;
      }
      Scalar expr =
          read.scalar(e.value(), "metrics." + name, "an expression such as len([BODY].items)");
      if (expr == null) {
        ok = false;
        continue;
      }
      try {
        out.put(name, MetricExpression.parse(expr.text()));
      } catch (ConditionSyntaxException x) {
        read.problem(expr.at(x.column() - 1), "metrics." + name + ": " + x.getMessage());
        ok = false;
      }
    }
    return ok ? Collections.unmodifiableMap(out) : null;
  }
}

package dev.tickr.assertion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of one judging: the values just extracted, the history behind them, and what the
 * condition being evaluated found worth saying (the numbers an alert shows, or why it could not
 * judge yet). Confined to one judging; not thread-safe.
 */
final class MetricScope {
  private final String monitor;
  private final Map<String, Double> values;
  private final Map<String, String> missing;
  private final MetricHistory history;
  private final List<String> said = new ArrayList<>();
  private @Nullable String undecided;

  MetricScope(
      String monitor,
      Map<String, Double> values,
      Map<String, String> missing,
      MetricHistory history) {
    this.monitor = monitor;
    this.values = values;
    this.missing = missing;
    this.history = history;
  }

  static MetricScope empty() {
    return new MetricScope("", Map.of(), Map.of(), MetricHistory.NONE);
  }

  String monitor() {
    return monitor;
  }

  MetricHistory history() {
    return history;
  }

  /** The value extracted this time, or null. */
  @Nullable Double value(String name) {
    return values.get(name);
  }

  /** {@code [METRIC].name}: the value, or why there is none. */
  Value metric(String name) {
    Double v = values.get(name);
    if (v != null) {
      return MetricOperands.number(v);
    }
    String why = missing.get(name);
    return new Value.Missing(
        why != null ? "metric " + name + ": " + why : "no metric named " + name + " this time");
  }

  /** Starts a condition: forgets what the previous one said. */
  void begin() {
    said.clear();
    undecided = null;
  }

  /** A figure for the message of a failed condition, e.g. {@code conversions 0}. */
  void say(String text) {
    if (!said.contains(text)) {
      said.add(text);
    }
  }

  /** The condition cannot be judged yet (too little history); it holds, and says why. */
  void undecided(String why) {
    undecided = why;
  }

  @Nullable String undecided() {
    return undecided;
  }

  /** What the condition said, joined; empty when it said nothing. */
  String said() {
    return String.join("; ", said);
  }
}

package dev.tickr.assertion;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a monitor's declared metrics out of one observation, for {@link Judge}. */
final class MetricReading {
  private MetricReading() {}

  /**
   * Reads every declared metric into {@code values} (a missing one into {@code notes}) and gives
   * the scope conditions see them through.
   */
  static MetricScope read(
      MetricPlan plan, EvaluationContext ctx, Map<String, Double> values, List<String> notes) {
    Map<String, String> missing = new HashMap<>();
    values.putAll(plan.extra());
    for (Map.Entry<String, MetricExpression> e : plan.declared().entrySet()) {
      StringBuilder why = new StringBuilder();
      Double v = e.getValue().read(ctx, why);
      if (v != null && Double.isFinite(v)) {
        values.put(e.getKey(), v);
      } else {
        values.remove(e.getKey());
        String reason = v == null ? why.toString() : "not a finite number";
        missing.put(e.getKey(), reason);
        notes.add("metric " + e.getKey() + " has no value: " + reason);
      }
    }
    MetricScope scope =
        new MetricScope(plan.monitor(), new LinkedHashMap<>(values), missing, plan.history());
    ctx.metrics(scope);
    return scope;
  }
}

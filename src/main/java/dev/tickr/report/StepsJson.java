package dev.tickr.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.StepResult;
import dev.tickr.check.StepResult.ConditionOutcome;
import java.util.List;
import java.util.Map;

/**
 * A flow's steps and named durations as the API answers them: in a check's report ({@code POST
 * /monitors/test}, {@code /check}), in each stored result and in the monitor's JSON. The texts are
 * as given: callers mask secrets before (stored steps are) or after (a trial's tree is).
 */
public final class StepsJson {
  /** The field of the steps. */
  public static final String STEPS = "steps";

  /** The field of the named durations, in seconds. */
  public static final String DURATIONS = "durations_s";

  private StepsJson() {}

  /**
   * Puts {@code steps} and {@code durations_s} into {@code out} when there are steps or durations
   * (a flow's); leaves any other result as it was.
   */
  public static void put(ObjectNode out, List<StepResult> steps, Map<String, Double> measures) {
    if (steps.isEmpty() && measures.isEmpty()) {
      return;
    }
    out.set(STEPS, steps(steps));
    ObjectNode durations = out.putObject(DURATIONS);
    measures.forEach(durations::put);
  }

  /**
   * Each step: {@code name, status (PASSED|FAILED|SKIPPED), attempts, took_ms, reason, message,
   * conditions: [{condition, success, actual}]}.
   */
  public static ArrayNode steps(List<StepResult> steps) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (StepResult s : steps) {
      ObjectNode o = list.addObject();
      o.put("name", s.name());
      o.put("status", s.status().name());
      o.put("attempts", s.attempts());
      o.put("took_ms", s.took().toNanos() / 1_000_000.0);
      if (s.reason() == null) {
        o.putNull("reason");
      } else {
        o.put("reason", s.reason().code());
      }
      if (s.message() == null) {
        o.putNull("message");
      } else {
        o.put("message", s.message());
      }
      ArrayNode conditions = o.putArray("conditions");
      for (ConditionOutcome c : s.conditions()) {
        conditions
            .addObject()
            .put("condition", c.condition())
            .put("success", c.success())
            .put("actual", c.actual());
      }
    }
    return list;
  }
}

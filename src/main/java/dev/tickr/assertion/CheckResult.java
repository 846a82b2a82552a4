package dev.tickr.assertion;

import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one observation.
 *
 * @param conditions every condition's outcome, in the order given
 * @param reason why the check failed, or {@code null} when it succeeded
 * @param error one phrase for a person, or {@code null} when the check succeeded
 * @param metrics the metrics read this time, by name (timestamps as epoch seconds); a metric with
 *     no value this time is left out and {@code notes} says why
 * @param notes what a person should know that is no failure: a metric that had no value, a baseline
 *     with too little history to judge
 */
public record CheckResult(
    Observation observation,
    List<ConditionResult> conditions,
    boolean success,
    @Nullable Reason reason,
    @Nullable String error,
    Map<String, Double> metrics,
    List<String> notes) {

  public CheckResult {
    conditions = List.copyOf(conditions);
    metrics =
        metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    notes = List.copyOf(notes);
  }

  /** A verdict without metrics. */
  public CheckResult(
      Observation observation,
      List<ConditionResult> conditions,
      boolean success,
      @Nullable Reason reason,
      @Nullable String error) {
    this(observation, conditions, success, reason, error, Map.of(), List.of());
  }
}

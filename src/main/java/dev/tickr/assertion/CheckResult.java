package dev.tickr.assertion;

import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one observation.
 *
 * @param conditions every condition's outcome, in the order given
 * @param reason why the check failed, or {@code null} when it succeeded
 * @param error one phrase for a person, or {@code null} when the check succeeded
 */
public record CheckResult(
    Observation observation,
    List<ConditionResult> conditions,
    boolean success,
    @Nullable Reason reason,
    @Nullable String error) {

  public CheckResult {
    conditions = List.copyOf(conditions);
  }
}

package dev.tickr.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What became of one step of a flow, as plain data that the store keeps and the API and pages show:
 * whether it passed, how many tries it took and how long, why it failed, and each of its conditions
 * with the value it saw.
 *
 * @param attempts the requests sent (more than one for a polling step); 0 when skipped
 * @param took from the step's first request to its end, its waits between tries included
 * @param reason why it failed, {@code null} unless {@link Status#FAILED}
 * @param message one phrase for a person (the failure, or why it was skipped), or {@code null}
 * @param conditions its conditions against its last answer, in the order written; empty when no
 *     answer was judged
 */
public record StepResult(
    String name,
    Status status,
    int attempts,
    Duration took,
    @Nullable Reason reason,
    @Nullable String message,
    List<ConditionOutcome> conditions) {

  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  /**
   * One condition of a step against its last answer.
   *
   * @param condition the condition as written
   * @param actual what it saw, as a person reads it
   */
  public record ConditionOutcome(String condition, boolean success, String actual) {
    public ConditionOutcome {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(actual, "actual");
    }
  }

  public StepResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(took, "took");
    conditions = List.copyOf(conditions);
  }

  /**
   * This step with {@code mask} applied to every text a target or a config may have put a secret
   * in.
   */
  public StepResult masked(UnaryOperator<String> mask) {
    return new StepResult(
        name,
        status,
        attempts,
        took,
        reason,
        message == null ? null : mask.apply(message),
        conditions.stream()
            .map(
                c ->
                    new ConditionOutcome(
                        mask.apply(c.condition()), c.success(), mask.apply(c.actual())))
            .toList());
  }
}

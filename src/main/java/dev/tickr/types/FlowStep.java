package dev.tickr.types;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.Extractor;
import dev.tickr.check.HttpTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a flow: a request (everything an http monitor sends), the conditions that judge its
 * answer, the values it extracts for later steps, and whether it polls or always runs.
 *
 * @param extract expressions by variable name, in the order written
 * @param secretVariables the extracted names whose values are secrets (read from a secret header)
 * @param poll how it repeats until its conditions hold, or {@code null} to run once
 * @param always whether it runs even after an earlier step failed (clean-up)
 */
public record FlowStep(
    String name,
    HttpTarget target,
    List<Condition> conditions,
    Map<String, Extractor> extract,
    Set<String> secretVariables,
    @Nullable Poll poll,
    boolean always) {

  public FlowStep {
    conditions = List.copyOf(conditions);
    extract = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extract));
    secretVariables = Set.copyOf(secretVariables);
  }

  /**
   * Repeat the request every {@code every} until the conditions hold, for at most {@code within}.
   */
  public record Poll(Duration every, Duration within) {}
}

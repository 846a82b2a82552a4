package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.Subject;
import dev.tickr.config.Node.Scalar;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A pushed monitor's conditions judge the volume of its pushes ({@code [METRIC].pings}, {@code
 * baseline(pings, 4w)}…), not an answer: each must read a metric and nothing else.
 */
final class VolumeConditions {
  /** What a pushed monitor's conditions may look at. */
  private static final Set<Subject> ALLOWED = EnumSet.of(Subject.METRIC, Subject.VOLUME);

  private VolumeConditions() {}

  /**
   * @param node the monitor's {@code conditions:}, or null
   * @param conditions those conditions as parsed, null after a problem
   * @return {@code conditions}, or null when one of them looks at something else (a problem)
   */
  static @Nullable List<Condition> check(
      Read read, @Nullable Node node, @Nullable List<Condition> conditions) {
    List<Scalar> items =
        node == null || conditions == null ? null : read.strings(node, "conditions");
    if (conditions == null || items == null) {
      return conditions;
    }
    boolean ok = true;
    for (int i = 0; i < conditions.size() && i < items.size(); i++) {
      Set<Subject> subjects = conditions.get(i).subjects();
      if (subjects.isEmpty() || !ALLOWED.containsAll(subjects)) {
        read.problem(
            items.get(i).at(),
            "a heartbeat's conditions judge its pings of the last hour: use [METRIC].pings,"
                + " [METRIC].count, baseline(pings, 4w) or avg(count, 1h), got "
                + Node.quote(items.get(i).text()));
        ok = false;
      }
    }
    return ok ? conditions : null;
  }
}

package dev.tickr.assertion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a judging needs to know of metrics: the monitor's declared metrics, the numbers its
 * observation already carries (a flow's named durations, a heartbeat's counts), and where history
 * is read. {@link #NONE} for a monitor without metrics: then judging costs nothing more.
 *
 * @param declared by name, in the order written
 * @param extra named numbers the observation measured itself; a declared metric of the same name
 *     wins
 */
public record MetricPlan(
    String monitor,
    Map<String, MetricExpression> declared,
    Map<String, Double> extra,
    MetricHistory history) {

  public static final MetricPlan NONE = new MetricPlan("", Map.of(), Map.of(), MetricHistory.NONE);

  public MetricPlan {
    declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public static MetricPlan of(
      String monitor, Map<String, MetricExpression> declared, MetricHistory history) {
    return new MetricPlan(monitor, declared, Map.of(), history);
  }

  /** This plan with more named numbers from the observation. */
  public MetricPlan withExtra(Map<String, Double> numbers) {
    Map<String, Double> all = new LinkedHashMap<>(extra);
    all.putAll(numbers);
    return new MetricPlan(monitor, declared, all, history);
  }

  boolean empty() {
    return declared.isEmpty() && extra.isEmpty() && history.equals(MetricHistory.NONE);
  }
}

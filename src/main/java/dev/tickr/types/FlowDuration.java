package dev.tickr.types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow's named duration ({@code durations: {NAME: {from: STEP, to: STEP}}}): from when step
 * {@code from} started to when step {@code to} passed its conditions, such as the attribution
 * latency from a conversion to its report.
 */
public record FlowDuration(String name, String from, String to) {

  /**
   * Each duration whose {@code to} step passed in a run, in seconds, in the order declared.
   *
   * @param started when each step that ran started, in ticker nanoseconds
   * @param passed when each step that passed did so, in ticker nanoseconds
   */
  static Map<String, Double> measure(
      List<FlowDuration> durations, Map<String, Long> started, Map<String, Long> passed) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (FlowDuration d : durations) {
      Long from = started.get(d.from());
      Long to = passed.get(d.to());
      if (from != null && to != null && to >= from) {
        out.put(d.name(), (to - from) / 1e9);
      }
    }
    return out;
  }
}

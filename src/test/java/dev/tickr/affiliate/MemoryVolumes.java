package dev.tickr.affiliate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A volume history held in memory: what a test records, hour by hour. */
final class MemoryVolumes implements VolumeHistory {
  private final Map<String, TreeMap<Instant, Double>> series = new HashMap<>();

  MemoryVolumes put(String monitor, String metric, String hour, double value) {
    series
        .computeIfAbsent(monitor + "\n" + metric, k -> new TreeMap<>())
        .put(Instant.parse(hour), value);
    return this;
  }

  @Override
  public Map<Instant, Double> hourly(String monitor, String metric, Instant from, Instant to) {
    TreeMap<Instant, Double> s = series.get(monitor + "\n" + metric);
    return s == null ? Map.of() : Map.copyOf(s.subMap(from, true, to, false));
  }
}

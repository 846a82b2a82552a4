package dev.tickr.store;

import dev.tickr.incident.Maintenance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The saved row of a monitor inside the maintenance window {@code name}, from {@code start} to
 * {@code end}; what it means for the monitor's state is {@link Maintenance}'s business.
 */
public record MaintenanceMark(String monitor, String name, Instant start, Instant end) {

  public static MaintenanceMark of(String monitor, Maintenance window) {
    return new MaintenanceMark(monitor, window.window(), window.start(), window.end());
  }

  public Maintenance window() {
    return new Maintenance(name, start, end);
  }

  /** The saved rows as the incident tracker takes them, by monitor. */
  public static Map<String, Maintenance> windows(Map<String, MaintenanceMark> marks) {
    Map<String, Maintenance> out = new HashMap<>();
    marks.forEach((monitor, mark) -> out.put(monitor, mark.window()));
    return out;
  }
}

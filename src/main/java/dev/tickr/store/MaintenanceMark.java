package dev.tickr.store;

import java.time.Instant;

/** A monitor inside the maintenance window {@code name}, from {@code start} to {@code end}. */
public record MaintenanceMark(String monitor, String name, Instant start, Instant end) {

  public boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}

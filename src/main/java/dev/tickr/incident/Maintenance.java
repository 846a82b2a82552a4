package dev.tickr.incident;

import java.time.Instant;

/**
 * The maintenance window a monitor is in: an explicit input of the {@link IncidentTracker}, which
 * shows the monitor as {@link MonitorState#MAINTENANCE} from {@code start} to {@code end} (unless
 * it is paused). Its checks are still judged meanwhile: incidents open and close underneath.
 *
 * @param window the window's name
 */
public record Maintenance(String window, Instant start, Instant end) {

  public boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}

package dev.tickr.alert;

import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MaintenanceWindow.Span;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Maintenance;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which monitors are in a maintenance window of the config at an instant, and when that next
 * changes: the input {@link dev.tickr.incident.IncidentTracker#maintenance} takes. Pure.
 */
final class MaintenanceCalendar {
  private MaintenanceCalendar() {}

  /** The window a monitor is in at {@code t} (the one that ends last), or null. */
  static @Nullable Maintenance at(List<MaintenanceWindow> windows, MonitorSpec m, Instant t) {
    Maintenance best = null;
    for (MaintenanceWindow w : windows) {
      if (!w.covers(m.name(), m.tags())) {
        continue;
      }
      Optional<Span> span = w.spanAt(t);
      if (span.isPresent() && (best == null || span.get().end().isAfter(best.end()))) {
        best = new Maintenance(w.name(), span.get().start(), span.get().end());
      }
    }
    return best;
  }

  /** Every monitor in a window at {@code t}, by name. */
  static Map<String, Maintenance> windows(
      List<MaintenanceWindow> windows, List<MonitorSpec> monitors, Instant t) {
    Map<String, Maintenance> out = new HashMap<>();
    if (windows.isEmpty()) {
      return out;
    }
    for (MonitorSpec m : monitors) {
      Maintenance window = at(windows, m, t);
      if (window != null) {
        out.put(m.name(), window);
      }
    }
    return out;
  }

  /** The next instant after {@code t} at which some window begins or ends; MAX when none does. */
  static Instant nextChange(List<MaintenanceWindow> windows, Instant t) {
    Instant next = Instant.MAX;
    for (MaintenanceWindow w : windows) {
      Optional<Span> now = w.spanAt(t);
      if (now.isPresent() && now.get().end().isBefore(next)) {
        next = now.get().end();
      }
      Optional<Span> coming = w.next(t);
      if (coming.isPresent() && coming.get().start().isBefore(next)) {
        next = coming.get().start();
      }
    }
    return next;
  }
}

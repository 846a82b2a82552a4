package dev.tickr.store;

import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's state as people are shown it (overview, monitor page, status pages, API, {@code tickr
 * status}): its live state, PENDING without one, or MAINTENANCE since the window began while a
 * maintenance window covers it and it is not paused.
 *
 * @param since since when it is in that state; null when nothing is known yet
 */
public record ShownState(MonitorState state, @Nullable Instant since) {

  public static ShownState of(
      @Nullable MonitorStatus live, @Nullable MaintenanceMark mark, Instant now) {
    MonitorState state = live == null ? MonitorState.PENDING : live.state();
    if (mark != null && mark.covers(now) && state != MonitorState.PAUSED) {
      return new ShownState(MonitorState.MAINTENANCE, mark.start());
    }
    return new ShownState(state, live == null ? null : live.since());
  }
}

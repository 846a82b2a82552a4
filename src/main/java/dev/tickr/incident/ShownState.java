package dev.tickr.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's state as people are shown it (overview, monitor page, status pages, API, {@code tickr
 * status}): its judged state, PENDING without one, or MAINTENANCE since the window began while a
 * maintenance window covers it and it is not paused.
 *
 * @param since since when it is in that state; null when nothing is known yet
 * @param flappingSince since when its judged state keeps changing (it flaps, {@link FlapState});
 *     null while steady. Pages do not show it (yet); alerts are held meanwhile.
 */
public record ShownState(
    MonitorState state, @Nullable Instant since, @Nullable Instant flappingSince) {
  /** A monitor nothing is known of yet. */
  public static final ShownState UNKNOWN = new ShownState(MonitorState.PENDING, null, null);

  public boolean flapping() {
    return flappingSince != null;
  }

  /** This state, flapping since {@code at} (steady when null). */
  ShownState flappingSince(@Nullable Instant at) {
    return new ShownState(state, since, at);
  }

  /** What to show at {@code now}: the window counts only while it covers {@code now}. */
  public static ShownState of(
      @Nullable MonitorStatus judged, @Nullable Maintenance window, Instant now) {
    return of(judged, window != null && window.covers(now) ? window : null);
  }

  /** What to show while the monitor is in {@code window} (none when null). */
  static ShownState of(@Nullable MonitorStatus judged, @Nullable Maintenance window) {
    MonitorState state = judged == null ? MonitorState.PENDING : judged.state();
    if (window != null && state != MonitorState.PAUSED) {
      return new ShownState(MonitorState.MAINTENANCE, window.start(), null);
    }
    return new ShownState(state, judged == null ? null : judged.since(), null);
  }
}

package dev.tickr.incident;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the pages, the API and the status pages may read of the incident state: each monitor's
 * judged state and the one state it is shown as. Read only; the tracker changes it.
 */
public interface MonitorStates {
  /** One monitor's judged state, if it is tracked. */
  @Nullable MonitorStatus status(String monitor);

  /** The judged state of every tracked monitor. */
  Map<String, MonitorStatus> snapshot();

  /** What a monitor is shown as at {@code now}: the one state pages, API and status pages show. */
  ShownState shown(String monitor, Instant now);

  /**
   * What every monitor with a state or a maintenance window is shown as at {@code now}; one not in
   * it is shown as {@link ShownState#UNKNOWN}.
   */
  Map<String, ShownState> shown(Instant now);
}

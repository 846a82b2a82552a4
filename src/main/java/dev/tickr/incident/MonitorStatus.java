package dev.tickr.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's runtime state: the verdict, since when, the current streaks and the open incident.
 * Immutable; the state machine returns a new one for every outcome.
 *
 * @param since when the state began
 * @param failures consecutive failed or degraded outcomes
 * @param successes consecutive good outcomes
 * @param streakStart the first failed or degraded outcome of the current bad streak
 * @param firstFailure the first failed outcome of the current bad streak: the start, reason and
 *     evidence of any incident it opens
 * @param lastCheck when the last outcome happened
 */
public record MonitorStatus(
    String monitor,
    MonitorState state,
    Instant since,
    int failures,
    int successes,
    @Nullable Outcome streakStart,
    @Nullable Outcome firstFailure,
    @Nullable Incident incident,
    @Nullable Instant lastCheck) {

  public static MonitorStatus pending(String monitor, Instant since) {
    return new MonitorStatus(monitor, MonitorState.PENDING, since, 0, 0, null, null, null, null);
  }
}

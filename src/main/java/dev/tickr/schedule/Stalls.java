package dev.tickr.schedule;

import java.time.Duration;

/** Tells how long Tickr itself could not run during a stretch of time. See {@link StallWatch}. */
@FunctionalInterface
public interface Stalls {
  /** Never stalled: for callers that do not watch. */
  Stalls NONE = (startNanos, endNanos) -> Duration.ZERO;

  /**
   * How long Tickr could not run during {@code [startNanos, endNanos]} (ticker time): the stalls
   * that overlapped it, added up, counting only their overlapping parts; zero if there were none.
   * One long GC pause and many short waits for a saturated CPU count alike.
   */
  Duration stalledDuring(long startNanos, long endNanos);
}

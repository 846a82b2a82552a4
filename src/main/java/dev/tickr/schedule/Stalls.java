package dev.tickr.schedule;

import java.time.Duration;

/** Tells how long Tickr itself could not run during a stretch of time. See {@link StallWatch}. */
@FunctionalInterface
public interface Stalls {
  /** Never stalled: for callers that do not watch. */
  Stalls NONE = (startNanos, endNanos) -> Duration.ZERO;

  /**
   * The longest stall that overlapped {@code [startNanos, endNanos]} (ticker time), counting only
   * the overlapping part; zero if there was none.
   */
  Duration longestDuring(long startNanos, long endNanos);
}

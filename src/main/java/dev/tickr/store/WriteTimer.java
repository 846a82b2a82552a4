package dev.tickr.store;

import java.time.Duration;

/**
 * Hears how long the store's writes take, for metrics; called on the writer thread, so it must be
 * quick. A tiny extension point with a no-op, like HikariCP's metrics tracker.
 */
@FunctionalInterface
public interface WriteTimer {
  /** What was written. */
  enum Kind {
    /** A batch of buffered check results with its rollups, in one transaction. */
    RESULTS,
    /** One synchronous write (state, incident, outbox, …): waiting for the writer and commit. */
    TRANSACTION
  }

  WriteTimer NONE = (kind, took) -> {};

  void wrote(Kind kind, Duration took);
}

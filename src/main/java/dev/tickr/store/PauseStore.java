package dev.tickr.store;

import java.util.Map;

/**
 * Monitors paused through the REST API.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface PauseStore {
  /** Monitors paused through the API, by name. */
  Map<String, Pause> pauses();

  /** Pauses a monitor until {@link #resume}; false when it already was. */
  boolean pause(Pause pause);

  /** False when it was not paused through the API. */
  boolean resume(String monitor);
}

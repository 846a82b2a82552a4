package dev.tickr.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions, kept by the hash of their id.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface SessionStore {
  /** Starts a session, stored by the hash of its id; durable when this returns. */
  void addSession(String idHash, String user, Instant at);

  /** A session, with its user's current role; empty when it ended or its user is gone. */
  Optional<SessionRow> session(String idHash);

  /** Notes that a session was used at {@code at} (never moves the time back). */
  void touchSession(String idHash, Instant at);

  void removeSession(String idHash);

  /**
   * Ends sessions last seen before {@code seenBefore} or started before {@code createdBefore}.
   *
   * @return how many ended
   */
  int removeSessions(Instant seenBefore, Instant createdBefore);
}

package dev.tickr.store;

import java.util.Map;

/**
 * The secrets of heartbeat monitors' ping URLs.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface HeartbeatTokenStore {
  /**
   * Saves the secret of a heartbeat monitor's ping URL, replacing the monitor's previous one;
   * durable when this returns. A token is unique: a monitor that had this one before loses it.
   */
  void saveHeartbeatToken(HeartbeatToken token);

  /** Every saved heartbeat token, by monitor (also of monitors no longer configured). */
  Map<String, HeartbeatToken> heartbeatTokens();
}

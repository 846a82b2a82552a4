package dev.tickr.store;

import java.util.Map;

/**
 * The redirect chain each monitor is known to have, kept across restarts for the {@code
 * chain-changed} notice.
 *
 * <p>Thread-safe. Times are kept to the millisecond. Failures to read or write throw {@link
 * StoreException}. Part of {@link Store}.
 */
public interface ChainStore {
  /** What is known of each monitor's chain, by monitor name. */
  Map<String, KnownChain> knownChains();

  /** Replaces what is known of one monitor's chain; durable when it returns. */
  void saveKnownChain(String monitor, KnownChain chain);
}

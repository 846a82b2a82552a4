package dev.tickr.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A platform's documented request limit as fixed windows per caller (a user, an API key): {@code
 * limit} calls in each {@code per}, counted on the ledger's clock. Bounded: a caller's count is
 * forgotten when its window ends.
 */
public final class CallWindow {
  private final Clock clock;
  private final int limit;
  private final long perMillis;
  private final Map<String, long[]> windows = new HashMap<>();

  public CallWindow(Clock clock, int limit, Duration per) {
    this.clock = clock;
    this.limit = limit;
    this.perMillis = per.toMillis();
  }

  /** Counts a call of {@code caller}; whether it is within the limit. */
  public synchronized boolean allow(String caller) {
    long window = clock.millis() / perMillis;
    windows.entrySet().removeIf(e -> e.getValue()[0] != window);
    long[] count = windows.computeIfAbsent(caller, c -> new long[] {window, 0});
    count[1]++;
    return count[1] <= limit;
  }

  /** Seconds until the current window ends, at least 1. */
  public int secondsLeft() {
    long now = clock.millis();
    long end = (now / perMillis + 1) * perMillis;
    return (int) Math.max(1, (end - now + 999) / 1000);
  }
}

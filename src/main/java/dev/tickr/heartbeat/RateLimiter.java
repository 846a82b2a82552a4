package dev.tickr.heartbeat;

import dev.tickr.time.Ticker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code burst} requests at once, then {@code perSecond} a second. Time
 * comes from the injected {@link Ticker}, so tests drive it by hand.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Ticker ticker;
  private final double perSecond;
  private final int burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    private double tokens;
    private long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public RateLimiter(Ticker ticker, double perSecond, int burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1");
    }
    this.ticker = ticker;
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes one request's allowance for {@code key}; {@code false} when there is none left. */
  public boolean tryAcquire(String key) {
    long now = ticker.nanos();
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      double refill = (now - b.at) * perSecond / NANOS_PER_SECOND;
      b.tokens = Math.min(burst, b.tokens + Math.max(0, refill));
      b.at = now;
      if (b.tokens < 1) {
        return false;
      }
      b.tokens -= 1;
      return true;
    }
  }

  /** Forgets a key (its monitor was removed). */
  public void forget(String key) {
    buckets.remove(key);
  }
}

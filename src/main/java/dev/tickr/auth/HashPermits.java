package dev.tickr.auth;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many password hashes run at once: each takes about 19 MiB and a core for tens of
 * milliseconds, so a flood of logins could otherwise take every core and much memory. A login that
 * finds no permit free is turned away at once ({@link #tryAcquire}), without hashing.
 */
public final class HashPermits {
  private final Semaphore permits;
  private final int size;

  public HashPermits(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one permit is needed, got " + size);
    }
    this.permits = new Semaphore(size);
    this.size = size;
  }

  /** One permit per core the JVM may use. */
  public static HashPermits perCore() {
    return new HashPermits(Runtime.getRuntime().availableProcessors());
  }

  /** Takes a permit if one is free, without waiting; {@link #release} it when the hash is done. */
  public boolean tryAcquire() {
    return permits.tryAcquire();
  }

  public void release() {
    permits.release();
  }

  /** How many hashes may run at once. */
  public int size() {
    return size;
  }
}

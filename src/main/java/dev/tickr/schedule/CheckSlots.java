package dev.tickr.schedule;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler's bound on checks running at once: a check runs in a slot, and a check that waits
 * for a long time (a flow's step polling every few minutes) gives its slot up while it waits, so it
 * holds back no other monitor, then waits for a slot again before it goes on. Only the thread that
 * runs in a slot of these can give it up: a wait elsewhere (a trial, a one-off check) just waits.
 */
public final class CheckSlots {
  /** Waiting that may be interrupted: a pause between two tries. */
  @FunctionalInterface
  public interface Wait {
    void run() throws InterruptedException;
  }

  /** Whether the run of this thread holds its slot now. */
  private static final class Held {
    boolean held = true;
  }

  private final Semaphore permits;

  /**
   * The slot of the check the calling thread runs; a thread runs one check at a time. Per instance
   * on purpose: a slot of other slots (another daemon's, a test's) is not one of these.
   */
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Held> current = new ThreadLocal<>();

  private final AtomicInteger away = new AtomicInteger();

  public CheckSlots(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one slot, got " + max);
    }
    this.permits = new Semaphore(max);
  }

  /** Runs {@code check} once a slot is free, in that slot; gives the slot back after it. */
  void run(Runnable check) throws InterruptedException {
    permits.acquire();
    Held held = new Held();
    current.set(held);
    try {
      check.run();
    } finally {
      current.remove();
      if (held.held) {
        permits.release();
      }
    }
  }

  /**
   * Runs {@code wait} without a slot: a check running in one of these slots gives it up while it
   * waits and waits for one again after; called from anywhere else, just waits. Interrupted, the
   * check goes on without a slot (it is being stopped).
   */
  public void away(Wait wait) throws InterruptedException {
    Held held = current.get();
    if (held == null || !held.held) {
      wait.run();
      return;
    }
    held.held = false;
    permits.release();
    away.incrementAndGet();
    try {
      wait.run();
    } finally {
      away.decrementAndGet();
    }
    permits.acquire();
    held.held = true;
  }

  /** Slots free now. */
  public int free() {
    return permits.availablePermits();
  }

  /** Checks that have given their slot up while they wait, now. */
  public int away() {
    return away.get();
  }
}

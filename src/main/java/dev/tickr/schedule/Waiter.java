package dev.tickr.schedule;

import java.time.Duration;

/**
 * How the scheduler waits for the next due check: injected, so tests drive time by hand and never
 * sleep. {@link #wake()} ends a wait early (a monitor was added, or the scheduler stops).
 */
public interface Waiter {
  /** Waits at most {@code atMost}, or until {@link #wake()}. */
  void await(Duration atMost) throws InterruptedException;

  void wake();

  /** The real one: parks the timer thread. */
  static Waiter system() {
    return new Waiter() {
      private final Object lock = new Object();
      private boolean woken;

      @Override
      public void await(Duration atMost) throws InterruptedException {
        synchronized (lock) {
          long deadline = System.nanoTime() + atMost.toNanos();
          while (!woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              break;
            }
            lock.wait(left / 1_000_000, (int) (left % 1_000_000));
          }
          woken = false;
        }
      }

      @Override
      public void wake() {
        synchronized (lock) {
          woken = true;
          lock.notifyAll();
        }
      }
    };
  }
}

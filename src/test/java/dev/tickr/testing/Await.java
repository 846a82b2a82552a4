package dev.tickr.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on a monitor with a deadline: how the fixtures wait for background events. */
final class Await {

  private Await() {}

  /**
   * Blocks until {@code done} holds, re-checking it each time {@code monitor} is notified. The
   * condition is evaluated while holding {@code monitor}; whoever changes its state must notify
   * under the same monitor. Fails with an {@link AssertionError} carrying {@code whatHappened}.
   */
  static void until(
      Object monitor, Duration timeout, BooleanSupplier done, Supplier<String> whatHappened) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out after " + timeout + ": " + whatHappened.get());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(monitor, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting: " + whatHappened.get(), e);
        }
      }
    }
  }
}

package dev.tickr.daemon;

import dev.tickr.schedule.Waiter;
import java.time.Duration;

/**
 * A {@link Waiter} for tests that drive time themselves: the scheduler and alert threads wait until
 * woken (at most 30 s, so a forgotten wake cannot hang the build), never for the time asked. Like
 * {@link Waiter#system()}, a wake that comes while nobody waits ends the next wait at once.
 */
final class Parked implements Waiter {
  private final Object lock = new Object();
  private boolean woken;

  @Override
  public void await(Duration atMost) throws InterruptedException {
    synchronized (lock) {
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!woken && System.nanoTime() < until) {
        lock.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      }
      woken = false; // after the wait: a wake that came before it is not lost
    }
  }

  @Override
  public void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }
}

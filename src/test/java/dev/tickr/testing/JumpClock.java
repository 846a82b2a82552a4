package dev.tickr.testing;

import dev.tickr.schedule.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Time for a real daemon that a test moves forward: it runs with the system clock, and {@link
 * #jumpTo} moves it on at once, as if those minutes had passed in an instant. The waiters it makes
 * (one per timer thread of the daemon, see {@link #waiter()}) wake at every jump, so the daemon
 * acts on the new time at once instead of sleeping out a wait it planned by the old one. For
 * settings of a minute or more (renotify, escalation) that a fast test cannot wait out;
 * thread-safe.
 */
public final class JumpClock extends Clock {
  private final Clock system = Clock.systemUTC();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private volatile Duration ahead = Duration.ZERO;

  /** A waiter for one of the daemon's timers: waits in real time, and wakes at every jump. */
  public Waiter waiter() {
    Waiter waiter = Waiter.system();
    waiters.add(waiter);
    return waiter;
  }

  /** Moves the clock on to {@code at}, and wakes every waiter; fails if {@code at} has passed. */
  public synchronized void jumpTo(Instant at) {
    Duration by = Duration.between(instant(), at);
    if (by.isNegative()) {
      throw new AssertionError("cannot jump back in time: " + at + " is before " + instant());
    }
    ahead = ahead.plus(by);
    waiters.forEach(Waiter::wake);
  }

  @Override
  public Instant instant() {
    return system.instant().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

package dev.tickr.simulator.demo;

import java.time.Duration;

/**
 * How fast the demo goes: its monitors' timing, and its script's. {@link #of} compresses the live
 * pace by a whole factor (for tests), never below what Tickr allows (intervals of a second).
 *
 * @param interval how often each monitor checks
 * @param timeout each check's deadline (a hang is found after it)
 * @param failureThreshold failed checks in a row before a monitor is DOWN
 * @param retryAfterMax the longest a {@code Retry-After} holds a monitor back
 * @param lead calm before the first incident
 * @param hold the least time each fault lasts (longer until its alert came, up to {@link #cap})
 * @param calm the least time between incidents (longer until the monitor recovered)
 * @param cap the most the script waits for an alert, or for a recovery
 * @param traffic how often a conversion is made
 */
public record Pace(
    Duration interval,
    Duration timeout,
    int failureThreshold,
    Duration retryAfterMax,
    Duration lead,
    Duration hold,
    Duration calm,
    Duration cap,
    Duration traffic) {

  /** The pace a person watches: an incident about every minute and a half. */
  public static Pace live() {
    return new Pace(
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        2,
        Duration.ofHours(1),
        Duration.ofSeconds(20),
        Duration.ofSeconds(40),
        Duration.ofSeconds(40),
        Duration.ofMinutes(3),
        Duration.ofSeconds(5));
  }

  /**
   * The live pace, {@code speed} times faster; {@code 1} is {@link #live()}.
   *
   * @throws IllegalArgumentException when {@code speed} is less than 1
   */
  public static Pace of(int speed) {
    if (speed < 1) {
      throw new IllegalArgumentException("speed must be at least 1, got " + speed);
    }
    Pace live = live();
    if (speed == 1) {
      return live;
    }
    Duration second = Duration.ofSeconds(1);
    Duration interval = atLeast(live.interval.dividedBy(speed), second);
    Duration timeout = atLeast(live.timeout.dividedBy(speed), second);
    return new Pace(
        interval,
        timeout.compareTo(interval) > 0 ? interval : timeout,
        speed >= 5 ? 1 : live.failureThreshold,
        second,
        live.lead.dividedBy(speed),
        live.hold.dividedBy(speed),
        live.calm.dividedBy(speed),
        atLeast(live.cap.dividedBy(speed), Duration.ofSeconds(20)),
        atLeast(live.traffic.dividedBy(speed), Duration.ofMillis(100)));
  }

  private static Duration atLeast(Duration d, Duration floor) {
    return d.compareTo(floor) < 0 ? floor : d;
  }
}

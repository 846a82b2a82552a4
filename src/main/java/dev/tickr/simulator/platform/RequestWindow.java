package dev.tickr.simulator.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A platform's request limit over fixed windows: {@code 50} per {@code 10 s}. Thread-safe. */
final class RequestWindow {
  private final Clock clock;
  private final int limit;
  private final Duration per;
  private @Nullable Instant start;
  private int count;

  RequestWindow(Clock clock, int limit, Duration per) {
    this.clock = clock;
    this.limit = limit;
    this.per = per;
  }

  /** Counts a request; whether it is over the limit of its window. */
  synchronized boolean over() {
    Instant now = clock.instant();
    if (start == null || !now.isBefore(start.plus(per))) {
      start = now;
      count = 0;
    }
    count++;
    return count > limit;
  }
}

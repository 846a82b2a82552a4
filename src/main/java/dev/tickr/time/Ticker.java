package dev.tickr.time;

import java.time.Duration;

/** A monotonic nanosecond source, injected wherever elapsed time is measured. */
@FunctionalInterface
public interface Ticker {
  long nanos();

  static Ticker system() {
    return System::nanoTime;
  }

  default Duration since(long startNanos) {
    return Duration.ofNanos(nanos() - startNanos);
  }
}

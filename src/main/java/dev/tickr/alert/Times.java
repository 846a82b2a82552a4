package dev.tickr.alert;

import java.time.Instant;

/** Small helpers for instants. */
final class Times {
  private Times() {}

  static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

package dev.tickr.config;

import java.time.Duration;

/**
 * When a monitor counts as flapping: more than {@code changes} state changes within {@code within}.
 * While it flaps, its alerts are held until it has been stable for {@code within}.
 *
 * @param changes the most state changes within {@code within} that are still normal; 0 turns flap
 *     damping off
 */
public record Flapping(int changes, Duration within) {
  public static final int DEFAULT_CHANGES = 5;
  public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(10);
  public static final Flapping DEFAULT = new Flapping(DEFAULT_CHANGES, DEFAULT_WITHIN);

  public Flapping {
    if (changes < 0 || within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("changes >= 0 and within > 0");
    }
  }

  public boolean enabled() {
    return changes > 0;
  }
}

package dev.tickr.incident;

import java.time.Duration;

/**
 * When a monitor counts as flapping ({@link FlapState}): more than {@code changes} judged state
 * changes within {@code within}; 0 changes turns flap damping off. The monitor's {@code flapping}
 * setting, as the tracker takes it.
 */
public record FlapRule(int changes, Duration within) {

  public boolean enabled() {
    return changes > 0;
  }
}

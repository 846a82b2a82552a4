package dev.tickr.config;

import dev.tickr.time.Durations;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When a monitor counts as flapping: more than {@code changes} state changes within {@code within}.
 * While it flaps, its alerts are held until it has been stable for {@code within}; but a DOWN that
 * lasts longer than {@code holdDown} is alerted then.
 *
 * @param changes the most state changes within {@code within} that are still normal; 0 turns flap
 *     damping off
 * @param holdDown how long a DOWN may be held while the monitor flaps
 */
public record Flapping(int changes, Duration within, HoldDown holdDown) {
  public static final int DEFAULT_CHANGES = 5;
  public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(10);
  public static final Flapping DEFAULT =
      new Flapping(DEFAULT_CHANGES, DEFAULT_WITHIN, HoldDown.DEFAULT);

  public Flapping {
    if (changes < 0 || within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("changes >= 0 and within > 0");
    }
  }

  /** With the default {@link HoldDown}. */
  public Flapping(int changes, Duration within) {
    this(changes, within, HoldDown.DEFAULT);
  }

  public boolean enabled() {
    return changes > 0;
  }

  /**
   * {@code hold-down}: a duration ({@code 5m}), or a number of the monitor's intervals ({@code
   * 3x}).
   *
   * @param duration the fixed bound, or null when it is counted in intervals
   * @param intervals how many intervals, when {@code duration} is null
   */
  public record HoldDown(@Nullable Duration duration, int intervals) {
    public static final int DEFAULT_INTERVALS = 3;
    public static final HoldDown DEFAULT = intervals(DEFAULT_INTERVALS);

    public HoldDown {
      if (duration == null ? intervals < 1 : duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a positive duration or at least one interval");
      }
    }

    public static HoldDown of(Duration duration) {
      return new HoldDown(duration, 0);
    }

    public static HoldDown intervals(int count) {
      return new HoldDown(null, count);
    }

    /** The bound for a monitor probed every {@code interval}. */
    public Duration after(Duration interval) {
      return duration != null ? duration : interval.multipliedBy(intervals);
    }

    /** As written in the config: {@code 5m} or {@code 3x}. */
    public String text() {
      return duration != null ? Durations.format(duration) : intervals + "x";
    }
  }
}

package dev.tickr.config;

import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a monitor treats its target's rate limits: its {@code quota:}, how long a {@code Retry-After}
 * may hold it back at most, and whether its quota stretched its interval.
 *
 * @param quota its {@code quota:}; {@link Quota#none} when it has none
 * @param retryAfterMax the longest a {@code Retry-After} (on a 429, or a 503) holds back its next
 *     check
 * @param stretch how its quota stretched its interval, or {@code null} when it did not
 */
public record RateLimits(Quota quota, Duration retryAfterMax, @Nullable Stretch stretch) {

  public static final Duration DEFAULT_RETRY_AFTER_MAX = Duration.ofHours(1);

  public RateLimits {
    Objects.requireNonNull(quota, "quota");
    Objects.requireNonNull(retryAfterMax, "retryAfterMax");
  }

  /** No quota, the default cap: what a monitor that sets neither has. */
  public static RateLimits defaults(Location at) {
    return new RateLimits(Quota.none(at), DEFAULT_RETRY_AFTER_MAX, null);
  }

  /**
   * A monitor's interval made longer so that the monitors sharing a quota stay within it.
   *
   * @param configured the interval the config asks for
   * @param stretched the interval the monitor runs at
   * @param budget the name of the budget (its key)
   * @param demand checks per window the sharing monitors would make at their configured intervals
   */
  public record Stretch(
      Duration configured, Duration stretched, String budget, Quota quota, long demand) {

    /** {@code interval stretched from 1m to 7m12s by quota impact-acct-1 (50 of 500/1h)}. */
    public String text() {
      return "interval stretched from "
          + Durations.format(configured)
          + " to "
          + Durations.format(stretched)
          + " by quota "
          + budget
          + " ("
          + quota.budget()
          + " of "
          + quota.rate()
          + ")";
    }
  }

  RateLimits withStretch(@Nullable Stretch s) {
    return new RateLimits(quota, retryAfterMax, s);
  }

  void fingerprint(Fingerprint c) {
    quota.fingerprint(c);
    c.add(retryAfterMax.toString());
  }
}

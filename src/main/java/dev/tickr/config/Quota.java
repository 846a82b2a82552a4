package dev.tickr.config;

import dev.tickr.time.Durations;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's {@code quota:}: the target's rate limit that it spends from, alone or with every
 * monitor naming the same {@code key}, and when its remaining-quota headers call for a warning.
 *
 * @param key the shared budget's name; {@code null} when the monitor has a budget of its own (or
 *     none: see {@link #limited()})
 * @param limit requests the target allows per {@code per}; 0 when this monitor gives none (a
 *     monitor that names only a key takes the limit of the one that gives it)
 * @param per the target's window
 * @param share the part of {@code limit} Tickr may spend, more than 0 and at most 1
 * @param warnBelow the fraction of the target's remaining quota (from {@code X-RateLimit-*}
 *     headers) under which a {@code quota-low} notice is sent
 * @param at where {@code quota:} is written, for warnings about it
 */
public record Quota(
    @Nullable String key, int limit, Duration per, double share, double warnBelow, Location at) {

  public static final double DEFAULT_SHARE = 1.0;
  public static final double DEFAULT_WARN_BELOW = 0.10;

  /** No budget, and the default warning threshold: what a monitor without {@code quota:} has. */
  public static Quota none(Location at) {
    return new Quota(null, 0, Duration.ofHours(1), DEFAULT_SHARE, DEFAULT_WARN_BELOW, at);
  }

  /** Whether the monitor spends from a budget: it names a key or gives limit and per. */
  public boolean limited() {
    return key != null || limit > 0;
  }

  /** Checks Tickr may make per {@link #per()}: {@code share × limit}, rounded down. */
  public int budget() {
    return (int) Math.floor(share * limit + 1e-9);
  }

  /** This quota with the limit, window and share of the one that defines its key. */
  Quota as(Quota definition) {
    return new Quota(key, definition.limit, definition.per, definition.share, warnBelow, at);
  }

  /** The budget's name in messages: the key, or the monitor's own. */
  public String name(String monitor) {
    return key == null ? "of monitor " + Node.quote(monitor) : key;
  }

  /** {@code 500/1h}. */
  public String rate() {
    return limit + "/" + Durations.format(per);
  }

  /** What counts as a change of settings (not where it is written). */
  void fingerprint(Fingerprint c) {
    c.add(key == null ? "" : key).add(limit).add(per.toString());
    c.add(Double.toString(share)).add(Double.toString(warnBelow));
  }
}

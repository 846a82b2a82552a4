package dev.tickr.config;

import java.util.Locale;

/**
 * What a check refused as {@code rate-limited} (a 429) makes of its monitor: the {@code
 * rate-limited} key. DEGRADED by default: the platform refuses Tickr's calls, not necessarily the
 * traffic the monitor stands for (see {@code docs/reasons.md}).
 */
public enum RateLimited {
  /** The monitor turns DEGRADED: no incident, a {@code degraded} alert. */
  DEGRADED,
  /** The check counts as a failure like any other: DOWN, an incident. */
  DOWN;

  public static final RateLimited DEFAULT = DEGRADED;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The YAML spelling: {@code degraded} or {@code down}. */
  public String code() {
    return code;
  }
}

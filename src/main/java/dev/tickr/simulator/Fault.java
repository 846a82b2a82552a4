package dev.tickr.simulator;

/**
 * What a simulated platform does wrong, set at run time by a test or the demo's script. A platform
 * plays each fault the way the real one shows it (its own status codes and error bodies); a fault a
 * platform cannot have is played as {@link #OUTAGE}.
 */
public enum Fault {
  /** Healthy: answers as documented, with recent data. */
  NONE,
  /** Down: {@code 503} with a proxy's error page. */
  OUTAGE,
  /** The platform's own error inside a {@code 200} (TUNE's {@code status: -1}...). */
  ERROR_IN_200,
  /** The credentials were revoked: {@code 401}, or the platform's own way of saying it. */
  REVOKED,
  /** The key is for another realm or lacks the scope: {@code 403}. */
  ACCESS_DENIED,
  /** The caller's IP address is not on the account's whitelist. */
  IP_NOT_ALLOWED,
  /** Over the quota: {@code 429} with {@code Retry-After} (and the platform's rate headers). */
  RATE_LIMITED,
  /** Answers, but its report has stopped moving: nothing recent. */
  STALE,
  /** Accepts the connection and never answers (until a bounded time, so nothing leaks). */
  HANG,
  /** Accepts a conversion (its postback answers success) but never shows it in the report. */
  UNREPORTED,
  /**
   * Records a conversion with the wrong amount (cents taken for units), so the wrong commission.
   */
  WRONG_AMOUNT,
  /** Shows conversions in the report {@link PlatformFake#LATE_BY} later than usual. */
  LATE_REPORT
}

package dev.tickr.check;

import java.util.Locale;

/**
 * The stable reason classes that incidents, alerts and {@code tickr check --json} report. Their
 * spellings ({@link #code()}) are a public contract. What each means for people, and what to check,
 * is {@link ReasonHelp}.
 */
public enum Reason {
  DNS,
  CONNECT,
  TLS,
  TIMEOUT,
  HTTP_STATUS,
  CONDITION,
  BODY_ERROR,
  AUTH_REJECTED,
  ACCESS_DENIED,
  /**
   * The platform refuses calls from this IP address: a whitelist error recognised in the answer
   * (ShareASale's {@code Error Code 4002}, a 403 whose body says the IP is not allowed).
   */
  IP_NOT_ALLOWED,
  RATE_LIMITED,
  STALE_DATA,
  VOLUME_ANOMALY,
  /**
   * No success ping within a heartbeat's period and grace, or the job said it failed ({@code /fail}
   * or a non-zero exit code); the detail says which.
   */
  HEARTBEAT_MISSED,
  INTERNAL;

  private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The contract spelling, e.g. {@code http-status}. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}

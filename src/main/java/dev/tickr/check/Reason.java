package dev.tickr.check;

import java.util.Locale;

/**
 * The stable reason classes that incidents, alerts and {@code tickr check --json} report. Their
 * spellings ({@link #code()}) are a public contract.
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

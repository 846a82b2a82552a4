package dev.tickr.alert;

import java.util.Locale;

/** Why a notification is sent; {@link #wire()} is the spelling in payloads and templates. */
public enum AlertEvent {
  /** The monitor went DOWN: an incident opened. */
  DOWN,
  /** The monitor recovered: the incident closed. */
  UP,
  /** The monitor is DEGRADED (only response-time or certificate conditions fail). */
  DEGRADED,
  /**
   * A notice, not an outage: the monitor started flapping ({@link Alert#endedAt()} null) and its
   * alerts are held for a while, or it settled ({@code endedAt} set). Its incident id is 0.
   */
  FLAPPING,
  /** Still DOWN: a renotification or an escalation. */
  REMINDER,
  /** A certificate expires soon, ahead of any failure. */
  CERTIFICATE,
  /** A marked test notification ({@code tickr alert test}). */
  TEST,
  /** Tickr's own link is lost: failing checks are not counted until it returns. */
  CONNECTIVITY_LOST,
  /** Tickr's own link is back: monitors are judged afresh. */
  CONNECTIVITY_RESTORED,
  /**
   * A notice, not an outage: what the target says is left of its rate limit ({@code
   * X-RateLimit-Remaining}) fell below the monitor's {@code quota.warn-below}. Its incident id is
   * 0.
   */
  QUOTA_LOW,
  /**
   * A notice, not an outage: a monitor's redirect chain settled on another shape than the one it
   * was known to have (hosts, paths, how each hop redirected). Its incident id is 0.
   */
  CHAIN_CHANGED;

  private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** Whether this ends what an earlier notification began (an incident, a loss of the link). */
  public boolean resolves() {
    return this == UP || this == CONNECTIVITY_RESTORED;
  }

  /** The contract spelling, e.g. {@code connectivity-lost}. */
  public String wire() {
    return wire;
  }
}

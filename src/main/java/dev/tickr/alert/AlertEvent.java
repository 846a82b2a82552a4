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
  TEST;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}

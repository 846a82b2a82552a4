package dev.tickr.incident;

/** How one check result counts toward a monitor's state. */
public enum Verdict {
  OK,
  /** Only soft conditions (response time, certificate expiry) failed. */
  DEGRADED,
  FAILED
}

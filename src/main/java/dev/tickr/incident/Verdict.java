package dev.tickr.incident;

/** How one check result counts toward a monitor's state. */
public enum Verdict {
  OK,
  /** Only soft conditions (response time, certificate expiry) failed. */
  DEGRADED,
  FAILED,
  /**
   * Not judged: the check failed in a way Tickr's own stall explains (it timed out while Tickr
   * could not run). Recorded, but counted neither for nor against the target.
   */
  INCONCLUSIVE
}

package dev.tickr.connectivity;

/** What Tickr believes about its own network link. */
public enum LinkState {
  /** No canaries configured: every failure counts. */
  OFF,
  /** The last canary round reached at least one canary. */
  ONLINE,
  /** The last canary round reached none: failures to reach a target are not counted. */
  LOST
}

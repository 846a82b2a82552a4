package dev.tickr.incident;

/** What Tickr currently believes about a monitor. Spellings are a public contract. */
public enum MonitorState {
  /** No verdict yet: no result, or not enough results to reach a threshold. */
  PENDING,
  UP,
  /** Answering, but only soft conditions (response time, certificate expiry) fail. */
  DEGRADED,
  DOWN,
  PAUSED,
  MAINTENANCE
}

package dev.tickr.connectivity;

import dev.tickr.check.Reason;
import java.time.Instant;

/** A change of Tickr's own link, announced once by the {@link ConnectivityGuard}. */
public sealed interface LinkEvent {
  /** When the link was found lost (the start of the episode, which both events name). */
  Instant lostAt();

  /** Every canary failed. */
  record Lost(Instant lostAt, Reason reason, String detail) implements LinkEvent {}

  /** A canary answered again; monitors are judged afresh from here. */
  record Restored(Instant lostAt, Instant restoredAt, String detail) implements LinkEvent {}
}

package dev.tickr.store;

import java.time.Instant;

/**
 * How an attempt at a claimed notification ended, for {@link Store#settle}: it was sent, failed for
 * good or was given up ({@code state} other than PENDING, at {@code at}), or is due again at {@code
 * next} (PENDING).
 *
 * @param answer what the provider said, or the error
 * @param at when the attempt ended
 */
public record OutboxSettlement(
    String id, OutboxState state, Instant next, String answer, Instant at) {

  public static OutboxSettlement sent(String id, Instant at, String answer) {
    return new OutboxSettlement(id, OutboxState.SENT, at, answer, at);
  }

  public static OutboxSettlement retry(String id, Instant next, String answer, Instant at) {
    return new OutboxSettlement(id, OutboxState.PENDING, next, answer, at);
  }

  public static OutboxSettlement finished(String id, OutboxState state, Instant at, String answer) {
    if (state == OutboxState.PENDING) {
      throw new IllegalArgumentException("a finished notification is not pending");
    }
    return new OutboxSettlement(id, state, at, answer, at);
  }
}

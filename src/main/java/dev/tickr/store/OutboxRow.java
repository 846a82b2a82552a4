package dev.tickr.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification in the outbox.
 *
 * @param id the notification's idempotency key, the same on every attempt
 * @param notification the notification as the alerting code wrote it (JSON)
 * @param nextAttempt when it may be tried (again)
 * @param attempts how many attempts have started
 * @param lastAnswer what the provider said last time, or the error
 */
public record OutboxRow(
    String id,
    String channel,
    String notification,
    Instant createdAt,
    Instant nextAttempt,
    int attempts,
    OutboxState state,
    @Nullable String lastAnswer) {

  /** A new notification, due at once. */
  public static OutboxRow pending(String id, String channel, String notification, Instant at) {
    return new OutboxRow(id, channel, notification, at, at, 0, OutboxState.PENDING, null);
  }
}

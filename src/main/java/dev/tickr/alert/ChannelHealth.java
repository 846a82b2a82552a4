package dev.tickr.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a channel's deliveries are going, for metrics and the dashboard.
 *
 * @param lastSuccess when a provider last took a notification
 * @param lastError when an attempt last failed, and {@code lastErrorText} what was said
 * @param failures attempts failed in a row since the last success
 * @param pending notifications waiting in the outbox
 * @param sent notifications providers took since Tickr started
 * @param failedAttempts attempts that failed (retried or not) since Tickr started
 */
public record ChannelHealth(
    String channel,
    @Nullable Instant lastSuccess,
    @Nullable Instant lastError,
    @Nullable String lastErrorText,
    int failures,
    int pending,
    long sent,
    long failedAttempts) {

  /** Whether the last attempt failed. */
  public boolean failing() {
    return failures > 0;
  }
}

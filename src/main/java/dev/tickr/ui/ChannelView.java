package dev.tickr.ui;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One alert channel as the overview shows it: whether its provider is taking notifications.
 *
 * @param failures attempts failed in a row since the last success; above zero means failing
 * @param pending notifications waiting in the outbox
 * @param lastError what the provider (or the network) last said, secrets masked
 */
public record ChannelView(
    String name,
    String type,
    int failures,
    int pending,
    @Nullable Instant lastSuccess,
    @Nullable Instant lastErrorAt,
    @Nullable String lastError) {

  public boolean failing() {
    return failures > 0;
  }
}

package dev.tickr.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert decided for one channel.
 *
 * @param id says what the alert is about, unique: deciding the same alert again finds this one
 * @param event its event's wire spelling ({@code down}, {@code up}, ...)
 * @param incidentId the incident it is about, or 0
 * @param body the alert as the alerting code wrote it (JSON)
 * @param dueAt when its channel's group window closes and it goes out
 * @param outboxId the notification it went out in, or null while it is held
 */
public record AlertRow(
    String id,
    String channel,
    String event,
    String monitor,
    long incidentId,
    String body,
    Instant createdAt,
    Instant dueAt,
    @Nullable String outboxId) {}

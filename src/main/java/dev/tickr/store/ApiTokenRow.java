package dev.tickr.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: everything but the token, of which only a hash is kept (and not shown
 * here either).
 *
 * @param role {@code admin} or {@code viewer}
 * @param createdBy who made it: a user's name, or {@code cli}
 * @param lastUsedAt when it last authenticated a request, to the minute
 * @param expiresAt when it stops working, or null when it works until revoked
 */
public record ApiTokenRow(
    long id,
    String name,
    String role,
    Instant createdAt,
    String createdBy,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable Instant expiresAt) {
  public ApiTokenRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Not revoked. */
  public boolean live() {
    return revokedAt == null;
  }
}

package dev.tickr.auth;

import dev.tickr.store.ApiTokenRow;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API token as it may be shown: never the token itself, of which only a hash is kept.
 *
 * @param createdBy who made it: {@code cli}, or the {@link Principal#label()} of whoever did
 * @param lastUsedAt when it last authenticated a request (to the minute), or null if never
 * @param revokedAt when it was revoked, or null while it is live
 * @param expiresAt when it stops working, or null when it works until revoked
 */
public record ApiToken(
    long id,
    String name,
    Role role,
    Instant createdAt,
    String createdBy,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable Instant expiresAt) {
  public ApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Not revoked (it may have expired: see {@link #expired}). */
  public boolean live() {
    return revokedAt == null;
  }

  /** Past its expiry at {@code now}: refused like an unknown token. */
  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** The stored row; a role this version does not know reads as {@code viewer}. */
  static ApiToken of(ApiTokenRow row) {
    return new ApiToken(
        row.id(),
        row.name(),
        Role.of(row.role()).orElse(Role.VIEWER),
        row.createdAt(),
        row.createdBy(),
        row.lastUsedAt(),
        row.revokedAt(),
        row.expiresAt());
  }
}

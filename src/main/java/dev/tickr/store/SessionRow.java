package dev.tickr.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A dashboard session as stored (found by the hash of its id, which is not kept), with its user's
 * current role.
 */
public record SessionRow(String user, String role, Instant createdAt, Instant lastSeenAt) {
  public SessionRow {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
  }
}

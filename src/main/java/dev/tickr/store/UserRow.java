package dev.tickr.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A dashboard user as stored.
 *
 * @param passwordHash the Argon2id PHC string, never the password
 * @param role {@code admin} or {@code viewer}
 */
public record UserRow(
    String name, String passwordHash, String role, Instant createdAt, Instant passwordChangedAt) {
  public UserRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
  }

  /** Leaves the hash out: it is not a secret's plain text, but nothing needs to print it. */
  @Override
  public String toString() {
    return "UserRow[name=" + name + ", role=" + role + ", createdAt=" + createdAt + "]";
  }
}

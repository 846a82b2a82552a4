package dev.tickr.auth;

import java.util.Locale;
import java.util.Optional;

/** What a user or an API token may do: {@code admin} everything, {@code viewer} only read. */
public enum Role {
  ADMIN,
  VIEWER;

  /** The name on the wire, in the store and on the command line: {@code admin}, {@code viewer}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** May change things (create, update, delete), not only read. */
  public boolean mayWrite() {
    return this == ADMIN;
  }

  /** The role of a {@link #code()}; empty for anything else (case matters: {@code admin}). */
  public static Optional<Role> of(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code();
  }
}

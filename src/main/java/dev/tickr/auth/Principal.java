package dev.tickr.auth;

import java.util.Objects;

/**
 * Who made a request: a logged-in user or an API token (by its name), and what it may do. Route
 * code reads it to decide and to record who did what.
 *
 * @param name the user's name, or the token's name
 */
public record Principal(String name, Role role, Kind kind) {
  /** How the request proved who it is. */
  public enum Kind {
    /** A dashboard session, after a login with a password. */
    USER,
    /** {@code Authorization: Bearer <API token>}. */
    TOKEN
  }

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
  }

  /** May change things; a viewer may only read. */
  public boolean mayWrite() {
    return role.mayWrite();
  }

  /** How audit records name it: {@code user:alice} or {@code token:deploy-bot}. */
  public String label() {
    return kind == Kind.USER ? userLabel(name) : "token:" + name;
  }

  /** How a user is named in audit records, e.g. as the maker of a token: {@code user:alice}. */
  public static String userLabel(String name) {
    return "user:" + name;
  }
}

package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The users who log in to the dashboard and the API.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface UserStore {
  /** Whether there is at least one user. */
  boolean hasUsers();

  /**
   * Adds a user; durable when this returns.
   *
   * @return false when a user of that name exists (nothing changes then)
   */
  boolean addUser(UserRow user);

  Optional<UserRow> user(String name);

  /** Every user, by name. */
  List<UserRow> users();

  /**
   * Replaces a user's password hash and ends all of the user's sessions, in one transaction.
   *
   * @return false when there is no such user
   */
  boolean changePassword(String name, String passwordHash, Instant at);

  /**
   * Deletes a user, ends all of its sessions and revokes the live API tokens made by {@code
   * tokensBy} (how tokens name their maker, e.g. {@code user:bob}), in one transaction; nothing
   * changes when there is no such user or it is the last admin.
   */
  UserChange deleteUser(String name, String tokensBy, Instant at);

  /**
   * Sets a user's role in one transaction; nothing changes when there is no such user or it would
   * leave no admin. A user who stops being an admin loses the live admin tokens made by {@code
   * tokensBy}.
   *
   * @param role {@code admin} or {@code viewer}
   */
  UserChange setUserRole(String name, String role, String tokensBy, Instant at);
}

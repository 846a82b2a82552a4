package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link AccountStore} in SQLite: users, API tokens and sessions. */
final class SqliteAccounts implements AccountStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteAccounts(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public boolean hasUsers() {
    return reads.read("users", AccountTables::hasUsers);
  }

  @Override
  public boolean addUser(UserRow user) {
    return Boolean.TRUE.equals(writer().call(c -> AccountTables.addUser(c, user)));
  }

  @Override
  public Optional<UserRow> user(String name) {
    return reads.read("user " + name, c -> AccountTables.user(c, name));
  }

  @Override
  public List<UserRow> users() {
    return reads.read("users", AccountTables::users);
  }

  @Override
  public boolean changePassword(String name, String passwordHash, Instant at) {
    return Boolean.TRUE.equals(
        writer().call(c -> AccountTables.changePassword(c, name, passwordHash, at)));
  }

  @Override
  public UserChange deleteUser(String name, String tokensBy, Instant at) {
    return Objects.requireNonNull(
        writer().call(c -> AccountTables.deleteUser(c, name, tokensBy, at)));
  }

  @Override
  public UserChange setUserRole(String name, String role, String tokensBy, Instant at) {
    return Objects.requireNonNull(
        writer().call(c -> AccountTables.setRole(c, name, role, tokensBy, at)));
  }

  @Override
  public Optional<ApiTokenRow> addApiToken(
      String name,
      String role,
      String tokenHash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt) {
    Optional<ApiTokenRow> added =
        writer()
            .call(c -> AccountTables.addToken(c, name, role, tokenHash, createdBy, at, expiresAt));
    return Objects.requireNonNull(added);
  }

  @Override
  public List<ApiTokenRow> apiTokens() {
    return reads.read("API tokens", AccountTables::tokens);
  }

  @Override
  public Optional<ApiTokenRow> liveApiToken(String tokenHash) {
    return reads.read("an API token", c -> AccountTables.liveToken(c, tokenHash));
  }

  @Override
  public boolean revokeApiToken(long id, Instant at) {
    return Boolean.TRUE.equals(writer().call(c -> AccountTables.revokeToken(c, id, at)));
  }

  @Override
  public void touchApiToken(long id, Instant at) {
    writer().execute(c -> AccountTables.touchToken(c, id, at));
  }

  @Override
  public void addSession(String idHash, String user, Instant at) {
    writer().execute(c -> AccountTables.addSession(c, idHash, user, at));
  }

  @Override
  public Optional<SessionRow> session(String idHash) {
    return reads.read("a session", c -> AccountTables.session(c, idHash));
  }

  @Override
  public void touchSession(String idHash, Instant at) {
    writer().execute(c -> AccountTables.touchSession(c, idHash, at));
  }

  @Override
  public void removeSession(String idHash) {
    writer().execute(c -> AccountTables.removeSession(c, idHash));
  }

  @Override
  public int removeSessions(Instant seenBefore, Instant createdBefore) {
    Integer removed =
        writer().call(c -> AccountTables.removeSessions(c, seenBefore, createdBefore));
    return removed == null ? 0 : removed;
  }

  private Writer writer() {
    return db.writer();
  }
}

package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL of the accounts: users, API tokens (by hash) and sessions (by the hash of their id). */
final class AccountTables {
  private static final String TOKEN_COLUMNS =
      "id, name, role, created_at, created_by, last_used_at, revoked_at, expires_at";

  /** The role that may manage users and tokens; there is always at least one user with it. */
  private static final String ADMIN = "admin";

  private AccountTables() {}

  static boolean hasUsers(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM users LIMIT 1")) {
      return rs.next();
    }
  }

  static boolean addUser(Connection c, UserRow u) throws SQLException {
    if (user(c, u.name()).isPresent()) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO users (name, password_hash, role, created_at, password_changed_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, u.name());
      ps.setString(2, u.passwordHash());
      ps.setString(3, u.role());
      ps.setLong(4, u.createdAt().toEpochMilli());
      ps.setLong(5, u.passwordChangedAt().toEpochMilli());
      ps.executeUpdate();
    }
    return true;
  }

  static Optional<UserRow> user(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, password_hash, role, created_at, password_changed_at FROM users"
                + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(user(rs)) : Optional.empty();
      }
    }
  }

  static List<UserRow> users(Connection c) throws SQLException {
    List<UserRow> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, password_hash, role, created_at, password_changed_at FROM users"
                    + " ORDER BY name")) {
      while (rs.next()) {
        out.add(user(rs));
      }
    }
    return out;
  }

  private static UserRow user(ResultSet rs) throws SQLException {
    return new UserRow(
        rs.getString("name"),
        rs.getString("password_hash"),
        rs.getString("role"),
        Columns.millis(rs, "created_at"),
        Columns.millis(rs, "password_changed_at"));
  }

  /** Replaces the hash and ends the user's sessions; false when there is no such user. */
  static boolean changePassword(Connection c, String name, String hash, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?")) {
      ps.setString(1, hash);
      ps.setLong(2, at.toEpochMilli());
      ps.setString(3, name);
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
    return true;
  }

  /**
   * Deletes a user, ends its sessions and revokes the live API tokens {@code tokensBy} made, unless
   * it is the last admin; one transaction, so two deletions cannot both take the last two admins.
   */
  static UserChange deleteUser(Connection c, String name, String tokensBy, Instant at)
      throws SQLException {
    Optional<UserRow> user = user(c, name);
    if (user.isEmpty()) {
      return UserChange.refused(UserChange.Outcome.NO_SUCH_USER);
    }
    if (user.get().role().equals(ADMIN) && otherAdmins(c, name) == 0) {
      return UserChange.refused(UserChange.Outcome.LAST_ADMIN);
    }
    int sessions;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_name = ?")) {
      ps.setString(1, name);
      sessions = ps.executeUpdate();
    }
    int tokens = revokeTokensBy(c, tokensBy, null, at);
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
    return new UserChange(UserChange.Outcome.DONE, sessions, tokens);
  }

  /**
   * Gives a user another role, unless that takes the last admin's; a user who stops being an admin
   * loses the live admin tokens {@code tokensBy} made (a token may do no more than its maker).
   * Sessions stay: each request reads its user's current role.
   */
  static UserChange setRole(Connection c, String name, String role, String tokensBy, Instant at)
      throws SQLException {
    Optional<UserRow> user = user(c, name);
    if (user.isEmpty()) {
      return UserChange.refused(UserChange.Outcome.NO_SUCH_USER);
    }
    boolean demoted = user.get().role().equals(ADMIN) && !role.equals(ADMIN);
    if (demoted && otherAdmins(c, name) == 0) {
      return UserChange.refused(UserChange.Outcome.LAST_ADMIN);
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE users SET role = ? WHERE name = ?")) {
      ps.setString(1, role);
      ps.setString(2, name);
      ps.executeUpdate();
    }
    int tokens = demoted ? revokeTokensBy(c, tokensBy, ADMIN, at) : 0;
    return new UserChange(UserChange.Outcome.DONE, 0, tokens);
  }

  private static int otherAdmins(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM users WHERE role = ? AND name <> ?")) {
      ps.setString(1, ADMIN);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** Revokes the live tokens made by {@code createdBy}, of {@code role} only when given. */
  private static int revokeTokensBy(
      Connection c, String createdBy, @Nullable String role, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE api_tokens SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL"
                + (role == null ? "" : " AND role = ?"))) {
      ps.setLong(1, at.toEpochMilli());
      ps.setString(2, createdBy);
      if (role != null) {
        ps.setString(3, role);
      }
      return ps.executeUpdate();
    }
  }

  static Optional<ApiTokenRow> addToken(
      Connection c,
      String name,
      String role,
      String hash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM api_tokens WHERE name = ? AND revoked_at IS NULL")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return Optional.empty();
        }
      }
    }
    long id = Updates.next(c, "api_token");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO api_tokens (id, name, role, token_hash, created_at, created_by,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, name);
      ps.setString(3, role);
      ps.setString(4, hash);
      ps.setLong(5, at.toEpochMilli());
      ps.setString(6, createdBy);
      if (expiresAt == null) {
        ps.setNull(7, Types.BIGINT);
      } else {
        ps.setLong(7, expiresAt.toEpochMilli());
      }
      ps.executeUpdate();
    }
    return Optional.of(
        new ApiTokenRow(
            id,
            name,
            role,
            Instant.ofEpochMilli(at.toEpochMilli()),
            createdBy,
            null,
            null,
            expiresAt == null ? null : Instant.ofEpochMilli(expiresAt.toEpochMilli())));
  }

  static List<ApiTokenRow> tokens(Connection c) throws SQLException {
    List<ApiTokenRow> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + TOKEN_COLUMNS + " FROM api_tokens ORDER BY id")) {
      while (rs.next()) {
        out.add(token(rs));
      }
    }
    return out;
  }

  /** The live token with this hash: an indexed read, done for every request that carries one. */
  static Optional<ApiTokenRow> liveToken(Connection c, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + TOKEN_COLUMNS
                + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(token(rs)) : Optional.empty();
      }
    }
  }

  private static ApiTokenRow token(ResultSet rs) throws SQLException {
    return new ApiTokenRow(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("role"),
        Columns.millis(rs, "created_at"),
        rs.getString("created_by"),
        Columns.nullableMillis(rs, "last_used_at"),
        Columns.nullableMillis(rs, "revoked_at"),
        Columns.nullableMillis(rs, "expires_at"));
  }

  static boolean revokeToken(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setLong(2, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** Moves last_used_at forward (never back: two processes may both note a use). */
  static void touchToken(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE api_tokens SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setLong(2, id);
      ps.setLong(3, at.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static void addSession(Connection c, String idHash, String user, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sessions (id_hash, user_name, created_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, idHash);
      ps.setString(2, user);
      ps.setLong(3, at.toEpochMilli());
      ps.setLong(4, at.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static Optional<SessionRow> session(Connection c, String idHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.user_name, u.role, s.created_at, s.last_seen_at FROM sessions s"
                + " JOIN users u ON u.name = s.user_name WHERE s.id_hash = ?")) {
      ps.setString(1, idHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new SessionRow(
                    rs.getString("user_name"),
                    rs.getString("role"),
                    Columns.millis(rs, "created_at"),
                    Columns.millis(rs, "last_seen_at")))
            : Optional.empty();
      }
    }
  }

  static void touchSession(Connection c, String idHash, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setString(2, idHash);
      ps.setLong(3, at.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static void removeSession(Connection c, String idHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
      ps.setString(1, idHash);
      ps.executeUpdate();
    }
  }

  static int removeSessions(Connection c, Instant seenBefore, Instant createdBefore)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?")) {
      ps.setLong(1, seenBefore.toEpochMilli());
      ps.setLong(2, createdBefore.toEpochMilli());
      return ps.executeUpdate();
    }
  }
}

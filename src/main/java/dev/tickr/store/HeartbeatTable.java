package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** SQL of the heartbeat tokens. */
final class HeartbeatTable {
  private HeartbeatTable() {}

  /**
   * Saves a monitor's token (its hash and sealed text; what was carried from an older version is
   * emptied); a monitor that had the same token before loses it.
   */
  static void save(Connection c, HeartbeatToken t, Instant now) throws SQLException {
    // A row carried from before version 9 holds the token in plain text: overwrite it with zeros.
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA secure_delete = ON");
    }
    try {
      write(c, t, now);
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA secure_delete = OFF");
      }
    }
  }

  private static void write(Connection c, HeartbeatToken t, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM heartbeat_tokens WHERE token_hash = ? AND monitor <> ?")) {
      ps.setString(1, t.hash());
      ps.setString(2, t.monitor());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO heartbeat_tokens (monitor, token_hash, sealed, carried, configured,"
                + " created_at) VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (monitor) DO UPDATE SET"
                + " token_hash = excluded.token_hash, sealed = excluded.sealed, carried = NULL,"
                + " configured = excluded.configured, created_at = excluded.created_at")) {
      ps.setString(1, t.monitor());
      ps.setString(2, t.hash());
      ps.setString(3, t.sealed());
      ps.setInt(4, t.configured() ? 1 : 0);
      ps.setLong(5, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static Map<String, HeartbeatToken> all(Connection c) throws SQLException {
    Map<String, HeartbeatToken> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT monitor, token_hash, sealed, carried, configured FROM heartbeat_tokens")) {
      while (rs.next()) {
        String carried = rs.getString("carried");
        String hash = rs.getString("token_hash");
        if (hash == null) { // carried from before version 9, not hashed yet
          hash = HeartbeatToken.hashOf(Objects.requireNonNull(carried, "carried token"));
        }
        HeartbeatToken t =
            new HeartbeatToken(
                rs.getString("monitor"),
                hash,
                rs.getString("sealed"),
                rs.getInt("configured") != 0,
                carried);
        out.put(t.monitor(), t);
      }
    }
    return out;
  }
}

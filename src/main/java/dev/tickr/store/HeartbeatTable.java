package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** SQL of the heartbeat tokens. */
final class HeartbeatTable {
  private HeartbeatTable() {}

  /** Saves a monitor's token; a monitor that had the same token before loses it. */
  static void save(Connection c, HeartbeatToken t, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM heartbeat_tokens WHERE token = ? AND monitor <> ?")) {
      ps.setString(1, t.token());
      ps.setString(2, t.monitor());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO heartbeat_tokens (monitor, token, configured, created_at) VALUES (?, ?, ?,"
                + " ?) ON CONFLICT (monitor) DO UPDATE SET token = excluded.token,"
                + " configured = excluded.configured, created_at = excluded.created_at")) {
      ps.setString(1, t.monitor());
      ps.setString(2, t.token());
      ps.setInt(3, t.configured() ? 1 : 0);
      ps.setLong(4, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static Map<String, HeartbeatToken> all(Connection c) throws SQLException {
    Map<String, HeartbeatToken> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT monitor, token, configured FROM heartbeat_tokens")) {
      while (rs.next()) {
        HeartbeatToken t =
            new HeartbeatToken(
                rs.getString("monitor"), rs.getString("token"), rs.getInt("configured") != 0);
        out.put(t.monitor(), t);
      }
    }
    return out;
  }
}

package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ChainStore} in SQLite: the {@code chain_shapes} table. */
final class SqliteChains implements ChainStore {
  private final SqliteAccess db;
  private final ReadPool reads;

  SqliteChains(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
  }

  @Override
  public Map<String, KnownChain> knownChains() {
    return reads.read("chain shapes", SqliteChains::read);
  }

  @Override
  public void saveKnownChain(String monitor, KnownChain chain) {
    db.writer().execute(c -> write(c, monitor, chain));
  }

  static Map<String, KnownChain> read(Connection c) throws SQLException {
    Map<String, String> shapes = new LinkedHashMap<>();
    Map<String, Map<String, Instant>> earlier = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT monitor, position, shape, left_at FROM chain_shapes"
                    + " ORDER BY monitor, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String monitor = rs.getString(1);
        if (rs.getInt(2) == 0) {
          shapes.put(monitor, rs.getString(3));
        } else {
          earlier
              .computeIfAbsent(monitor, m -> new LinkedHashMap<>())
              .put(rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
        }
      }
    }
    Map<String, KnownChain> out = new LinkedHashMap<>();
    shapes.forEach(
        (monitor, shape) ->
            out.put(monitor, new KnownChain(shape, earlier.getOrDefault(monitor, Map.of()))));
    return out;
  }

  static void write(Connection c, String monitor, KnownChain chain) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM chain_shapes WHERE monitor = ?")) {
      delete.setString(1, monitor);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO chain_shapes (monitor, position, shape, left_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, monitor);
      insert.setInt(2, 0);
      insert.setString(3, chain.shape());
      insert.setNull(4, Types.BIGINT);
      insert.addBatch();
      int position = 1;
      for (Map.Entry<String, Instant> e : chain.earlier().entrySet()) {
        insert.setString(1, monitor);
        insert.setInt(2, position++);
        insert.setString(3, e.getKey());
        insert.setLong(4, e.getValue().toEpochMilli());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}

package dev.tickr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The SQL of alerts, the outbox and maintenance marks; writes run on the {@link Writer}. */
final class AlertTables {
  private static final String ALERT_COLUMNS =
      "SELECT id, channel, event, monitor, incident_id, body, created_at, due_at, outbox_id"
          + " FROM alerts";
  private static final String OUTBOX_COLUMNS =
      "SELECT id, channel, notification, created_at, next_attempt, attempts, state, last_answer"
          + " FROM outbox";

  private AlertTables() {}

  static boolean holdAlert(Connection c, AlertRow a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alerts (id, seq, channel, event, monitor, incident_id, body,"
                + " created_at, due_at, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      long seq = Updates.next(c, "alert");
      ps.setString(1, a.id());
      ps.setLong(2, seq);
      ps.setString(3, a.channel());
      ps.setString(4, a.event());
      ps.setString(5, a.monitor());
      ps.setLong(6, a.incidentId());
      ps.setString(7, a.body());
      ps.setLong(8, a.createdAt().toEpochMilli());
      ps.setLong(9, a.dueAt().toEpochMilli());
      Columns.setText(ps, 10, a.outboxId());
      return ps.executeUpdate() == 1;
    }
  }

  static List<AlertRow> heldAlerts(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(ALERT_COLUMNS + " WHERE outbox_id IS NULL ORDER BY seq")) {
      return alerts(ps);
    }
  }

  static List<AlertRow> alertsOfIncident(Connection c, long incidentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(ALERT_COLUMNS + " WHERE incident_id = ? ORDER BY seq")) {
      ps.setLong(1, incidentId);
      return alerts(ps);
    }
  }

  static Optional<AlertRow> alert(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ALERT_COLUMNS + " WHERE id = ?")) {
      ps.setString(1, id);
      List<AlertRow> found = alerts(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<AlertRow> alerts(PreparedStatement ps) throws SQLException {
    List<AlertRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new AlertRow(
                rs.getString("id"),
                rs.getString("channel"),
                rs.getString("event"),
                rs.getString("monitor"),
                rs.getLong("incident_id"),
                rs.getString("body"),
                Columns.millis(rs, "created_at"),
                Columns.millis(rs, "due_at"),
                rs.getString("outbox_id")));
      }
    }
    return out;
  }

  /** Adds a notification (once: a second one with its id is ignored) and marks its alerts sent. */
  static void enqueue(Connection c, OutboxRow n, Collection<String> alertIds, Instant now)
      throws SQLException {
    long seq = Updates.next(c, "outbox");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox (id, seq, channel, notification, created_at, next_attempt,"
                + " claimed_until, attempts, state, last_answer, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      ps.setString(1, n.id());
      ps.setLong(2, seq);
      ps.setString(3, n.channel());
      ps.setString(4, n.notification());
      ps.setLong(5, n.createdAt().toEpochMilli());
      ps.setLong(6, n.nextAttempt().toEpochMilli());
      ps.setInt(7, n.attempts());
      ps.setString(8, n.state().code());
      Columns.setText(ps, 9, n.lastAnswer());
      ps.setLong(10, now.toEpochMilli());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE alerts SET outbox_id = ? WHERE id = ? AND outbox_id IS NULL")) {
      for (String id : alertIds) {
        ps.setString(1, n.id());
        ps.setString(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The channel's first pending notification, claimed for {@code lease} so that nothing else tries
   * it meanwhile; empty when there is none, or when it is not due or still claimed (the ones after
   * it wait, so a channel's notifications go out in order).
   */
  static Optional<OutboxRow> claimNext(Connection c, String channel, Instant now, Duration lease)
      throws SQLException {
    OutboxRow head;
    Long claimedUntil;
    try (PreparedStatement ps =
        c.prepareStatement(
            OUTBOX_COLUMNS.replace(" FROM", ", claimed_until FROM")
                + " WHERE channel = ? AND state = 'pending' ORDER BY seq LIMIT 1")) {
      ps.setString(1, channel);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        head = outboxRow(rs);
        claimedUntil = Columns.nullableLong(rs, "claimed_until");
      }
    }
    long t = now.toEpochMilli();
    if (head.nextAttempt().toEpochMilli() > t || (claimedUntil != null && claimedUntil > t)) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1, updated_at = ?"
                + " WHERE id = ?")) {
      ps.setLong(1, now.plus(lease).toEpochMilli());
      ps.setLong(2, t);
      ps.setString(3, head.id());
      ps.executeUpdate();
    }
    return Optional.of(
        new OutboxRow(
            head.id(),
            head.channel(),
            head.notification(),
            head.createdAt(),
            head.nextAttempt(),
            head.attempts() + 1,
            head.state(),
            head.lastAnswer()));
  }

  /**
   * Claims up to {@code max} due notifications of the channel, among its first {@code window}
   * pending ones: see {@link Store#claimDue}.
   */
  static List<OutboxRow> claimDue(
      Connection c,
      String channel,
      Instant now,
      Duration lease,
      int max,
      int window,
      Function<OutboxRow, Set<String>> keys,
      Set<String> sending)
      throws SQLException {
    long t = now.toEpochMilli();
    List<OutboxRow> picked = new ArrayList<>();
    Set<String> blocked = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            OUTBOX_COLUMNS.replace(" FROM", ", claimed_until FROM")
                + " WHERE channel = ? AND state = 'pending' ORDER BY seq LIMIT ?")) {
      ps.setString(1, channel);
      ps.setInt(2, window);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && picked.size() < max) {
          OutboxRow row = outboxRow(rs);
          Long claimedUntil = Columns.nullableLong(rs, "claimed_until");
          Set<String> rowKeys = keys.apply(row);
          boolean claimed =
              sending.contains(row.id()) || (claimedUntil != null && claimedUntil > t);
          if (!claimed && row.nextAttempt().toEpochMilli() > t) {
            break; // waiting for its retry: the ones after it wait too
          }
          if (!claimed && Collections.disjoint(rowKeys, blocked)) {
            picked.add(row);
          }
          blocked.addAll(rowKeys);
        }
      }
    }
    if (picked.isEmpty()) {
      return List.of();
    }
    List<OutboxRow> out = new ArrayList<>(picked.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1, updated_at = ?"
                + " WHERE id = ?")) {
      for (OutboxRow row : picked) {
        ps.setLong(1, now.plus(lease).toEpochMilli());
        ps.setLong(2, t);
        ps.setString(3, row.id());
        ps.addBatch();
        out.add(
            new OutboxRow(
                row.id(),
                row.channel(),
                row.notification(),
                row.createdAt(),
                row.nextAttempt(),
                row.attempts() + 1,
                row.state(),
                row.lastAnswer()));
      }
      ps.executeBatch();
    }
    return out;
  }

  /** Ends a claim: the notification is done ({@code state}) or due again at {@code next}. */
  static void settle(
      Connection c, String id, OutboxState state, Instant next, String answer, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET state = ?, next_attempt = ?, claimed_until = NULL,"
                + " last_answer = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, state.code());
      ps.setLong(2, next.toEpochMilli());
      ps.setString(3, answer);
      ps.setLong(4, now.toEpochMilli());
      ps.setString(5, id);
      if (ps.executeUpdate() != 1) {
        throw new StoreException("no notification " + id + " in the outbox");
      }
    }
  }

  /** Forgets every claim: after a restart nothing is being sent. */
  static void releaseClaims(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL");
    }
  }

  static List<OutboxQueue> queues(Connection c) throws SQLException {
    List<OutboxQueue> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT o.channel, o.next_attempt, o.claimed_until, q.pending FROM outbox o JOIN"
                    + " (SELECT MIN(seq) AS head, COUNT(*) AS pending FROM outbox"
                    + " WHERE state = 'pending' GROUP BY channel) q ON o.seq = q.head"
                    + " ORDER BY o.channel")) {
      while (rs.next()) {
        long due = rs.getLong("next_attempt");
        Long claimed = Columns.nullableLong(rs, "claimed_until");
        out.add(
            new OutboxQueue(
                rs.getString("channel"),
                rs.getInt("pending"),
                Instant.ofEpochMilli(claimed == null ? due : Math.max(due, claimed))));
      }
    }
    return out;
  }

  static Optional<OutboxRow> outboxRow(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OUTBOX_COLUMNS + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(outboxRow(rs)) : Optional.empty();
      }
    }
  }

  /** A channel's notifications, oldest first. */
  static List<OutboxRow> outbox(Connection c, String channel) throws SQLException {
    List<OutboxRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(OUTBOX_COLUMNS + " WHERE channel = ? ORDER BY seq")) {
      ps.setString(1, channel);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(outboxRow(rs));
        }
      }
    }
    return out;
  }

  private static OutboxRow outboxRow(ResultSet rs) throws SQLException {
    return new OutboxRow(
        rs.getString("id"),
        rs.getString("channel"),
        rs.getString("notification"),
        Columns.millis(rs, "created_at"),
        Columns.millis(rs, "next_attempt"),
        rs.getInt("attempts"),
        OutboxState.ofCode(rs.getString("state")),
        rs.getString("last_answer"));
  }

  static void replaceMaintenance(Connection c, Collection<MaintenanceMark> marks)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM maintenance");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO maintenance (monitor, name, started_at, ends_at) VALUES (?, ?, ?, ?)")) {
      for (MaintenanceMark m : marks) {
        ps.setString(1, m.monitor());
        ps.setString(2, m.name());
        ps.setLong(3, m.start().toEpochMilli());
        ps.setLong(4, m.end().toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static Map<String, MaintenanceMark> maintenance(Connection c) throws SQLException {
    Map<String, MaintenanceMark> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT monitor, name, started_at, ends_at FROM maintenance")) {
      while (rs.next()) {
        MaintenanceMark m =
            new MaintenanceMark(
                rs.getString("monitor"),
                rs.getString("name"),
                Columns.millis(rs, "started_at"),
                Columns.millis(rs, "ends_at"));
        out.put(m.monitor(), m);
      }
    }
    return out;
  }

  /**
   * Deletes finished notifications last touched before {@code outboxBefore}, and alerts decided
   * before {@code alertsBefore} that went out (a held alert is kept until it does).
   */
  static void prune(Connection c, Instant outboxBefore, Instant alertsBefore) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM outbox WHERE state <> 'pending' AND updated_at < ?")) {
      ps.setLong(1, Columns.ceilMillis(outboxBefore));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM alerts WHERE outbox_id IS NOT NULL AND created_at < ?")) {
      ps.setLong(1, Columns.ceilMillis(alertsBefore));
      ps.executeUpdate();
    }
  }
}

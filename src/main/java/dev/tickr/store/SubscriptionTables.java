package dev.tickr.store;

import dev.tickr.store.SubscriptionStore.Outcome;
import dev.tickr.store.SubscriptionStore.QueuedMail;
import dev.tickr.store.SubscriptionStore.Subscriber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the status-page subscriptions (migration V18). */
final class SubscriptionTables {
  static final String PENDING = "pending";
  static final String CONFIRMED = "confirmed";

  /** A request to subscribe, as {@link SubscriptionStore#subscribe} takes it. */
  record Request(
      String page,
      String addressHash,
      String sealed,
      String tokenHash,
      Instant expires,
      Instant now,
      Instant resendAfter,
      int maxPending) {}

  private SubscriptionTables() {}

  static Optional<String> key(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT sealed FROM subscription_keys WHERE name = 'address'")) {
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static String saveKey(Connection c, String sealed) throws SQLException {
    Optional<String> kept = key(c);
    if (kept.isPresent()) {
      return kept.get();
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO subscription_keys (name, sealed) VALUES ('address', ?)")) {
      ps.setString(1, sealed);
      ps.executeUpdate();
    }
    return sealed;
  }

  static Outcome subscribe(Connection c, Request r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, state, token_expires FROM subscribers WHERE page = ? AND address_hash = ?")) {
      ps.setString(1, r.page());
      ps.setString(2, r.addressHash());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          if (CONFIRMED.equals(rs.getString(2))) {
            return Outcome.NOTHING;
          }
          // The token was issued at expires - validity; refresh it only after resendAfter.
          long issued = rs.getLong(3) - (r.expires().toEpochMilli() - r.now().toEpochMilli());
          if (issued > r.resendAfter().toEpochMilli()) {
            return Outcome.NOTHING;
          }
          return refresh(c, id, r);
        }
      }
    }
    if (count(c, "SELECT COUNT(*) FROM subscribers WHERE page = ? AND state = 'pending'", r.page())
        >= r.maxPending()) {
      return Outcome.FULL;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subscribers (id, page, address_hash, sealed, state, token_hash,"
                + " token_expires, created_at, confirmed_at) VALUES ((SELECT COALESCE(MAX(id), 0)"
                + " + 1 FROM subscribers), ?, ?, ?, 'pending', ?, ?, ?, NULL)")) {
      ps.setString(1, r.page());
      ps.setString(2, r.addressHash());
      ps.setString(3, r.sealed());
      ps.setString(4, r.tokenHash());
      ps.setLong(5, r.expires().toEpochMilli());
      ps.setLong(6, r.now().toEpochMilli());
      ps.executeUpdate();
    }
    return Outcome.CONFIRM;
  }

  private static Outcome refresh(Connection c, long id, Request r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE subscribers SET token_hash = ?, token_expires = ?, sealed = ? WHERE id = ?")) {
      ps.setString(1, r.tokenHash());
      ps.setLong(2, r.expires().toEpochMilli());
      ps.setString(3, r.sealed());
      ps.setLong(4, id);
      ps.executeUpdate();
    }
    return Outcome.CONFIRM;
  }

  static Optional<Subscriber> confirm(Connection c, String tokenHash, Instant now)
      throws SQLException {
    Optional<Subscriber> found = Optional.empty();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, page, sealed FROM subscribers WHERE token_hash = ? AND token_expires > ?")) {
      ps.setString(1, tokenHash);
      ps.setLong(2, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          found = Optional.of(new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    if (found.isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE subscribers SET state = 'confirmed', token_hash = NULL, token_expires ="
                  + " NULL, confirmed_at = ? WHERE id = ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setLong(2, found.get().id());
        ps.executeUpdate();
      }
    }
    return found;
  }

  static Optional<Subscriber> subscriber(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, page, sealed FROM subscribers WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  static boolean unsubscribe(Connection c, long id) throws SQLException {
    // The sealed address leaves no readable trace in freed pages.
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA secure_delete = ON");
    }
    try {
      update(c, "DELETE FROM subscriber_mails WHERE subscriber_id = ?", id);
      return update(c, "DELETE FROM subscribers WHERE id = ?", id) > 0;
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA secure_delete = OFF");
      }
    }
  }

  static List<Subscriber> confirmed(Connection c, String page) throws SQLException {
    List<Subscriber> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, page, sealed FROM subscribers WHERE page = ? AND state = 'confirmed'"
                + " ORDER BY id")) {
      ps.setString(1, page);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  static Map<String, Map<String, Integer>> counts(Connection c) throws SQLException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT page, state, COUNT(*) FROM subscribers GROUP BY page, state"
                    + " ORDER BY page, state")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getInt(3));
      }
    }
    return out;
  }

  static boolean announce(
      Connection c, String page, long incidentId, String subject, String body, Instant now)
      throws SQLException {
    if (announced(c, page, incidentId)) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subscription_incidents (page, incident_id, at) VALUES (?, ?, ?)")) {
      ps.setString(1, page);
      ps.setLong(2, incidentId);
      ps.setLong(3, now.toEpochMilli());
      ps.executeUpdate();
    }
    queueAll(c, page, subject, body, now);
    return true;
  }

  static boolean follow(
      Connection c, String page, long incidentId, String subject, String body, Instant now)
      throws SQLException {
    if (!announced(c, page, incidentId)) {
      return false;
    }
    queueAll(c, page, subject, body, now);
    return true;
  }

  private static boolean announced(Connection c, String page, long incidentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM subscription_incidents WHERE page = ? AND incident_id = ?")) {
      ps.setString(1, page);
      ps.setLong(2, incidentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void queueAll(Connection c, String page, String subject, String body, Instant now)
      throws SQLException {
    for (Subscriber s : confirmed(c, page)) {
      queue(c, s.id(), page, subject, body, now);
    }
  }

  static void queue(
      Connection c, long subscriberId, String page, String subject, String body, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subscriber_mails (id, subscriber_id, page, subject, body, attempts,"
                + " next_at, created_at) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM"
                + " subscriber_mails), ?, ?, ?, ?, 0, ?, ?)")) {
      ps.setLong(1, subscriberId);
      ps.setString(2, page);
      ps.setString(3, subject);
      ps.setString(4, body);
      ps.setLong(5, now.toEpochMilli());
      ps.setLong(6, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static List<QueuedMail> due(Connection c, Instant now, int limit) throws SQLException {
    List<QueuedMail> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, subscriber_id, page, subject, body, attempts FROM subscriber_mails"
                + " WHERE next_at <= ? ORDER BY next_at, id LIMIT ?")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new QueuedMail(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getInt(6)));
        }
      }
    }
    return out;
  }

  static Optional<Instant> nextDue(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(next_at) FROM subscriber_mails")) {
      if (rs.next()) {
        long at = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
      }
      return Optional.empty();
    }
  }

  static void done(Connection c, long mailId) throws SQLException {
    update(c, "DELETE FROM subscriber_mails WHERE id = ?", mailId);
  }

  static void retry(Connection c, long mailId, Instant next) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE subscriber_mails SET attempts = attempts + 1, next_at = ? WHERE id = ?")) {
      ps.setLong(1, next.toEpochMilli());
      ps.setLong(2, mailId);
      ps.executeUpdate();
    }
  }

  static int expire(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM subscribers WHERE state = 'pending' AND token_expires <= ?")) {
      ps.setLong(1, now.toEpochMilli());
      return ps.executeUpdate();
    }
  }

  private static int update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate();
    }
  }

  private static long count(Connection c, String sql, String page) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, page);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}

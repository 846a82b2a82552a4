package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link SubscriptionStore} in SQLite: writes on the writer thread, reads on read connections. */
final class SqliteSubscriptions implements SubscriptionStore {
  private final SqliteAccess db;

  SqliteSubscriptions(SqliteAccess db) {
    this.db = db;
  }

  @Override
  public Optional<String> key() {
    return db.reads().read("subscription key", SubscriptionTables::key);
  }

  @Override
  public String saveKey(String sealed) {
    return Objects.requireNonNull(db.writer().call(c -> SubscriptionTables.saveKey(c, sealed)));
  }

  @Override
  public Outcome subscribe(
      String page,
      String addressHash,
      String sealed,
      String tokenHash,
      Instant expires,
      Instant now,
      Instant resendAfter,
      int maxPending) {
    var request =
        new SubscriptionTables.Request(
            page, addressHash, sealed, tokenHash, expires, now, resendAfter, maxPending);
    return Objects.requireNonNull(db.writer().call(c -> SubscriptionTables.subscribe(c, request)));
  }

  @Override
  public Optional<Subscriber> confirm(String tokenHash, Instant now) {
    return Objects.requireNonNull(
        db.writer().call(c -> SubscriptionTables.confirm(c, tokenHash, now)));
  }

  @Override
  public Optional<Subscriber> subscriber(long id) {
    return db.reads().read("subscriber", c -> SubscriptionTables.subscriber(c, id));
  }

  @Override
  public boolean unsubscribe(long id) {
    return Boolean.TRUE.equals(db.writer().call(c -> SubscriptionTables.unsubscribe(c, id)));
  }

  @Override
  public List<Subscriber> confirmed(String page) {
    return db.reads().read("subscribers", c -> SubscriptionTables.confirmed(c, page));
  }

  @Override
  public Map<String, Map<String, Integer>> counts() {
    return db.reads().read("subscriber counts", SubscriptionTables::counts);
  }

  @Override
  public boolean announce(String page, long incidentId, String subject, String body, Instant now) {
    return Boolean.TRUE.equals(
        db.writer()
            .call(c -> SubscriptionTables.announce(c, page, incidentId, subject, body, now)));
  }

  @Override
  public boolean follow(String page, long incidentId, String subject, String body, Instant now) {
    return Boolean.TRUE.equals(
        db.writer().call(c -> SubscriptionTables.follow(c, page, incidentId, subject, body, now)));
  }

  @Override
  public void queue(long subscriberId, String page, String subject, String body, Instant now) {
    db.writer().execute(c -> SubscriptionTables.queue(c, subscriberId, page, subject, body, now));
  }

  @Override
  public List<QueuedMail> due(Instant now, int limit) {
    return db.reads().read("subscriber mails", c -> SubscriptionTables.due(c, now, limit));
  }

  @Override
  public Optional<Instant> nextDue() {
    return db.reads().read("subscriber mails", SubscriptionTables::nextDue);
  }

  @Override
  public void done(long mailId) {
    db.writer().execute(c -> SubscriptionTables.done(c, mailId));
  }

  @Override
  public void retry(long mailId, Instant next) {
    db.writer().execute(c -> SubscriptionTables.retry(c, mailId, next));
  }

  @Override
  public int expire(Instant now) {
    Integer n = db.writer().call(c -> SubscriptionTables.expire(c, now));
    return n == null ? 0 : n;
  }
}

package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email subscriptions to status pages: subscribers (a keyed hash and a sealed address, never the
 * address itself), the incidents their pages announced, and the mails waiting to go to them.
 */
public interface SubscriptionStore {

  /** A subscriber: its id, page, and address sealed for that page. */
  record Subscriber(long id, String page, String sealed) {}

  /** A mail waiting to go: public text, and the subscriber it is for. */
  record QueuedMail(
      long id, long subscriberId, String page, String subject, String body, int attempts) {}

  /** What a request to subscribe did. */
  enum Outcome {
    /** A new pending subscriber, or a pending one with a fresh token: send the confirmation. */
    CONFIRM,
    /** Confirmed already, or a confirmation went out too recently: send nothing. */
    NOTHING,
    /** The page has too many pending subscribers: send nothing. */
    FULL
  }

  /** The sealed key of the address hash; empty before the first {@link #saveKey}. */
  Optional<String> key();

  /** Keeps {@code sealed} unless a key is kept already; returns the one kept. */
  String saveKey(String sealed);

  /**
   * Adds a pending subscriber, or gives a pending one a new token when its last one was issued
   * before {@code resendAfter}.
   *
   * @param tokenHash the SHA-256 of the confirmation token
   * @param maxPending how many pending subscribers a page may have
   */
  Outcome subscribe(
      String page,
      String addressHash,
      String sealed,
      String tokenHash,
      Instant expires,
      Instant now,
      Instant resendAfter,
      int maxPending);

  /** Confirms the subscriber whose unexpired token has this hash; the token is used up. */
  Optional<Subscriber> confirm(String tokenHash, Instant now);

  /** The subscriber with this id, confirmed or not. */
  Optional<Subscriber> subscriber(long id);

  /** Removes a subscriber and its waiting mails; false when there was none. */
  boolean unsubscribe(long id);

  /** Confirmed subscribers of a page. */
  List<Subscriber> confirmed(String page);

  /** Subscribers by page and state ({@code pending}, {@code confirmed}). */
  Map<String, Map<String, Integer>> counts();

  /**
   * Records that {@code page} announced the incident and queues one mail per confirmed subscriber;
   * false (and nothing queued) when it was announced already.
   */
  boolean announce(String page, long incidentId, String subject, String body, Instant now);

  /** Queues a mail to every confirmed subscriber when {@code page} announced the incident. */
  boolean follow(String page, long incidentId, String subject, String body, Instant now);

  /** Queues one mail to one subscriber. */
  void queue(long subscriberId, String page, String subject, String body, Instant now);

  /** Mails due at {@code now}, oldest first. */
  List<QueuedMail> due(Instant now, int limit);

  /** The next time a waiting mail is due, if any. */
  Optional<Instant> nextDue();

  /** A mail went (or can never go): it is removed. */
  void done(long mailId);

  /** A mail failed for now: try again at {@code next}. */
  void retry(long mailId, Instant next);

  /** Deletes pending subscribers whose token expired before {@code now}. */
  int expire(Instant now);
}

package dev.tickr.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The persistent outbox: notifications waiting for their channel, claimed, sent, retried or given
 * up, so a restart loses none and sends none twice.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface OutboxStore {
  /**
   * Adds a notification to the outbox (nothing when one with its id is there already) and notes
   * that {@code alertIds} went out in it, in one transaction; durable when this returns.
   */
  void enqueue(OutboxRow notification, Collection<String> alertIds);

  /**
   * {@link #enqueue(OutboxRow, Collection)} for many notifications, in the order given, in one
   * transaction: all of them are durable when this returns, or none is.
   */
  void enqueue(List<OutboxEntry> entries);

  /**
   * Claims the channel's first pending notification for {@code lease}, counting the attempt: empty
   * when it is not due yet, is claimed already, or there is none. A channel's notifications are
   * claimed in the order they were enqueued.
   */
  Optional<OutboxRow> claimNext(String channel, Instant now, Duration lease);

  /**
   * Records how the sends in {@code ended} went ({@link #settle}), then claims up to {@code max} of
   * the channel's due notifications for {@code lease}, counting an attempt for each, looking at its
   * first {@code window} pending ones in the order they were enqueued; all in one transaction. A
   * notification is passed over while one before it that shares an order key ({@code keys}: its
   * monitors) is claimed, or was passed over; the look stops at the first notification that is not
   * due yet (waiting for its retry), so everything after it waits, as with {@link #claimNext}. So
   * several notifications may be on their way at once, while those of one monitor go one after
   * another, in order.
   *
   * @param sending notifications the caller has on their way: claimed, whatever their lease says
   *     (the clock may have jumped past it)
   * @return the claimed notifications, in order, with their attempt counted
   */
  List<OutboxRow> claimDue(
      List<OutboxSettlement> ended,
      String channel,
      Instant now,
      Duration lease,
      int max,
      int window,
      Function<OutboxRow, Set<String>> keys,
      Set<String> sending);

  /** Ends many claims in one transaction ({@link OutboxSettlement}); durable when this returns. */
  void settle(List<OutboxSettlement> settlements);

  /** The provider took the notification; durable when this returns. */
  void markSent(String id, Instant at, String answer);

  /** The attempt failed; the notification is due again at {@code next}. */
  void reschedule(String id, Instant next, String answer);

  /**
   * No more attempts: the provider refused it ({@code FAILED}) or time ran out ({@code GIVEN_UP}).
   */
  void finish(String id, OutboxState state, Instant at, String answer);

  /** Ends every claim (at start-up: a notification claimed before a crash is due again). */
  void releaseClaims();

  /** Each channel with pending notifications: how many, and when its first may be tried. */
  List<OutboxQueue> outboxQueues();

  Optional<OutboxRow> outboxRow(String id);

  /** A channel's notifications in the order they were enqueued. */
  List<OutboxRow> outbox(String channel);
}

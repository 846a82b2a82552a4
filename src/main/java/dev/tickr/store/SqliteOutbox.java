package dev.tickr.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@link OutboxStore} in SQLite: each change to the outbox is one transaction of the writer. */
final class SqliteOutbox implements OutboxStore {
  private final SqliteAccess db;
  private final ReadPool reads;
  private final Clock clock;

  SqliteOutbox(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
    this.clock = db.clock();
  }

  @Override
  public void enqueue(OutboxRow notification, Collection<String> alertIds) {
    Instant now = clock.instant();
    List<String> ids = List.copyOf(alertIds);
    writer().execute(c -> AlertTables.enqueue(c, notification, ids, now));
  }

  @Override
  public void enqueue(List<OutboxEntry> entries) {
    Instant now = clock.instant();
    List<OutboxEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) {
      return;
    }
    writer()
        .execute(
            c -> {
              for (OutboxEntry e : copy) {
                AlertTables.enqueue(c, e.notification(), e.alertIds(), now);
              }
            });
  }

  @Override
  public List<OutboxRow> claimDue(
      List<OutboxSettlement> ended,
      String channel,
      Instant now,
      Duration lease,
      int max,
      int window,
      Function<OutboxRow, Set<String>> keys,
      Set<String> sending) {
    List<OutboxSettlement> settled = List.copyOf(ended);
    Set<String> busy = Set.copyOf(sending);
    if (max <= 0 && settled.isEmpty()) {
      return List.of();
    }
    List<OutboxRow> claimed =
        writer()
            .call(
                c -> {
                  for (OutboxSettlement s : settled) {
                    AlertTables.settle(c, s.id(), s.state(), s.next(), s.answer(), s.at());
                  }
                  return max <= 0
                      ? List.<OutboxRow>of()
                      : AlertTables.claimDue(c, channel, now, lease, max, window, keys, busy);
                });
    return Objects.requireNonNull(claimed);
  }

  @Override
  public void settle(List<OutboxSettlement> settlements) {
    List<OutboxSettlement> copy = List.copyOf(settlements);
    if (copy.isEmpty()) {
      return;
    }
    writer()
        .execute(
            c -> {
              for (OutboxSettlement s : copy) {
                AlertTables.settle(c, s.id(), s.state(), s.next(), s.answer(), s.at());
              }
            });
  }

  @Override
  public Optional<OutboxRow> claimNext(String channel, Instant now, Duration lease) {
    Optional<OutboxRow> claimed = writer().call(c -> AlertTables.claimNext(c, channel, now, lease));
    return Objects.requireNonNull(claimed);
  }

  @Override
  public void markSent(String id, Instant at, String answer) {
    writer().execute(c -> AlertTables.settle(c, id, OutboxState.SENT, at, answer, at));
  }

  @Override
  public void reschedule(String id, Instant next, String answer) {
    Instant now = clock.instant();
    writer().execute(c -> AlertTables.settle(c, id, OutboxState.PENDING, next, answer, now));
  }

  @Override
  public void finish(String id, OutboxState state, Instant at, String answer) {
    if (state == OutboxState.PENDING) {
      throw new IllegalArgumentException("a finished notification is not pending");
    }
    writer().execute(c -> AlertTables.settle(c, id, state, at, answer, at));
  }

  @Override
  public void releaseClaims() {
    writer().execute(AlertTables::releaseClaims);
  }

  @Override
  public List<OutboxQueue> outboxQueues() {
    return reads.read("the outbox", AlertTables::queues);
  }

  @Override
  public Optional<OutboxRow> outboxRow(String id) {
    return reads.read("notification " + id, c -> AlertTables.outboxRow(c, id));
  }

  @Override
  public List<OutboxRow> outbox(String channel) {
    return reads.read("the outbox of " + channel, c -> AlertTables.outbox(c, channel));
  }

  private Writer writer() {
    return db.writer();
  }
}

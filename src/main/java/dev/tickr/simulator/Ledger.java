package dev.tickr.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The conversions a simulated platform reports, newest last, bounded in count. Shared by the
 * platform fakes and the demo's traffic, which adds to it as clicks convert. A conversion shows in
 * the report once its attribution delay ({@link #attributionDelay(Duration)}, none by default) has
 * passed on the ledger's clock, or never when it was recorded as never reported.
 */
public final class Ledger {
  static final int MAX = 10_000;

  private final Clock clock;
  private final Deque<Conversion> conversions = new ArrayDeque<>();

  /** When each conversion recorded with a delay shows in the report; absent: at once. */
  private final Map<String, Instant> reportedAt = new HashMap<>();

  private final Set<String> reversed = new HashSet<>();
  private volatile Duration attributionDelay = Duration.ZERO;
  private long orders;

  public Ledger(Clock clock) {
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** How long a conversion recorded from now on takes to show in the report. */
  public Duration attributionDelay() {
    return attributionDelay;
  }

  public void attributionDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a negative attribution delay: " + delay);
    }
    this.attributionDelay = delay;
  }

  /** Records a conversion made now, shown after the {@link #attributionDelay()}. */
  public Conversion record(String orderId, String clickId, BigDecimal amount) {
    return record(orderId, clickId, amount, attributionDelay);
  }

  /**
   * Records a conversion made now that earns 10% of its amount.
   *
   * @param reportedAfter how long until the report shows it, or {@code null} for never
   */
  public synchronized Conversion record(
      String orderId, String clickId, BigDecimal amount, @Nullable Duration reportedAfter) {
    Conversion c =
        new Conversion(
            UUID.randomUUID().toString().replace("-", ""),
            orderId,
            clickId,
            amount,
            amount.movePointLeft(1).setScale(2, RoundingMode.HALF_UP),
            clock.instant());
    conversions.addLast(c);
    if (reportedAfter == null) {
      reportedAt.put(c.id(), Instant.MAX);
    } else if (!reportedAfter.isZero()) {
      reportedAt.put(c.id(), c.at().plus(reportedAfter));
    }
    trim();
    return c;
  }

  /** Records {@code count} conversions spread over the last {@code within}, oldest first. */
  public synchronized void seed(int count, Duration within) {
    Instant now = clock.instant();
    for (int i = count; i > 0; i--) {
      Instant at = now.minus(within.multipliedBy(i).dividedBy(count + 1L));
      orders++;
      BigDecimal amount = BigDecimal.valueOf(2000 + (orders * 737) % 8000, 2);
      conversions.addLast(
          new Conversion(
              UUID.randomUUID().toString().replace("-", ""),
              "ORD-" + orders,
              "click-" + orders,
              amount,
              amount.movePointLeft(1).setScale(2, RoundingMode.HALF_UP),
              at));
    }
    trim();
  }

  private void trim() {
    while (conversions.size() > MAX) {
      Conversion gone = conversions.removeFirst();
      reportedAt.remove(gone.id());
      reversed.remove(gone.id());
    }
  }

  private boolean reported(Conversion c, Instant now) {
    Instant at = reportedAt.get(c.id());
    return at == null || !at.isAfter(now);
  }

  /** The reported conversions made in {@code [from, to)}, oldest first. */
  public synchronized List<Conversion> between(Instant from, Instant to) {
    Instant now = clock.instant();
    List<Conversion> out = new ArrayList<>();
    for (Conversion c : conversions) {
      if (!c.at().isBefore(from) && c.at().isBefore(to) && reported(c, now)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The reported conversions of the last {@code within}, oldest first. */
  public List<Conversion> recent(Duration within) {
    Instant now = clock.instant();
    return between(now.minus(within), now.plusSeconds(1));
  }

  /** The newest reported conversion of an order, or {@code null}. */
  public synchronized @Nullable Conversion order(String orderId) {
    Instant now = clock.instant();
    for (var it = conversions.descendingIterator(); it.hasNext(); ) {
      Conversion c = it.next();
      if (c.orderId().equals(orderId) && reported(c, now)) {
        return c;
      }
    }
    return null;
  }

  /** The reported conversion with the network's id {@code id}, or {@code null}. */
  public synchronized @Nullable Conversion find(String id) {
    Instant now = clock.instant();
    for (Conversion c : conversions) {
      if (c.id().equals(id) && reported(c, now)) {
        return c;
      }
    }
    return null;
  }

  /** Marks a reported conversion reversed (it earns nothing); whether it was there to reverse. */
  public synchronized boolean reverse(Conversion c) {
    if (find(c.id()) == null) {
      return false;
    }
    reversed.add(c.id());
    return true;
  }

  public synchronized boolean reversed(Conversion c) {
    return reversed.contains(c.id());
  }
}

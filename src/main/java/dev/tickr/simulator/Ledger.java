package dev.tickr.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The conversions a simulated platform reports, newest last, bounded in count. Shared by the
 * platform fakes and the demo's traffic, which adds to it as clicks convert.
 */
public final class Ledger {
  static final int MAX = 10_000;

  private final Clock clock;
  private final Deque<Conversion> conversions = new ArrayDeque<>();
  private long orders;

  public Ledger(Clock clock) {
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** Records a conversion made now. */
  public synchronized Conversion record(String orderId, String clickId, BigDecimal amount) {
    Conversion c =
        new Conversion(
            UUID.randomUUID().toString().replace("-", ""),
            orderId,
            clickId,
            amount,
            amount.movePointLeft(1).setScale(2, java.math.RoundingMode.HALF_UP),
            clock.instant());
    conversions.addLast(c);
    if (conversions.size() > MAX) {
      conversions.removeFirst();
    }
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
              amount.movePointLeft(1).setScale(2, java.math.RoundingMode.HALF_UP),
              at));
    }
    while (conversions.size() > MAX) {
      conversions.removeFirst();
    }
  }

  /** The conversions made in {@code [from, to)}, oldest first. */
  public synchronized List<Conversion> between(Instant from, Instant to) {
    List<Conversion> out = new ArrayList<>();
    for (Conversion c : conversions) {
      if (!c.at().isBefore(from) && c.at().isBefore(to)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The conversions of the last {@code within}, oldest first. */
  public List<Conversion> recent(Duration within) {
    Instant now = clock.instant();
    return between(now.minus(within), now.plusSeconds(1));
  }
}

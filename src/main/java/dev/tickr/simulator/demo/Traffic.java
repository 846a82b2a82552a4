package dev.tickr.simulator.demo;

import dev.tickr.simulator.Ledger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shoppers converting: one conversion every {@code every}, recorded by each platform's ledger in
 * turn, so their reports keep moving. One timer thread; at most one conversion per tick.
 */
public final class Traffic implements AutoCloseable {
  private final List<Ledger> ledgers;
  private final Duration every;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("tickr-demo-traffic").unstarted(r));
  private long made;

  public Traffic(List<Ledger> ledgers, Duration every) {
    if (ledgers.isEmpty()) {
      throw new IllegalArgumentException("no ledger to record conversions in");
    }
    this.ledgers = List.copyOf(ledgers);
    this.every = every;
  }

  public Traffic start() {
    var unused =
        timer.scheduleAtFixedRate(
            this::convert, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private synchronized void convert() {
    made++;
    BigDecimal amount = BigDecimal.valueOf(1500 + (made * 2731) % 12000, 2);
    ledgers.get((int) (made % ledgers.size())).record("ORD-D" + made, "clk-d" + made, amount);
  }

  /** Conversions made so far. */
  public synchronized long made() {
    return made;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

package dev.tickr.schedule;

import dev.tickr.time.Ticker;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Tickr's own ability to run: a virtual thread that asks to wake every {@link #PERIOD} and
 * notes how late it woke. Late wake-ups mean the checks' threads could not run either (the CPU was
 * taken, a GC paused everything), so a check that timed out meanwhile says more about Tickr than
 * about its target. Under sustained overload no single wake-up is very late, but many are: the sum
 * over a check's time is what it lost. Keeps the recent stalls; queries are cheap. Thread-safe.
 */
public final class StallWatch implements Stalls, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);

  /** How often the watch asks to wake. */
  public static final Duration PERIOD = Duration.ofMillis(20);

  /** Lateness below this is ordinary scheduling jitter, not a stall. */
  static final long NOISE_NANOS = Duration.ofMillis(10).toNanos();

  private static final int CAPACITY = 4096;

  private final Ticker ticker;
  private final long[] from = new long[CAPACITY];
  private final long[] to = new long[CAPACITY];
  private int next;
  private int size;
  private volatile boolean closed;
  private final Thread thread;

  private StallWatch(Ticker ticker, boolean run) {
    this.ticker = ticker;
    this.thread = Thread.ofVirtual().name("tickr-stall-watch").unstarted(this::watch);
    if (run) {
      thread.start();
    }
  }

  /** Starts watching on a virtual thread, the kind checks run on. */
  public static StallWatch start(Ticker ticker) {
    return new StallWatch(ticker, true);
  }

  /** A watch that starts watching at {@link #begin()}. */
  public static StallWatch unstarted(Ticker ticker) {
    return new StallWatch(ticker, false);
  }

  /** Starts watching, on a virtual thread, the kind checks run on; once. */
  public synchronized void begin() {
    if (thread.getState() == Thread.State.NEW && !closed) {
      thread.start();
    }
  }

  /** A watch that never runs by itself; stalls come only from {@link #record}. For tests. */
  static StallWatch manual(Ticker ticker) {
    return new StallWatch(ticker, false);
  }

  private void watch() {
    long period = PERIOD.toNanos();
    long worstLogged = 0;
    long lastLog = ticker.nanos();
    while (!closed) {
      long due = ticker.nanos() + period;
      LockSupport.parkNanos(period);
      long woke = ticker.nanos();
      if (woke - due > NOISE_NANOS) {
        record(due, woke);
        worstLogged = Math.max(worstLogged, woke - due);
      }
      if (worstLogged > 0 && woke - lastLog > Duration.ofSeconds(10).toNanos()) {
        if (worstLogged > Duration.ofMillis(500).toNanos()) {
          LOG.warn(
              "Tickr itself stalled stallMs={} (CPU overloaded or a long GC); checks that timed"
                  + " out meanwhile are not counted against their targets",
              worstLogged / 1_000_000);
        }
        worstLogged = 0;
        lastLog = woke;
      }
    }
  }

  /** Notes that nothing could run from {@code fromNanos} to {@code toNanos} (ticker time). */
  synchronized void record(long fromNanos, long toNanos) {
    from[next] = fromNanos;
    to[next] = toNanos;
    next = (next + 1) % CAPACITY;
    size = Math.min(size + 1, CAPACITY);
  }

  @Override
  public synchronized Duration stalledDuring(long startNanos, long endNanos) {
    long total = 0;
    for (int i = 0; i < size; i++) {
      long overlap = Math.min(to[i], endNanos) - Math.max(from[i], startNanos);
      if (overlap > 0) {
        total += overlap;
      }
    }
    return Duration.ofNanos(total);
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}

package dev.tickr.connectivity;

import dev.tickr.check.Reason;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.config.ConnectivitySpec;
import dev.tickr.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickr's own-connectivity guard: knows whether Tickr's link works, from rounds of canary probes,
 * and tells whether a check that could not reach its target may count against it.
 *
 * <p>The link is {@link LinkState#LOST} after one round in which every canary failed, and {@link
 * LinkState#ONLINE} again after one round in which any answered; each change is announced once as a
 * {@link LinkEvent}. Rounds run every {@code interval} ({@link #tick()}), and whenever a check
 * fails to reach its target while the link is believed up ({@link #explains}): that failure then
 * waits for a round that began after it. One round serves every failure that happened before it
 * began, and rounds start at least {@link #MIN_GAP} apart, so a thousand monitors failing at once
 * cost one or two rounds.
 *
 * <p>Off (no canaries) it answers at once from one field read. Thread-safe.
 */
public final class ConnectivityGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectivityGuard.class);

  /** Rounds start at least this far apart, however many failures ask for one. */
  public static final Duration MIN_GAP = Duration.ofSeconds(1);

  private final Canaries canaries;
  private final Clock clock;
  private final Ticker ticker;
  private final Executor executor;
  private final List<Consumer<LinkEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile ConnectivitySpec spec = ConnectivitySpec.OFF;

  private final Object lock = new Object();
  private volatile boolean lost;
  private volatile boolean restoredOnce;
  private volatile long restoredNanos;
  private @Nullable Instant lostAt;
  private @Nullable Round last;
  private @Nullable CompletableFuture<Round> pending;
  private Instant nextPeriodic = Instant.MIN;
  private long rounds;

  /**
   * @param executor where rounds and their probes run (virtual threads)
   */
  public ConnectivityGuard(
      HttpCheck http, TcpCheck tcp, Clock clock, Ticker ticker, Executor executor) {
    this.canaries = new Canaries(http, tcp, clock, ticker, executor);
    this.clock = clock;
    this.ticker = ticker;
    this.executor = executor;
  }

  public void listen(Consumer<LinkEvent> listener) {
    listeners.add(listener);
  }

  /** Takes the canaries of a (re)loaded config; turned off while lost, the link counts as back. */
  public void reconfigure(ConnectivitySpec next) {
    LinkEvent restored = null;
    synchronized (lock) {
      if (next.equals(spec)) {
        return;
      }
      spec = next;
      nextPeriodic = Instant.MIN;
      last = null;
      if (!next.enabled() && lost) {
        restored =
            restore(ticker.nanos(), clock.instant(), "the connectivity guard was turned off");
      }
    }
    announce(restored);
  }

  public LinkState state() {
    return !spec.enabled() ? LinkState.OFF : lost ? LinkState.LOST : LinkState.ONLINE;
  }

  /** Since when the link is lost, or null while it is not. */
  public @Nullable Instant lostSince() {
    synchronized (lock) {
      return lost ? lostAt : null;
    }
  }

  /** Canary rounds run since Tickr started. */
  public long rounds() {
    synchronized (lock) {
      return rounds;
    }
  }

  /** Starts the periodic round when it is due by the clock; the daemon calls this every second. */
  public void tick() {
    if (!spec.enabled()) {
      return;
    }
    synchronized (lock) {
      if (pending == null && !clock.instant().isBefore(nextPeriodic)) {
        var unused = request(); // nobody waits for a periodic round
      }
    }
  }

  /**
   * Runs a round that begins now (or {@link #MIN_GAP} after the last began) and waits for it, as
   * {@code tickr run} does every interval; for when someone wants to know at once.
   */
  public Round probeNow() {
    return roundAfter(ticker.nanos(), false);
  }

  /**
   * Whether Tickr's own link explains a check that failed to reach its target (dns, connect, tls,
   * timeout), so that it must not count: the link is lost, or was during the check, or a canary
   * round that began after the failure finds it lost. Waits for that round when need be (at most
   * {@link #MIN_GAP} and the canaries' timeout).
   *
   * @param startNanos when the check began, on the ticker
   * @param failedNanos when it ended, on the ticker
   */
  public boolean explains(long startNanos, long failedNanos) {
    if (!spec.enabled()) {
      return false;
    }
    if (lost || (restoredOnce && restoredNanos - startNanos > 0)) {
      return true;
    }
    return !roundAfter(failedNanos, true).up();
  }

  /**
   * A round that began at or after {@code nanos}: the last one, the pending one, or a new one.
   *
   * @param lostServes whether, while the link is lost, the round that found it so will do
   */
  private Round roundAfter(long nanos, boolean lostServes) {
    for (int i = 0; i < 4; i++) {
      CompletableFuture<Round> wait;
      synchronized (lock) {
        Round r = last;
        if (r != null && ((lostServes && lost) || r.startNanos() - nanos >= 0)) {
          return r; // while lost, the round that found it so serves every failure
        }
        CompletableFuture<Round> p = pending;
        wait = p != null ? p : request();
      }
      // Bounded: a round keeps to its timeout and starts within MIN_GAP, unless Tickr is stopping.
      Duration limit = MIN_GAP.plus(spec.timeout()).plus(MIN_GAP);
      try {
        wait.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("connectivity round failed inside Tickr: {}", e.toString());
        break;
      }
    }
    // Each pass but the first starts a round that began after the failure, so this is reached only
    // when rounds themselves fail (Tickr stopping): the failure then counts as without the guard.
    return new Round(nanos, clock.instant(), true, Reason.INTERNAL, "no round");
  }

  /** Plans the next round, {@link #MIN_GAP} after the last began at the earliest. Under lock. */
  private CompletableFuture<Round> request() {
    long now = ticker.nanos();
    Round r = last;
    long earliest = r == null ? now : r.startNanos() + MIN_GAP.toNanos();
    long delay = Math.max(0, earliest - now);
    CompletableFuture<Round> p = new CompletableFuture<>();
    pending = p;
    Executor start =
        delay == 0
            ? executor
            : CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, executor);
    start.execute(() -> run(p));
    return p;
  }

  private void run(CompletableFuture<Round> p) {
    ConnectivitySpec s = spec;
    Round round;
    try {
      round =
          s.enabled()
              ? canaries.probe(s.canaries(), s.timeout())
              : new Round(ticker.nanos(), clock.instant(), true, Reason.CONNECT, "off");
    } catch (RuntimeException e) {
      synchronized (lock) {
        pending = null;
      }
      p.completeExceptionally(e);
      return;
    }
    LinkEvent event;
    synchronized (lock) {
      rounds++;
      last = round;
      pending = null;
      nextPeriodic = round.at().plus(s.interval());
      event = apply(round);
    }
    try {
      announce(event);
    } finally {
      p.complete(round);
    }
  }

  /** The one place the link's state changes. Under lock. */
  private @Nullable LinkEvent apply(Round round) {
    if (!round.up() && !lost) {
      lost = true;
      lostAt = round.at();
      LOG.warn("connectivity=lost at={} detail=\"{}\"", round.at(), round.detail());
      return new LinkEvent.Lost(round.at(), round.reason(), round.detail());
    }
    if (round.up() && lost) {
      return restore(round.startNanos(), round.at(), round.detail());
    }
    return null;
  }

  private LinkEvent restore(long nanos, Instant at, String detail) {
    Instant since = lostAt == null ? at : lostAt;
    lost = false;
    lostAt = null;
    restoredNanos = nanos;
    restoredOnce = true;
    LOG.info("connectivity=restored lostAt={} at={} detail=\"{}\"", since, at, detail);
    return new LinkEvent.Restored(since, at, detail);
  }

  private void announce(@Nullable LinkEvent event) {
    if (event == null) {
      return;
    }
    for (Consumer<LinkEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.error("connectivity listener failed for {}", event, e);
      }
    }
  }
}

package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.store.OutboxQueue;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxSettlement;
import dev.tickr.store.OutboxState;
import dev.tickr.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one lane per channel, each on its own virtual thread, so a slow or failing
 * channel holds up nobody else. A lane keeps up to {@link #IN_FLIGHT} of its channel's
 * notifications on their way at once, each send on its own virtual thread, while the notifications
 * about one monitor go one after another, in the order they were enqueued (a DOWN is never
 * overtaken by its UP or REMINDER); see {@link OutboxStore#claimDue}. It claims what may go in one
 * transaction and records how the sends that ended went in one transaction, and ends when nothing
 * is on its way and nothing more is due. A notification that fails is tried again after a growing,
 * jittered pause (never before the provider's {@code Retry-After}) until the channel's {@code
 * retry-for} has passed since it was enqueued; while it waits, the channel's later notifications
 * wait too.
 *
 * <p>What holds across a crash: a notification recorded as sent is never sent again; the ones on
 * their way when the process died (at most {@link #IN_FLIGHT} per channel, including sends that had
 * ended but were not recorded yet) are claimed, and sent again after the restart, with the same
 * idempotency key.
 */
final class Dispatcher implements AutoCloseable {
  /** How long a claimed notification is left alone, in case its sender dies mid-send. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** How many notifications of one channel may be on their way at once. */
  static final int IN_FLIGHT = 16;

  /** How many of a channel's pending notifications a claim looks at. */
  private static final int WINDOW = 256;

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int ANSWER_LIMIT = 500;

  private final OutboxStore store;
  private final Clock clock;
  private final Backoff backoff;
  private final Supplier<Config> config;
  private final Supplier<Map<String, Notifier>> notifiers;
  private final Runnable wake;
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Lane> running = new HashMap<>(); // guarded by this
  private final Map<String, Set<String>> monitorsOf = new ConcurrentHashMap<>();
  private final ChannelStreaks streaks = new ChannelStreaks();
  private volatile boolean closing;

  /** What a lane hears: a send ended, or there may be more to claim. */
  private sealed interface Signal permits Ended, Poke {}

  /**
   * @param report counts and logs the outcome, once it is recorded
   */
  private record Ended(OutboxSettlement settlement, Runnable report) implements Signal {}

  private enum Poke implements Signal {
    POKE
  }

  /** One channel's running lane. */
  private static final class Lane {
    final String channel;
    final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();

    Lane(String channel) {
      this.channel = channel;
    }
  }

  Dispatcher(
      OutboxStore store,
      Clock clock,
      Backoff backoff,
      Supplier<Config> config,
      Supplier<Map<String, Notifier>> notifiers,
      Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
    this.config = config;
    this.notifiers = notifiers;
    this.wake = wake;
  }

  /**
   * Starts a lane for each channel whose first pending notification is due, and tells running lanes
   * to look for more (their first may be on its way while later ones are due).
   */
  void dispatchDue(Instant now) {
    for (OutboxQueue q : store.outboxQueues()) {
      if (!q.headDue().isAfter(now) || isBusy(q.channel())) {
        start(q.channel());
      }
    }
  }

  /** When the next notification of a channel without a running lane is due; MAX when none. */
  Instant nextDue() {
    Instant next = Instant.MAX;
    for (OutboxQueue q : store.outboxQueues()) {
      if (q.headDue().isBefore(next) && !isBusy(q.channel())) {
        next = q.headDue();
      }
    }
    return next;
  }

  private synchronized boolean isBusy(String channel) {
    return running.containsKey(channel);
  }

  private void start(String channel) {
    Lane lane;
    synchronized (this) {
      Lane already = running.get(channel);
      if (already != null) {
        already.signals.add(Poke.POKE);
        return;
      }
      lane = new Lane(channel);
      running.put(channel, lane);
    }
    try {
      lanes.execute(() -> lane(lane));
    } catch (RuntimeException e) {
      synchronized (this) {
        running.remove(channel);
        notifyAll();
      }
      LOG.debug("channel={} lane not started: {}", channel, e.toString());
    }
  }

  private void lane(Lane lane) {
    String channel = lane.channel;
    Set<String> sending = new HashSet<>();
    List<Ended> ended = List.of();
    try {
      while (true) {
        // How the last sends went, and what may go next: one transaction.
        for (Ended e : ended) {
          sending.remove(e.settlement().id());
        }
        int room = closing ? 0 : IN_FLIGHT - sending.size();
        List<OutboxRow> claimed =
            store.claimDue(
                ended.stream().map(Ended::settlement).toList(),
                channel,
                clock.instant(),
                LEASE,
                room,
                WINDOW,
                this::monitors,
                sending);
        for (Ended e : ended) {
          if (e.settlement().state() != OutboxState.PENDING) {
            monitorsOf.remove(e.settlement().id());
          }
          e.report().run();
        }
        for (OutboxRow row : claimed) {
          sending.add(row.id());
          sends.execute(() -> lane.signals.add(deliver(row)));
        }
        if (sending.isEmpty()) {
          synchronized (this) {
            if (lane.signals.isEmpty()) {
              // under the lock: a start() that comes now finds no lane, and starts one
              running.remove(channel, lane);
              notifyAll();
              return;
            }
          }
        }
        List<Signal> heard = new ArrayList<>();
        heard.add(lane.signals.take());
        lane.signals.drainTo(heard);
        List<Ended> now = new ArrayList<>();
        for (Signal s : heard) {
          if (s instanceof Ended e) {
            now.add(e);
          }
        }
        ended = now;
      }
    } catch (InterruptedException e) {
      LOG.debug("channel={} lane interrupted", channel);
    } catch (RuntimeException e) {
      LOG.error("channel={} delivery stopped; it is tried again later", channel, e);
    } finally {
      synchronized (this) {
        running.remove(channel, lane);
        notifyAll();
      }
      wake.run();
    }
  }

  /**
   * The monitors a notification is about, which order it among the channel's others (read once per
   * notification); its own id when it cannot be read, so it goes alone and fails as it would.
   */
  private Set<String> monitors(OutboxRow row) {
    return monitorsOf.computeIfAbsent(
        row.id(),
        id -> {
          try {
            Set<String> out = new HashSet<>();
            for (Alert a : AlertJson.notification(row.notification()).alerts()) {
              out.add(a.monitor());
            }
            return Set.copyOf(out);
          } catch (RuntimeException e) {
            return Set.of("\u0000" + id);
          }
        });
  }

  /**
   * Sends one claimed notification and says how it ended; writes nothing, and counts and logs
   * nothing until the lane has recorded it.
   */
  private Ended deliver(OutboxRow row) {
    try {
      return attempt(row);
    } catch (RuntimeException e) {
      Instant now = clock.instant();
      return new Ended(
          OutboxSettlement.retry(
              row.id(), now.plus(backoff.after(row.attempts(), null)), "internal error: " + e, now),
          () ->
              LOG.error(
                  "channel={} notification={} could not be sent", row.channel(), row.id(), e));
    }
  }

  private Ended attempt(OutboxRow row) {
    Config cfg = config.get();
    String channel = row.channel();
    ChannelSpec spec = cfg.channel(channel).orElse(null);
    if (spec == null) {
      return new Ended(
          OutboxSettlement.finished(
              row.id(), OutboxState.GIVEN_UP, clock.instant(), "channel no longer configured"),
          () ->
              LOG.warn(
                  "channel={} notification={} given up: the channel is no longer configured",
                  channel,
                  row.id()));
    }
    ChannelPolicy policy = cfg.policy(spec);
    Notifier notifier = notifiers.get().get(channel);
    Delivery d;
    if (notifier == null) {
      d = new Delivery(Delivery.Outcome.RETRY, null, "no notifier for " + spec.type(), null);
    } else {
      try {
        d = notifier.send(AlertJson.notification(row.notification()));
      } catch (RuntimeException e) {
        LOG.error("channel={} notifier threw instead of answering", channel, e);
        d = new Delivery(Delivery.Outcome.RETRY, null, "notifier failed: " + e, null);
      }
    }
    Instant now = clock.instant();
    String answer = answer(d);
    return switch (d.outcome()) {
      case SENT ->
          new Ended(
              OutboxSettlement.sent(row.id(), now, answer),
              () -> {
                streaks.succeeded(channel, now);
                LOG.info(
                    "channel={} notification={} sent attempt={} answer=\"{}\"",
                    channel,
                    row.id(),
                    row.attempts(),
                    answer);
              });
      case FAILED ->
          new Ended(
              OutboxSettlement.finished(row.id(), OutboxState.FAILED, now, answer),
              () -> {
                streaks.failed(channel, now, answer, row);
                LOG.warn(
                    "channel={} notification={} refused by the provider, not retried"
                        + " answer=\"{}\"",
                    channel,
                    row.id(),
                    answer);
              });
      case RETRY -> retry(row, d, policy, now, answer);
    };
  }

  private Ended retry(OutboxRow row, Delivery d, ChannelPolicy policy, Instant now, String answer) {
    Instant deadline = row.createdAt().plus(policy.retryFor());
    Duration retryAfter = d.retryAfter();
    if (!now.isBefore(deadline) || (retryAfter != null && now.plus(retryAfter).isAfter(deadline))) {
      return new Ended(
          OutboxSettlement.finished(row.id(), OutboxState.GIVEN_UP, now, answer),
          () -> {
            streaks.failed(row.channel(), now, answer, row);
            LOG.warn(
                "channel={} notification={} given up after attempts={} retryFor={}"
                    + " answer=\"{}\"",
                row.channel(),
                row.id(),
                row.attempts(),
                dev.tickr.time.Durations.format(policy.retryFor()),
                answer);
          });
    }
    Instant next = now.plus(backoff.after(row.attempts(), retryAfter));
    return new Ended(
        OutboxSettlement.retry(row.id(), next.isAfter(deadline) ? deadline : next, answer, now),
        () -> streaks.failed(row.channel(), now, answer, row));
  }

  /** Every configured channel and every channel with pending notifications. */
  List<ChannelHealth> health() {
    return streaks.health(config.get().channels(), store.outboxQueues());
  }

  /** Waits until no lane is running; false when {@code timeout} passed first. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private static String answer(Delivery d) {
    String text = d.httpStatus() == null ? d.answer() : d.httpStatus() + " " + d.answer();
    text = text.strip();
    return text.length() > ANSWER_LIMIT ? text.substring(0, ANSWER_LIMIT) + "…" : text;
  }

  /**
   * Stops claiming and gives the sends on their way a moment to end and be recorded; what is
   * unfinished stays pending.
   */
  @Override
  public void close() {
    closing = true;
    synchronized (this) {
      running.values().forEach(l -> l.signals.add(Poke.POKE));
    }
    lanes.shutdown();
    try {
      if (!lanes.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("notifications still being sent at shutdown; they are sent again after a restart");
        lanes.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sends.shutdownNow();
    }
  }
}

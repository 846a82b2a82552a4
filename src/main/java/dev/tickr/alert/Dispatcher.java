package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.store.OutboxQueue;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxState;
import dev.tickr.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one lane per channel, each on its own virtual thread, so a slow or failing
 * channel holds up nobody else. A lane sends its channel's notifications in order, one at a time,
 * and ends when the next one is not due. A notification that fails is tried again after a growing,
 * jittered pause (never before the provider's {@code Retry-After}) until the channel's {@code
 * retry-for} has passed since it was enqueued.
 */
final class Dispatcher implements AutoCloseable {
  /** How long a claimed notification is left alone, in case its sender dies mid-send. */
  static final Duration LEASE = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int ANSWER_LIMIT = 500;

  private final Store store;
  private final Clock clock;
  private final Backoff backoff;
  private final Supplier<Config> config;
  private final Supplier<Map<String, Notifier>> notifiers;
  private final Runnable wake;
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<String> busy = new HashSet<>();
  private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

  /** One channel's recent deliveries; guarded by itself. */
  private static final class Streak {
    @Nullable Instant lastSuccess;
    @Nullable Instant lastError;
    @Nullable String lastErrorText;
    int failures;
    @Nullable Instant failingSince;
    long sent;
    long failedAttempts;
  }

  Dispatcher(
      Store store,
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

  /** Starts a lane for each channel whose first pending notification is due. */
  void dispatchDue(Instant now) {
    for (OutboxQueue q : store.outboxQueues()) {
      if (!q.headDue().isAfter(now)) {
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
    return busy.contains(channel);
  }

  private void start(String channel) {
    synchronized (this) {
      if (!busy.add(channel)) {
        return;
      }
    }
    try {
      lanes.execute(() -> lane(channel));
    } catch (RuntimeException e) {
      synchronized (this) {
        busy.remove(channel);
        notifyAll();
      }
      LOG.debug("channel={} lane not started: {}", channel, e.toString());
    }
  }

  private void lane(String channel) {
    try {
      while (true) {
        Optional<OutboxRow> next = store.claimNext(channel, clock.instant(), LEASE);
        if (next.isEmpty()) {
          return;
        }
        deliver(next.get());
      }
    } catch (RuntimeException e) {
      LOG.error("channel={} delivery stopped; it is tried again later", channel, e);
    } finally {
      synchronized (this) {
        busy.remove(channel);
        notifyAll();
      }
      wake.run();
    }
  }

  private void deliver(OutboxRow row) {
    Config cfg = config.get();
    String channel = row.channel();
    ChannelSpec spec = cfg.channel(channel).orElse(null);
    if (spec == null) {
      store.finish(row.id(), OutboxState.GIVEN_UP, clock.instant(), "channel no longer configured");
      LOG.warn(
          "channel={} notification={} given up: the channel is no longer configured",
          channel,
          row.id());
      return;
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
    switch (d.outcome()) {
      case SENT -> {
        store.markSent(row.id(), now, answer);
        succeeded(channel, now);
        LOG.info(
            "channel={} notification={} sent attempt={} answer=\"{}\"",
            channel,
            row.id(),
            row.attempts(),
            answer);
      }
      case FAILED -> {
        store.finish(row.id(), OutboxState.FAILED, now, answer);
        failed(channel, now, answer, row);
        LOG.warn(
            "channel={} notification={} refused by the provider, not retried answer=\"{}\"",
            channel,
            row.id(),
            answer);
      }
      case RETRY -> retry(row, d, policy, now, answer);
    }
  }

  private void retry(OutboxRow row, Delivery d, ChannelPolicy policy, Instant now, String answer) {
    Instant deadline = row.createdAt().plus(policy.retryFor());
    Duration retryAfter = d.retryAfter();
    failed(row.channel(), now, answer, row);
    if (!now.isBefore(deadline) || (retryAfter != null && now.plus(retryAfter).isAfter(deadline))) {
      store.finish(row.id(), OutboxState.GIVEN_UP, now, answer);
      LOG.warn(
          "channel={} notification={} given up after attempts={} retryFor={} answer=\"{}\"",
          row.channel(),
          row.id(),
          row.attempts(),
          dev.tickr.time.Durations.format(policy.retryFor()),
          answer);
      return;
    }
    Instant next = now.plus(backoff.after(row.attempts(), retryAfter));
    store.reschedule(row.id(), next.isAfter(deadline) ? deadline : next, answer);
  }

  private void succeeded(String channel, Instant now) {
    Streak s = streaks.computeIfAbsent(channel, c -> new Streak());
    synchronized (s) {
      if (s.failures > 0) {
        LOG.info(
            "channel={} recovered after failures={} since={}", channel, s.failures, s.failingSince);
      }
      s.lastSuccess = now;
      s.sent++;
      s.failures = 0;
      s.failingSince = null;
    }
  }

  /** Logs the first failure of a streak only; the rest show in {@link #health()}. */
  private void failed(String channel, Instant now, String answer, OutboxRow row) {
    Streak s = streaks.computeIfAbsent(channel, c -> new Streak());
    boolean first;
    synchronized (s) {
      first = s.failures == 0;
      s.failures++;
      s.failedAttempts++;
      s.lastError = now;
      s.lastErrorText = answer;
      if (first) {
        s.failingSince = now;
      }
    }
    if (first) {
      LOG.warn(
          "channel={} failing: notification={} attempt={} answer=\"{}\";"
              + " further failures are not logged until it recovers",
          channel,
          row.id(),
          row.attempts(),
          answer);
    } else {
      LOG.debug(
          "channel={} still failing notification={} attempt={} answer=\"{}\"",
          channel,
          row.id(),
          row.attempts(),
          answer);
    }
  }

  /** Every configured channel and every channel with pending notifications. */
  List<ChannelHealth> health() {
    Map<String, Integer> pending = new TreeMap<>();
    config.get().channels().forEach(c -> pending.put(c.name(), 0));
    for (OutboxQueue q : store.outboxQueues()) {
      pending.put(q.channel(), q.pending());
    }
    List<ChannelHealth> out = new ArrayList<>();
    pending.forEach(
        (channel, count) -> {
          Streak s = streaks.get(channel);
          if (s == null) {
            out.add(new ChannelHealth(channel, null, null, null, 0, count, 0, 0));
          } else {
            synchronized (s) {
              out.add(
                  new ChannelHealth(
                      channel,
                      s.lastSuccess,
                      s.lastError,
                      s.lastErrorText,
                      s.failures,
                      count,
                      s.sent,
                      s.failedAttempts));
            }
          }
        });
    return out;
  }

  /** Waits until no lane is running; false when {@code timeout} passed first. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!busy.isEmpty()) {
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

  /** Stops starting lanes and gives running sends a moment; what is unfinished stays pending. */
  @Override
  public void close() {
    lanes.shutdown();
    try {
      if (!lanes.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("notifications still being sent at shutdown; they are sent again after a restart");
        lanes.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.tickr.alert;

import dev.tickr.config.ChannelSpec;
import dev.tickr.store.OutboxQueue;
import dev.tickr.store.OutboxRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each channel's run of successes and failures as the {@link Dispatcher} delivers: logs the first
 * failure of a streak and the recovery, and answers {@link ChannelHealth} for the API and metrics.
 */
final class ChannelStreaks {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<String, Streak> byChannel = new ConcurrentHashMap<>();

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

  void succeeded(String channel, Instant now) {
    Streak s = byChannel.computeIfAbsent(channel, c -> new Streak());
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

  /** Logs the first failure of a streak only; the rest show in {@link #health}. */
  void failed(String channel, Instant now, String answer, OutboxRow row) {
    Streak s = byChannel.computeIfAbsent(channel, c -> new Streak());
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
  List<ChannelHealth> health(List<ChannelSpec> channels, List<OutboxQueue> queues) {
    Map<String, Integer> pending = new TreeMap<>();
    channels.forEach(c -> pending.put(c.name(), 0));
    for (OutboxQueue q : queues) {
      pending.put(q.channel(), q.pending());
    }
    List<ChannelHealth> out = new ArrayList<>();
    pending.forEach(
        (channel, count) -> {
          Streak s = byChannel.get(channel);
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
}

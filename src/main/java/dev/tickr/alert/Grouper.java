package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.store.AlertRow;
import dev.tickr.store.OutboxEntry;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each decided alert once and holds it for its channel's group window; when a window
 * closes, folds what the channel got meanwhile (per event) into one notification in the outbox. A
 * channel that does not group gets one notification per alert, at once. Held alerts are in the
 * store, so a restart loses none. Not thread-safe: the engine calls it under its lock.
 */
final class Grouper {
  private static final Logger LOG = LoggerFactory.getLogger(Grouper.class);

  private final Store store;
  private final Supplier<Setup> setup;
  private Instant nextRelease = Instant.MAX;

  Grouper(Store store, Supplier<Setup> setup) {
    this.store = store;
    this.setup = setup;
  }

  /** Takes back the held alerts of the last run. */
  void restore() {
    for (AlertRow held : store.heldAlerts()) {
      nextRelease = Times.earliest(nextRelease, held.dueAt());
    }
  }

  /** When the next group window closes; MAX when nothing is held. */
  Instant nextRelease() {
    return nextRelease;
  }

  /**
   * Records an alert for a channel, unless one with this id was decided before.
   *
   * @return whether it was new
   */
  boolean decide(String id, String channel, Alert alert, Instant now) {
    Setup s = setup.get();
    ChannelPolicy p = s.policy(channel);
    if (p == null) {
      return false;
    }
    Instant due = s.folds(channel) ? now.plus(p.group()) : now;
    boolean added =
        store.holdAlert(
            new AlertRow(
                id,
                channel,
                alert.event().wire(),
                alert.monitor(),
                alert.incidentId(),
                AlertJson.alert(alert),
                now,
                due,
                null));
    if (added) {
      nextRelease = Times.earliest(nextRelease, due);
      LOG.info(
          "monitor={} alert={} channel={} event={} due={}",
          alert.monitor(),
          id,
          channel,
          alert.event().wire(),
          due);
    }
    return added;
  }

  /** Puts every group whose window has closed into the outbox. */
  void release(Instant now) {
    if (nextRelease.isAfter(now)) {
      return;
    }
    Setup s = setup.get();
    Map<String, List<AlertRow>> groups = new LinkedHashMap<>();
    for (AlertRow row : store.heldAlerts()) {
      String key =
          row.channel() + "\n" + row.event() + (s.folds(row.channel()) ? "" : "\n" + row.id());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    Instant next = Instant.MAX;
    List<OutboxEntry> ready = new ArrayList<>();
    for (List<AlertRow> group : groups.values()) {
      Instant due = group.stream().map(AlertRow::dueAt).min(Instant::compareTo).orElseThrow();
      if (due.isAfter(now)) {
        next = Times.earliest(next, due);
      } else {
        ready.add(entry(group, s.dashboardUrl(), now));
      }
    }
    store.enqueue(ready); // one transaction for all: a mass failure's alerts go out together
    nextRelease = next;
  }

  private static OutboxEntry entry(List<AlertRow> group, String dashboardUrl, Instant now) {
    List<String> ids = group.stream().map(AlertRow::id).toList();
    List<Alert> alerts = group.stream().map(r -> AlertJson.alert(r.body())).toList();
    String channel = group.get(0).channel();
    Notification n =
        new Notification(AlertIds.notification(group), alerts.get(0).event(), alerts, dashboardUrl);
    LOG.debug(
        "channel={} notification={} event={} alerts={}",
        channel,
        n.id(),
        n.event().wire(),
        alerts.size());
    return new OutboxEntry(OutboxRow.pending(n.id(), channel, AlertJson.notification(n), now), ids);
  }
}

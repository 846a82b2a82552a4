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
 * paging channel that shares pages holds only DOWNs, and folds those of one reason into one page
 * with its own key. A channel that does not group gets one notification per alert, at once. Held
 * alerts are in the store, so a restart loses none. Not thread-safe: the engine calls it under its
 * lock.
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
    Notifier notifier = s.notifiers().get(channel);
    if (p == null || (notifier != null && !notifier.sends(alert.event()))) {
      return false;
    }
    Instant due = now.plus(s.window(channel, alert.event()));
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
    Instant next = Instant.MAX;
    List<OutboxEntry> ready = new ArrayList<>();
    for (List<AlertRow> group : groups(s).values()) {
      Instant due = group.stream().map(AlertRow::dueAt).min(Instant::compareTo).orElseThrow();
      if (due.isAfter(now)) {
        next = Times.earliest(next, due);
      } else {
        ready.add(entry(group, s, now));
      }
    }
    store.enqueue(ready); // one transaction for all: a mass failure's alerts go out together
    nextRelease = next;
  }

  /**
   * Puts the group holding the incident's DOWN for the channel into the outbox now, before its
   * window closes: the incident recovered, and its UP must follow the page it is on.
   */
  void releaseDownOf(long incidentId, String channel, Instant now) {
    Setup s = setup.get();
    for (List<AlertRow> group : groups(s).values()) {
      if (group.stream()
          .anyMatch(
              r ->
                  r.incidentId() == incidentId
                      && r.channel().equals(channel)
                      && r.event().equals(AlertEvent.DOWN.wire()))) {
        store.enqueue(List.of(entry(group, s, now)));
        return;
      }
    }
  }

  /** The held alerts by what folds them together, in the order they were decided. */
  private Map<String, List<AlertRow>> groups(Setup s) {
    Map<String, List<AlertRow>> groups = new LinkedHashMap<>();
    for (AlertRow row : store.heldAlerts()) {
      groups.computeIfAbsent(foldKey(row, s), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  /**
   * What folds held alerts together: their channel and event; on a channel that shares pages, the
   * reason too (a page is about one way of failing); for the flapping notice, which side it is. An
   * alert without a window folds with nothing.
   */
  private static String foldKey(AlertRow row, Setup s) {
    Alert a = AlertJson.alert(row.body());
    if (s.window(row.channel(), a.event()).isZero()) {
      return row.channel() + "\n" + row.id();
    }
    StringBuilder key = new StringBuilder(row.channel()).append('\n').append(row.event());
    if (s.sharesPages(row.channel())) {
      key.append('\n').append(a.reason().code());
    }
    if (a.event() == AlertEvent.FLAPPING && a.endedAt() != null) {
      key.append("\nsettled");
    }
    return key.toString();
  }

  /**
   * One notification for a group. DOWNs that share a page get the page's key in place of their
   * incidents' own, so the provider opens one incident for all of them.
   */
  private static OutboxEntry entry(List<AlertRow> group, Setup s, Instant now) {
    List<String> ids = group.stream().map(AlertRow::id).toList();
    List<Alert> alerts = group.stream().map(r -> AlertJson.alert(r.body())).toList();
    String channel = group.get(0).channel();
    if (group.size() > 1 && alerts.get(0).event() == AlertEvent.DOWN && s.sharesPages(channel)) {
      String key = AlertIds.pageKey(group);
      alerts = alerts.stream().map(a -> a.withDedupKey(key)).toList();
      LOG.info(
          "channel={} page={} reason={} incidents={}: one page for monitors {}",
          channel,
          key,
          alerts.get(0).reason().code(),
          alerts.size(),
          alerts.stream().map(Alert::monitor).toList());
    }
    Notification n =
        new Notification(
            AlertIds.notification(group), alerts.get(0).event(), alerts, s.dashboardUrl());
    LOG.debug(
        "channel={} notification={} event={} alerts={}",
        channel,
        n.id(),
        n.event().wire(),
        alerts.size());
    return new OutboxEntry(OutboxRow.pending(n.id(), channel, AlertJson.notification(n), now), ids);
  }
}

package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.store.AlertRow;
import dev.tickr.store.AlertStore;
import dev.tickr.store.OutboxEntry;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxStore;
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
 * channel that does not group gets one notification per alert, at once; a DOWN on a shared page
 * goes at once too, listing the monitors already on the page ({@link #sendNow}). Held alerts are in
 * the store, so a restart loses none. Not thread-safe: the engine calls it under its lock.
 */
final class Grouper {
  private static final Logger LOG = LoggerFactory.getLogger(Grouper.class);

  private final AlertStore alertStore;
  private final OutboxStore outboxStore;
  private final Supplier<Setup> setup;
  private Instant nextRelease = Instant.MAX;

  Grouper(AlertStore alertStore, OutboxStore outboxStore, Supplier<Setup> setup) {
    this.alertStore = alertStore;
    this.outboxStore = outboxStore;
    this.setup = setup;
  }

  /** Takes back the held alerts of the last run. */
  void restore() {
    for (AlertRow held : alertStore.heldAlerts()) {
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
        alertStore.holdAlert(
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

  /**
   * Records a DOWN that joins or opens a shared page and puts it into the outbox at once, after the
   * DOWNs already on the page, so the provider is sent the whole list under the page's key.
   *
   * @param page the alerts already on the page, under its key; empty for a page it opens
   * @return whether it was new
   */
  boolean sendNow(String id, String channel, Alert alert, List<Alert> page, Instant now) {
    if (!decide(id, channel, alert, now)) {
      return false;
    }
    AlertRow row = alertStore.alert(id).orElse(null);
    if (row != null && row.outboxId() == null) {
      outboxStore.enqueue(List.of(entry(List.of(row), page, setup.get(), now)));
    }
    return true;
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
        ready.add(entry(group, List.of(), s, now));
      }
    }
    outboxStore.enqueue(ready); // one transaction for all: a mass failure's alerts go out together
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
        outboxStore.enqueue(List.of(entry(group, List.of(), s, now)));
        return;
      }
    }
  }

  /** The held alerts by what folds them together, in the order they were decided. */
  private Map<String, List<AlertRow>> groups(Setup s) {
    Map<String, List<AlertRow>> groups = new LinkedHashMap<>();
    for (AlertRow row : alertStore.heldAlerts()) {
      groups.computeIfAbsent(foldKey(row, s), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  /**
   * What folds held alerts together: their channel and event; for the flapping notice, which side
   * it is. An alert without a window folds with nothing.
   */
  private static String foldKey(AlertRow row, Setup s) {
    Alert a = AlertJson.alert(row.body());
    if (s.window(row.channel(), a.event()).isZero()) {
      return row.channel() + "\n" + row.id();
    }
    StringBuilder key = new StringBuilder(row.channel()).append('\n').append(row.event());
    if (a.event() == AlertEvent.FLAPPING && a.endedAt() != null) {
      key.append("\nsettled");
    }
    return key.toString();
  }

  /**
   * One notification for a group, after {@code before}: the DOWNs already on the shared page a DOWN
   * joins, so the provider gets the whole list under the page's key.
   */
  private static OutboxEntry entry(List<AlertRow> group, List<Alert> before, Setup s, Instant now) {
    List<String> ids = group.stream().map(AlertRow::id).toList();
    List<Alert> alerts = new ArrayList<>(before);
    group.forEach(r -> alerts.add(AlertJson.alert(r.body())));
    String channel = group.get(0).channel();
    if (!before.isEmpty()) {
      LOG.info(
          "channel={} page={} reason={} monitors={}: {} joins the page",
          channel,
          alerts.get(0).dedupKey(),
          alerts.get(0).reason().code(),
          alerts.stream().map(Alert::monitor).toList(),
          alerts.get(alerts.size() - 1).monitor());
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

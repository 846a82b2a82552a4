package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.store.AlertRow;
import dev.tickr.store.AlertStore;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The pages incidents share on a paging channel, read back from what went out: the notification
 * each incident's DOWN was sent in names the page's key and the monitors on it so far. Nothing is
 * kept in memory, so a restart finds every page again.
 */
final class SharedPages {
  /** How every page key begins; an incident's own key never does. */
  static final String PREFIX = "tickr-page-";

  private SharedPages() {}

  /**
   * One page, for one or several incidents.
   *
   * @param key the provider-side key (PagerDuty {@code dedup_key}, Opsgenie alias)
   * @param reason the way of failing the page is about
   * @param openedAt when its first DOWN was decided
   * @param alerts the DOWNs on it as last sent, in the order they joined, each under {@code key}
   */
  record Page(String key, Reason reason, Instant openedAt, List<Alert> alerts) {
    Page {
      alerts = List.copyOf(alerts);
    }

    List<Long> incidents() {
      return alerts.stream().map(Alert::incidentId).toList();
    }
  }

  /** The page the incident's DOWN went out on for the channel, when it went out on one. */
  static Optional<Page> of(AlertStore alerts, OutboxStore outbox, long incidentId, String channel) {
    AlertRow down = sentDown(alerts, incidentId, channel).orElse(null);
    if (down == null) {
      return Optional.empty();
    }
    Optional<OutboxRow> sent = outbox.outboxRow(java.util.Objects.requireNonNull(down.outboxId()));
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    Notification n = AlertJson.notification(sent.get().notification());
    String key = n.first().dedupKey();
    if (!key.startsWith(PREFIX) || !n.alerts().stream().allMatch(a -> a.dedupKey().equals(key))) {
      return Optional.empty();
    }
    long opener = n.first().incidentId();
    Instant openedAt =
        opener == incidentId
            ? down.createdAt()
            : sentDown(alerts, opener, channel).map(AlertRow::createdAt).orElse(down.createdAt());
    return Optional.of(new Page(key, n.first().reason(), openedAt, n.alerts()));
  }

  /**
   * The page a DOWN of {@code reason} joins on a channel: the latest one about that reason opened
   * less than {@code window} before {@code now} that one of {@code open} is still on ({@code
   * pageOf}: the page an incident is on for the channel), with every monitor its open incidents'
   * DOWNs listed.
   */
  static Optional<Page> joinable(
      Function<Long, Optional<Page>> pageOf,
      Collection<Long> open,
      Reason reason,
      Instant now,
      Duration window) {
    List<Page> found = new ArrayList<>();
    for (long id : open) {
      pageOf
          .apply(id)
          .filter(p -> p.reason() == reason && now.isBefore(p.openedAt().plus(window)))
          .ifPresent(found::add);
    }
    Page latest = null;
    for (Page p : found) {
      if (latest == null
          || p.openedAt().isAfter(latest.openedAt())
          || (p.key().equals(latest.key()) && p.alerts().size() > latest.alerts().size())) {
        latest = p;
      }
    }
    if (latest == null) {
      return Optional.empty();
    }
    List<Alert> alerts = new ArrayList<>(latest.alerts());
    Set<Long> listed = new HashSet<>(latest.incidents());
    for (Page p : found) {
      if (p.key().equals(latest.key())) {
        for (Alert a : p.alerts()) {
          if (listed.add(a.incidentId())) {
            alerts.add(a);
          }
        }
      }
    }
    return Optional.of(new Page(latest.key(), latest.reason(), latest.openedAt(), alerts));
  }

  /** The incidents of {@code open} whose DOWN went out on the page {@code key}. */
  static List<Long> openOn(
      Function<Long, Optional<Page>> pageOf, Collection<Long> open, String key) {
    List<Long> on = new ArrayList<>();
    for (long id : open) {
      if (pageOf.apply(id).filter(p -> p.key().equals(key)).isPresent()) {
        on.add(id);
      }
    }
    return on;
  }

  /** The incident's DOWN for the channel, once it went out in a notification. */
  private static Optional<AlertRow> sentDown(AlertStore alerts, long incidentId, String channel) {
    for (AlertRow row : alerts.alertsOfIncident(incidentId)) {
      if (row.outboxId() != null
          && row.channel().equals(channel)
          && row.event().equals(AlertEvent.DOWN.wire())) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }
}

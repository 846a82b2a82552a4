package dev.tickr.alert;

import dev.tickr.store.AlertRow;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * The page an incident shares with others on a paging channel, read back from what went out: the
 * notification its DOWN was sent in. Nothing is kept in memory, so a restart finds it again.
 */
final class SharedPages {
  private SharedPages() {}

  /**
   * One page for several incidents.
   *
   * @param key the provider-side key (PagerDuty {@code dedup_key}, Opsgenie alias)
   * @param incidents the incidents on it
   */
  record Page(String key, List<Long> incidents) {
    Page {
      incidents = List.copyOf(incidents);
    }
  }

  /** The page the incident's DOWN went out on for the channel, when it shared one. */
  static Optional<Page> of(Store store, long incidentId, String channel) {
    for (AlertRow row : store.alertsOfIncident(incidentId)) {
      String outboxId = row.outboxId();
      if (outboxId == null
          || !row.channel().equals(channel)
          || !row.event().equals(AlertEvent.DOWN.wire())) {
        continue;
      }
      Optional<OutboxRow> sent = store.outboxRow(outboxId);
      if (sent.isEmpty()) {
        return Optional.empty();
      }
      Notification n = AlertJson.notification(sent.get().notification());
      String key = n.first().dedupKey();
      if (!n.grouped() || !n.alerts().stream().allMatch(a -> a.dedupKey().equals(key))) {
        return Optional.empty();
      }
      return Optional.of(new Page(key, n.alerts().stream().map(Alert::incidentId).toList()));
    }
    return Optional.empty();
  }
}

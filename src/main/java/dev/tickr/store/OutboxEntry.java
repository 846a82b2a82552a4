package dev.tickr.store;

import java.util.List;

/**
 * A notification for {@link Store#enqueue(List)}, with the alerts that go out in it.
 *
 * @param alertIds the alerts it carries, noted as sent in the same transaction
 */
public record OutboxEntry(OutboxRow notification, List<String> alertIds) {
  public OutboxEntry {
    alertIds = List.copyOf(alertIds);
  }
}

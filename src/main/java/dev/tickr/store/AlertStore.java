package dev.tickr.store;

import java.util.List;
import java.util.Optional;

/**
 * The alerts decided for each channel, held until they go out in a notification.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface AlertStore {
  /**
   * Records an alert decided for a channel, unless one with its id exists; durable when this
   * returns.
   *
   * @return whether it was new
   */
  boolean holdAlert(AlertRow alert);

  /** The alerts not yet sent in a notification, in the order they were decided. */
  List<AlertRow> heldAlerts();

  /** Every alert decided about an incident, in the order they were decided. */
  List<AlertRow> alertsOfIncident(long incidentId);

  Optional<AlertRow> alert(String id);
}

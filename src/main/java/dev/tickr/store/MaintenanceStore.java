package dev.tickr.store;

import java.util.Collection;
import java.util.Map;

/**
 * The monitors in a maintenance window, as the alerting engine last recorded them.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface MaintenanceStore {
  /** Replaces the monitors that are in a maintenance window; durable when this returns. */
  void replaceMaintenance(Collection<MaintenanceMark> marks);

  /** The monitors in a maintenance window as last recorded, by monitor. */
  Map<String, MaintenanceMark> maintenance();
}

package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The monitor catalogue: the monitors the config names, kept so that their history has a name to
 * belong to.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface CatalogueStore {
  /** Adds or replaces a monitor in the catalogue; a retired monitor of that name comes back. */
  void upsertMonitor(MonitorRow m);

  /** Many at once, in one transaction: a config of thousands of monitors starts fast. */
  void upsertMonitors(List<MonitorRow> monitors);

  /**
   * Like {@link #upsertMonitors} but returns at once: the rows (made on the writer's thread) are
   * written before anything written after this call, and a failure is logged. For the daemon's
   * start, which need not wait for 10,000 rows to be committed before its checks begin.
   */
  void upsertMonitorsQueued(Supplier<List<MonitorRow>> monitors);

  /** Hides a monitor removed from the config from {@link #monitors()}; its history stays. */
  void retireMonitor(String name, Instant at);

  /** The monitors not retired, by name. */
  List<MonitorRow> monitors();
}

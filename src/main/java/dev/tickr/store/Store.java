package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.Maintenance;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.StatusSink;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the daemon keeps, as one object: what the composition root opens, holds and closes.
 * Callers take only the parts they use:
 *
 * <ul>
 *   <li>{@link CatalogueStore}: the monitor catalogue;
 *   <li>{@link ResultSink} and {@link HistoryStore}: check results written, and read back with
 *       their rollups (uptime, response times);
 *   <li>{@link StatusStore}: each monitor's runtime state and its incidents, as the tracker saves
 *       them;
 *   <li>{@link IncidentStore}: incidents read, acknowledged, noted;
 *   <li>{@link AlertStore}, {@link OutboxStore}, {@link MaintenanceStore} ({@link AlertingStore}
 *       together with incidents): the alerts and the outbox that delivers them;
 *   <li>{@link HeartbeatTokenStore}: heartbeat ping URLs;
 *   <li>{@link ApiDocumentStore} and {@link PauseStore}: what the REST API created;
 *   <li>{@link ChainStore}: each monitor's known redirect chain;
 *   <li>{@link UserStore}, {@link ApiTokenStore}, {@link SessionStore} ({@link AccountStore}):
 *       accounts.
 * </ul>
 *
 * <p>Thread-safe. Implementations: {@link SqliteStore}. Windows are half-open, {@code [from, to)},
 * on a result's {@code startedAt}; {@link Instant#MIN} and {@link Instant#MAX} leave a side open.
 * Times are kept to the millisecond, durations to the microsecond. "Durable" means it survives the
 * process being killed. Failures to read or write throw {@link StoreException}.
 */
public interface Store
    extends CatalogueStore,
        ResultSink,
        HistoryStore,
        StatusStore,
        AlertingStore,
        HeartbeatTokenStore,
        ApiDocumentStore,
        PauseStore,
        ChainStore,
        AccountStore,
        StatusSink,
        WriteProbe,
        AutoCloseable {

  @Override
  void saveStatus(MonitorStatus s);

  @Override
  void saveIncident(Incident i);

  /** Replaces the maintenance marks with the windows monitors are in now. */
  @Override
  default void saveMaintenance(Map<String, Maintenance> windows) {
    replaceMaintenance(
        windows.entrySet().stream()
            .map(e -> MaintenanceMark.of(e.getKey(), e.getValue()))
            .toList());
  }

  /**
   * Deletes raw results that started before {@code now - raw retention}, minute rollups of minutes
   * that began before {@code now - minute retention} and day rollups of days that began before
   * {@code now - day retention}; notifications that are done and were last touched before {@code
   * now - raw retention}, and alerts that went out before {@code now - day retention}.
   */
  void prune(Instant now);

  /**
   * The series of extracted metrics; a store that keeps none answers {@link
   * MetricSeriesStore#NONE}.
   */
  default MetricSeriesStore metricSeries() {
    return MetricSeriesStore.NONE;
  }

  /**
   * Email subscriptions to status pages; a store that keeps none answers {@code null} and visitors
   * cannot subscribe.
   */
  default @org.jspecify.annotations.Nullable SubscriptionStore subscriptions() {
    return null;
  }

  /** Writes what is buffered and releases the database. Calling it again does nothing. */
  @Override
  void close();
}

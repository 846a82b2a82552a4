package dev.tickr.store;

import java.util.List;

/**
 * What the REST API created: monitors, maintenance windows and status pages, each kept as its
 * document.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface ApiDocumentStore {
  /** Every monitor created through the API, by name. */
  List<ApiDocument> apiMonitors();

  /** Stores a new API monitor, durably; false when one of that name exists (nothing changed). */
  boolean insertApiMonitor(ApiDocument monitor);

  /** Replaces an API monitor's document, durably; false when there is none of that name. */
  boolean updateApiMonitor(ApiDocument monitor);

  /** Deletes an API monitor, durably; false when there was none of that name. */
  boolean deleteApiMonitor(String name);

  /** Every maintenance window created through the API. */
  List<ApiDocument> apiMaintenance();

  /** Stores a new window, durably; false when one of that name exists. */
  boolean insertApiMaintenance(ApiDocument window);

  boolean deleteApiMaintenance(String name);

  /** Every status page created through the API, by slug ({@link ApiDocument#name()}). */
  List<ApiDocument> apiStatusPages();

  /** Stores a new status page, durably; false when one of that slug exists (nothing changed). */
  boolean insertApiStatusPage(ApiDocument page);

  /** Replaces a status page's document, durably; false when there is none of that slug. */
  boolean updateApiStatusPage(ApiDocument page);

  /** Deletes a status page, durably; false when there was none of that slug. */
  boolean deleteApiStatusPage(String slug);
}

package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.Maintenance;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.StatusSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the daemon keeps: the monitor catalogue, check results and their rollups, each
 * monitor's runtime state and its incidents, and the alerts with the outbox that delivers them.
 * Thread-safe. Implementations: {@link SqliteStore}.
 *
 * <p>Windows are half-open, {@code [from, to)}, on a result's {@code startedAt}; {@link
 * Instant#MIN} and {@link Instant#MAX} leave a side open. Times are kept to the millisecond,
 * durations to the microsecond. "Durable" means it survives the process being killed. Failures to
 * read or write throw {@link StoreException}.
 */
public interface Store extends StatusSink, AutoCloseable {

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

  /**
   * Buffers a result; a single writer writes buffered results in batches within a quarter of a
   * second, so a crash loses at most what was appended in the last second. Never waits for I/O:
   * when the buffer is full it waits for the writer to make room, and logs that it did.
   */
  void append(CheckRecord r);

  /** Returns when everything appended before this call is durable. */
  void flush();

  /**
   * A monitor's results that started in {@code [from, to)}, newest first.
   *
   * @param limit the most to return
   * @param before the paging cursor: only results that started before it, usually the {@code
   *     startedAt} of the last result of the previous page (results of one monitor that started in
   *     the same millisecond as that one would be skipped)
   */
  List<CheckRecord> results(
      String monitor, Instant from, Instant to, int limit, @Nullable Instant before);

  /** Saves a monitor's state, replacing the last one; durable when this returns. */
  @Override
  void saveStatus(MonitorStatus s);

  /** The last saved state of every monitor. */
  Map<String, MonitorStatus> loadStatuses();

  /** A new incident id, higher than every one handed out before, across restarts. */
  long nextIncidentId();

  /** Saves an incident, replacing one with the same id; durable when this returns. */
  @Override
  void saveIncident(Incident i);

  Optional<Incident> incident(long id);

  /** A monitor's incidents overlapping {@code [from, to)}, newest first. */
  List<Incident> incidents(String monitor, Instant from, Instant to);

  /** Every incident not yet resolved, newest first. */
  List<Incident> openIncidents();

  /**
   * Notes that someone acknowledged an incident: renotify and escalation stop. Durable when this
   * returns; the first acknowledgement stays.
   *
   * @return whether the incident exists and had not been acknowledged before
   */
  boolean acknowledge(long incidentId, Instant at, String by);

  /** Marks an incident as opened during maintenance; durable when this returns. */
  void markMaintenance(long incidentId);

  /** An incident with its acknowledgement and maintenance flag. */
  Optional<IncidentRow> incidentRow(long id);

  /** The newest incidents first, at most {@code limit}; only unresolved ones when {@code open}. */
  List<IncidentRow> incidentRows(boolean open, int limit);

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

  /**
   * Adds a notification to the outbox (nothing when one with its id is there already) and notes
   * that {@code alertIds} went out in it, in one transaction; durable when this returns.
   */
  void enqueue(OutboxRow notification, Collection<String> alertIds);

  /**
   * {@link #enqueue(OutboxRow, Collection)} for many notifications, in the order given, in one
   * transaction: all of them are durable when this returns, or none is.
   */
  void enqueue(List<OutboxEntry> entries);

  /**
   * Claims the channel's first pending notification for {@code lease}, counting the attempt: empty
   * when it is not due yet, is claimed already, or there is none. A channel's notifications are
   * claimed in the order they were enqueued.
   */
  Optional<OutboxRow> claimNext(String channel, Instant now, Duration lease);

  /**
   * Records how the sends in {@code ended} went ({@link #settle}), then claims up to {@code max} of
   * the channel's due notifications for {@code lease}, counting an attempt for each, looking at its
   * first {@code window} pending ones in the order they were enqueued; all in one transaction. A
   * notification is passed over while one before it that shares an order key ({@code keys}: its
   * monitors) is claimed, or was passed over; the look stops at the first notification that is not
   * due yet (waiting for its retry), so everything after it waits, as with {@link #claimNext}. So
   * several notifications may be on their way at once, while those of one monitor go one after
   * another, in order.
   *
   * @param sending notifications the caller has on their way: claimed, whatever their lease says
   *     (the clock may have jumped past it)
   * @return the claimed notifications, in order, with their attempt counted
   */
  List<OutboxRow> claimDue(
      List<OutboxSettlement> ended,
      String channel,
      Instant now,
      Duration lease,
      int max,
      int window,
      Function<OutboxRow, Set<String>> keys,
      Set<String> sending);

  /** Ends many claims in one transaction ({@link OutboxSettlement}); durable when this returns. */
  void settle(List<OutboxSettlement> settlements);

  /** The provider took the notification; durable when this returns. */
  void markSent(String id, Instant at, String answer);

  /** The attempt failed; the notification is due again at {@code next}. */
  void reschedule(String id, Instant next, String answer);

  /**
   * No more attempts: the provider refused it ({@code FAILED}) or time ran out ({@code GIVEN_UP}).
   */
  void finish(String id, OutboxState state, Instant at, String answer);

  /** Ends every claim (at start-up: a notification claimed before a crash is due again). */
  void releaseClaims();

  /** Each channel with pending notifications: how many, and when its first may be tried. */
  List<OutboxQueue> outboxQueues();

  Optional<OutboxRow> outboxRow(String id);

  /** A channel's notifications in the order they were enqueued. */
  List<OutboxRow> outbox(String channel);

  /** Replaces the monitors that are in a maintenance window; durable when this returns. */
  void replaceMaintenance(Collection<MaintenanceMark> marks);

  @Override
  default void saveMaintenance(Map<String, Maintenance> windows) {
    replaceMaintenance(
        windows.entrySet().stream()
            .map(e -> MaintenanceMark.of(e.getKey(), e.getValue()))
            .toList());
  }

  /** The monitors in a maintenance window as last recorded, by monitor. */
  Map<String, MaintenanceMark> maintenance();

  /**
   * Saves the secret of a heartbeat monitor's ping URL, replacing the monitor's previous one;
   * durable when this returns. A token is unique: a monitor that had this one before loses it.
   */
  void saveHeartbeatToken(HeartbeatToken token);

  /** Every saved heartbeat token, by monitor (also of monitors no longer configured). */
  Map<String, HeartbeatToken> heartbeatTokens();

  // REST API: monitors and maintenance windows it created, pauses, incident notes

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

  /** Monitors paused through the API, by name. */
  Map<String, Pause> pauses();

  /** Pauses a monitor until {@link #resume}; false when it already was. */
  boolean pause(Pause pause);

  /** False when it was not paused through the API. */
  boolean resume(String monitor);

  void addNote(IncidentNote note);

  /**
   * Each monitor's checks per UTC day from the day that holds {@code from}, oldest first; days
   * without checks are left out.
   */
  Map<String, List<DayUptime>> days(Collection<String> monitors, Instant from);

  /** An incident's notes, oldest first. */
  List<IncidentNote> notes(long incidentId);

  /**
   * Checks, failures and latency percentiles over {@code [from, to)}. Whole UTC days come from day
   * rollups, whole minutes from minute rollups, the rest from raw results, so counts are exact as
   * long as the data is kept. Where {@link #prune} has deleted the raw results at an edge of the
   * window, that edge moves to the nearest whole minute; where it has deleted the minute rollups,
   * to the nearest whole UTC day. Checks older than the day retention are gone and not counted.
   */
  Uptime uptime(String monitor, Instant from, Instant to);

  /** When each catalogued monitor's latest stored result started, by name; absent if none. */
  Map<String, Instant> lastChecks();

  /**
   * {@link #uptime} of every monitor with checks in {@code [from, to)}, by name, at once: what an
   * overview of thousands of monitors needs without a query per monitor.
   */
  Map<String, Uptime> uptimes(Instant from, Instant to);

  /** {@link #uptime} of these monitors at once; one without checks in the window is left out. */
  Map<String, Uptime> uptimes(Collection<String> monitors, Instant from, Instant to);

  /**
   * Average response time (ms, of checks that did not fail) of each of these monitors in {@code
   * buckets} equal slices of {@code [from, to)}, from the minute rollups: what a sparkline draws. A
   * slice without such checks is {@code NaN}; a monitor without any is left out.
   */
  Map<String, double[]> averages(
      Collection<String> monitors, Instant from, Instant to, int buckets);

  /**
   * One monitor's response time by phase in {@code buckets} equal slices of {@code [from, to)},
   * oldest first, a point for every slice (one without checks has none): what a chart draws. Slices
   * shorter than a minute come from raw results, longer ones from minute rollups; where {@link
   * #prune} has deleted what a part of the window needs, that part comes from the next coarser data
   * still kept (a day rollup counts in the slice its day begins in). A rollup that began before
   * {@code from} is left out.
   */
  List<SeriesPoint> series(String monitor, Instant from, Instant to, int buckets);

  /**
   * Deletes raw results that started before {@code now - raw retention}, minute rollups of minutes
   * that began before {@code now - minute retention} and day rollups of days that began before
   * {@code now - day retention}; notifications that are done and were last touched before {@code
   * now - raw retention}, and alerts that went out before {@code now - day retention}.
   */
  void prune(Instant now);

  /** Writes what is buffered and releases the database. Calling it again does nothing. */
  @Override
  void close();

  // Accounts: users, API tokens, sessions

  /** Whether there is at least one user. */
  boolean hasUsers();

  /**
   * Adds a user; durable when this returns.
   *
   * @return false when a user of that name exists (nothing changes then)
   */
  boolean addUser(UserRow user);

  Optional<UserRow> user(String name);

  /** Every user, by name. */
  List<UserRow> users();

  /**
   * Replaces a user's password hash and ends all of the user's sessions, in one transaction.
   *
   * @return false when there is no such user
   */
  boolean changePassword(String name, String passwordHash, Instant at);

  /**
   * Deletes a user, ends all of its sessions and revokes the live API tokens made by {@code
   * tokensBy} (how tokens name their maker, e.g. {@code user:bob}), in one transaction; nothing
   * changes when there is no such user or it is the last admin.
   */
  UserChange deleteUser(String name, String tokensBy, Instant at);

  /**
   * Sets a user's role in one transaction; nothing changes when there is no such user or it would
   * leave no admin. A user who stops being an admin loses the live admin tokens made by {@code
   * tokensBy}.
   *
   * @param role {@code admin} or {@code viewer}
   */
  UserChange setUserRole(String name, String role, String tokensBy, Instant at);

  /**
   * Adds an API token with a new id, stored by the hash of its secret; durable when this returns.
   *
   * @param role {@code admin} or {@code viewer}
   * @param expiresAt when the token stops working, or null for never
   * @return empty when a live (not revoked) token has that name already
   */
  Optional<ApiTokenRow> addApiToken(
      String name,
      String role,
      String tokenHash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt);

  /** Every API token, live and revoked, by id. */
  List<ApiTokenRow> apiTokens();

  /** The live token with this hash (an indexed read). */
  Optional<ApiTokenRow> liveApiToken(String tokenHash);

  /**
   * Revokes a live token; durable when this returns.
   *
   * @return false when no live token has this id
   */
  boolean revokeApiToken(long id, Instant at);

  /** Notes that a token was used at {@code at} (never moves the time back). */
  void touchApiToken(long id, Instant at);

  /** Starts a session, stored by the hash of its id; durable when this returns. */
  void addSession(String idHash, String user, Instant at);

  /** A session, with its user's current role; empty when it ended or its user is gone. */
  Optional<SessionRow> session(String idHash);

  /** Notes that a session was used at {@code at} (never moves the time back). */
  void touchSession(String idHash, Instant at);

  void removeSession(String idHash);

  /**
   * Ends sessions last seen before {@code seenBefore} or started before {@code createdBefore}.
   *
   * @return how many ended
   */
  int removeSessions(Instant seenBefore, Instant createdBefore);
}

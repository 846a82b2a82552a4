package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
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
 * A {@link Store} made of its parts, one object per small interface, each call passed to the part
 * that does it. What is left to the store itself is its life: {@link #prune} and {@link #close}.
 */
abstract class ComposedStore implements Store {
  private final CatalogueStore catalogue;
  private final ResultSink resultSink;
  private final HistoryStore history;
  private final StatusStore statuses;
  private final IncidentStore incidents;
  private final AlertStore alerts;
  private final OutboxStore outbox;
  private final MaintenanceStore maintenance;
  private final HeartbeatTokenStore heartbeatTokens;
  private final ApiDocumentStore apiDocuments;
  private final PauseStore pauses;
  private final AccountStore accounts;

  ComposedStore(
      CatalogueStore catalogue,
      ResultSink resultSink,
      HistoryStore history,
      StatusStore statuses,
      IncidentStore incidents,
      AlertStore alerts,
      OutboxStore outbox,
      MaintenanceStore maintenance,
      HeartbeatTokenStore heartbeatTokens,
      ApiDocumentStore apiDocuments,
      PauseStore pauses,
      AccountStore accounts) {
    this.catalogue = catalogue;
    this.resultSink = resultSink;
    this.history = history;
    this.statuses = statuses;
    this.incidents = incidents;
    this.alerts = alerts;
    this.outbox = outbox;
    this.maintenance = maintenance;
    this.heartbeatTokens = heartbeatTokens;
    this.apiDocuments = apiDocuments;
    this.pauses = pauses;
    this.accounts = accounts;
  }

  @Override
  public void upsertMonitor(MonitorRow m) {
    catalogue.upsertMonitor(m);
  }

  @Override
  public void upsertMonitors(List<MonitorRow> monitors) {
    catalogue.upsertMonitors(monitors);
  }

  @Override
  public void upsertMonitorsQueued(Supplier<List<MonitorRow>> monitors) {
    catalogue.upsertMonitorsQueued(monitors);
  }

  @Override
  public void retireMonitor(String name, Instant at) {
    catalogue.retireMonitor(name, at);
  }

  @Override
  public List<MonitorRow> monitors() {
    return catalogue.monitors();
  }

  @Override
  public void append(CheckRecord r) {
    resultSink.append(r);
  }

  @Override
  public void flush() {
    resultSink.flush();
  }

  @Override
  public List<CheckRecord> results(
      String monitor, Instant from, Instant to, int limit, @Nullable Instant before) {
    return history.results(monitor, from, to, limit, before);
  }

  @Override
  public void saveStatus(MonitorStatus s) {
    statuses.saveStatus(s);
  }

  @Override
  public Map<String, MonitorStatus> loadStatuses() {
    return statuses.loadStatuses();
  }

  @Override
  public long nextIncidentId() {
    return statuses.nextIncidentId();
  }

  @Override
  public void saveIncident(Incident i) {
    statuses.saveIncident(i);
  }

  @Override
  public Optional<Incident> incident(long id) {
    return incidents.incident(id);
  }

  @Override
  public List<Incident> incidents(String monitor, Instant from, Instant to) {
    return incidents.incidents(monitor, from, to);
  }

  @Override
  public List<Incident> openIncidents() {
    return incidents.openIncidents();
  }

  @Override
  public boolean acknowledge(long incidentId, Instant at, String by) {
    return incidents.acknowledge(incidentId, at, by);
  }

  @Override
  public void markMaintenance(long incidentId) {
    incidents.markMaintenance(incidentId);
  }

  @Override
  public Optional<IncidentRow> incidentRow(long id) {
    return incidents.incidentRow(id);
  }

  @Override
  public List<IncidentRow> incidentRows(boolean open, int limit) {
    return incidents.incidentRows(open, limit);
  }

  @Override
  public boolean holdAlert(AlertRow alert) {
    return alerts.holdAlert(alert);
  }

  @Override
  public List<AlertRow> heldAlerts() {
    return alerts.heldAlerts();
  }

  @Override
  public List<AlertRow> alertsOfIncident(long incidentId) {
    return alerts.alertsOfIncident(incidentId);
  }

  @Override
  public Optional<AlertRow> alert(String id) {
    return alerts.alert(id);
  }

  @Override
  public void enqueue(OutboxRow notification, Collection<String> alertIds) {
    outbox.enqueue(notification, alertIds);
  }

  @Override
  public void enqueue(List<OutboxEntry> entries) {
    outbox.enqueue(entries);
  }

  @Override
  public List<OutboxRow> claimDue(
      List<OutboxSettlement> ended,
      String channel,
      Instant now,
      Duration lease,
      int max,
      int window,
      Function<OutboxRow, Set<String>> keys,
      Set<String> sending) {
    return outbox.claimDue(ended, channel, now, lease, max, window, keys, sending);
  }

  @Override
  public void settle(List<OutboxSettlement> settlements) {
    outbox.settle(settlements);
  }

  @Override
  public Optional<OutboxRow> claimNext(String channel, Instant now, Duration lease) {
    return outbox.claimNext(channel, now, lease);
  }

  @Override
  public void markSent(String id, Instant at, String answer) {
    outbox.markSent(id, at, answer);
  }

  @Override
  public void reschedule(String id, Instant next, String answer) {
    outbox.reschedule(id, next, answer);
  }

  @Override
  public void finish(String id, OutboxState state, Instant at, String answer) {
    outbox.finish(id, state, at, answer);
  }

  @Override
  public void releaseClaims() {
    outbox.releaseClaims();
  }

  @Override
  public List<OutboxQueue> outboxQueues() {
    return outbox.outboxQueues();
  }

  @Override
  public Optional<OutboxRow> outboxRow(String id) {
    return outbox.outboxRow(id);
  }

  @Override
  public List<OutboxRow> outbox(String channel) {
    return outbox.outbox(channel);
  }

  @Override
  public void replaceMaintenance(Collection<MaintenanceMark> marks) {
    maintenance.replaceMaintenance(marks);
  }

  @Override
  public Map<String, MaintenanceMark> maintenance() {
    return maintenance.maintenance();
  }

  @Override
  public void saveHeartbeatToken(HeartbeatToken token) {
    heartbeatTokens.saveHeartbeatToken(token);
  }

  @Override
  public Map<String, HeartbeatToken> heartbeatTokens() {
    return heartbeatTokens.heartbeatTokens();
  }

  @Override
  public List<ApiDocument> apiMonitors() {
    return apiDocuments.apiMonitors();
  }

  @Override
  public boolean insertApiMonitor(ApiDocument monitor) {
    return apiDocuments.insertApiMonitor(monitor);
  }

  @Override
  public boolean updateApiMonitor(ApiDocument monitor) {
    return apiDocuments.updateApiMonitor(monitor);
  }

  @Override
  public boolean deleteApiMonitor(String name) {
    return apiDocuments.deleteApiMonitor(name);
  }

  @Override
  public List<ApiDocument> apiMaintenance() {
    return apiDocuments.apiMaintenance();
  }

  @Override
  public boolean insertApiMaintenance(ApiDocument window) {
    return apiDocuments.insertApiMaintenance(window);
  }

  @Override
  public boolean deleteApiMaintenance(String name) {
    return apiDocuments.deleteApiMaintenance(name);
  }

  @Override
  public List<ApiDocument> apiStatusPages() {
    return apiDocuments.apiStatusPages();
  }

  @Override
  public boolean insertApiStatusPage(ApiDocument page) {
    return apiDocuments.insertApiStatusPage(page);
  }

  @Override
  public boolean updateApiStatusPage(ApiDocument page) {
    return apiDocuments.updateApiStatusPage(page);
  }

  @Override
  public boolean deleteApiStatusPage(String slug) {
    return apiDocuments.deleteApiStatusPage(slug);
  }

  @Override
  public Map<String, Pause> pauses() {
    return pauses.pauses();
  }

  @Override
  public boolean pause(Pause pause) {
    return pauses.pause(pause);
  }

  @Override
  public boolean resume(String monitor) {
    return pauses.resume(monitor);
  }

  @Override
  public void addNote(IncidentNote note) {
    incidents.addNote(note);
  }

  @Override
  public Map<String, List<DayUptime>> days(Collection<String> monitors, Instant from) {
    return history.days(monitors, from);
  }

  @Override
  public List<IncidentNote> notes(long incidentId) {
    return incidents.notes(incidentId);
  }

  @Override
  public Uptime uptime(String monitor, Instant from, Instant to) {
    return history.uptime(monitor, from, to);
  }

  @Override
  public Map<String, Instant> lastChecks() {
    return history.lastChecks();
  }

  @Override
  public Map<String, Uptime> uptimes(Instant from, Instant to) {
    return history.uptimes(from, to);
  }

  @Override
  public Map<String, Uptime> uptimes(Collection<String> monitors, Instant from, Instant to) {
    return history.uptimes(monitors, from, to);
  }

  @Override
  public Map<String, double[]> averages(
      Collection<String> monitors, Instant from, Instant to, int buckets) {
    return history.averages(monitors, from, to, buckets);
  }

  @Override
  public List<SeriesPoint> series(String monitor, Instant from, Instant to, int buckets) {
    return history.series(monitor, from, to, buckets);
  }

  @Override
  public boolean hasUsers() {
    return accounts.hasUsers();
  }

  @Override
  public boolean addUser(UserRow user) {
    return accounts.addUser(user);
  }

  @Override
  public Optional<UserRow> user(String name) {
    return accounts.user(name);
  }

  @Override
  public List<UserRow> users() {
    return accounts.users();
  }

  @Override
  public boolean changePassword(String name, String passwordHash, Instant at) {
    return accounts.changePassword(name, passwordHash, at);
  }

  @Override
  public UserChange deleteUser(String name, String tokensBy, Instant at) {
    return accounts.deleteUser(name, tokensBy, at);
  }

  @Override
  public UserChange setUserRole(String name, String role, String tokensBy, Instant at) {
    return accounts.setUserRole(name, role, tokensBy, at);
  }

  @Override
  public Optional<ApiTokenRow> addApiToken(
      String name,
      String role,
      String tokenHash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt) {
    return accounts.addApiToken(name, role, tokenHash, createdBy, at, expiresAt);
  }

  @Override
  public List<ApiTokenRow> apiTokens() {
    return accounts.apiTokens();
  }

  @Override
  public Optional<ApiTokenRow> liveApiToken(String tokenHash) {
    return accounts.liveApiToken(tokenHash);
  }

  @Override
  public boolean revokeApiToken(long id, Instant at) {
    return accounts.revokeApiToken(id, at);
  }

  @Override
  public void touchApiToken(long id, Instant at) {
    accounts.touchApiToken(id, at);
  }

  @Override
  public void addSession(String idHash, String user, Instant at) {
    accounts.addSession(idHash, user, at);
  }

  @Override
  public Optional<SessionRow> session(String idHash) {
    return accounts.session(idHash);
  }

  @Override
  public void touchSession(String idHash, Instant at) {
    accounts.touchSession(idHash, at);
  }

  @Override
  public void removeSession(String idHash) {
    accounts.removeSession(idHash);
  }

  @Override
  public int removeSessions(Instant seenBefore, Instant createdBefore) {
    return accounts.removeSessions(seenBefore, createdBefore);
  }
}

package dev.tickr.store;

import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * The store in one SQLite file, {@code tickr.db} in the data directory: nothing to install. All
 * writes go through one {@link Writer} thread; reads use their own read-only connections, so they
 * never wait for it. Another process can read at the same time through {@link #openReadOnly}.
 */
public final class SqliteStore implements Store {
  public static final String FILE_NAME = "tickr.db";
  private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

  private final Path file;
  private final @Nullable Writer writer;
  private final @Nullable Retention retention;
  private final Clock clock;
  private final ReadPool reads;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqliteStore(
      Path file, @Nullable Writer writer, @Nullable Retention retention, Clock clock) {
    this.file = file;
    this.writer = writer;
    this.retention = retention;
    this.clock = clock;
    this.reads = new ReadPool(file);
  }

  /** Loads the database libraries ahead of {@link #open}; see {@code tickr run}'s start-up. */
  public static void warmUp() {
    Migrations.warmUp();
  }

  /**
   * Opens the store for the daemon, creating {@code dataDir} and the database as needed and
   * bringing the schema up to date.
   */
  public static SqliteStore open(Path dataDir, Retention retention, Clock clock) {
    return open(dataDir, retention, clock, WriteTimer.NONE);
  }

  /** {@link #open(Path, Retention, Clock)}, telling {@code timer} how long each write takes. */
  public static SqliteStore open(Path dataDir, Retention retention, Clock clock, WriteTimer timer) {
    Path file = dataDir.resolve(FILE_NAME);
    createDirectories(dataDir, file);
    SQLiteDataSource dataSource = Sqlite.writable(file);
    Migrations.migrate(dataSource, Sqlite.PLACEHOLDERS, file);
    return open(file, dataSource, retention, clock, timer);
  }

  private static SqliteStore open(
      Path file, SQLiteDataSource dataSource, Retention retention, Clock clock, WriteTimer timer) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
      SqliteStore store = new SqliteStore(file, new Writer(connection, timer), retention, clock);
      LOG.info("store file={} opened", file);
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Creates {@code dataDir} ({@code 0700}) and the database file {@code file} ({@code 0600}). */
  private static void createDirectories(Path dataDir, Path file) {
    try {
      DataFiles.directory(dataDir);
    } catch (IOException e) {
      String why =
          e instanceof java.nio.file.AccessDeniedException
              ? "permission denied"
              : e instanceof java.nio.file.FileAlreadyExistsException
                  ? "a file of that name is in the way"
                  : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                      ? f.getReason()
                      : e.toString();
      throw new StoreException("cannot create the data directory " + dataDir + ": " + why, e);
    }
    try {
      DataFiles.database(file);
    } catch (IOException e) {
      throw new StoreException("cannot set up the database file " + file + ": " + e, e);
    }
  }

  /**
   * Gets {@code dataDir} ready for {@link Ahead#open} while the config is still being read, where
   * that changes nothing anyone could miss: a new database is created and migrated (and {@link
   * Ahead#discard} removes it, with the directories made for it, when the daemon does not start
   * after all); an existing one that is up to date is only looked at.
   *
   * @return null when an existing database needs migrating: that waits until the daemon is sure to
   *     start
   * @throws StoreException as {@link #open} would, after removing what it created
   */
  public static @Nullable Ahead prepareAhead(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    SQLiteDataSource dataSource = Sqlite.writable(file);
    if (Files.exists(file)) {
      return Migrations.current(dataSource) ? new Ahead(file, dataSource, null, false) : null;
    }
    Path created = dataDir.toAbsolutePath();
    while (created.getParent() != null && !Files.exists(created.getParent())) {
      created = created.getParent();
    }
    Ahead ahead = new Ahead(file, dataSource, Files.exists(created) ? null : created, true);
    try {
      createDirectories(dataDir, file);
      Migrations.migrate(dataSource, Sqlite.PLACEHOLDERS, file);
    } catch (RuntimeException e) {
      ahead.discard();
      throw e;
    }
    return ahead;
  }

  /** A data directory got ready by {@link #prepareAhead}. */
  public static final class Ahead {
    private final Path file;
    private final SQLiteDataSource dataSource;
    private final @Nullable Path createdDir;
    private final boolean createdFile;

    private Ahead(
        Path file, SQLiteDataSource dataSource, @Nullable Path createdDir, boolean createdFile) {
      this.file = file;
      this.dataSource = dataSource;
      this.createdDir = createdDir;
      this.createdFile = createdFile;
    }

    /** Opens the store as {@link SqliteStore#open} does. */
    public SqliteStore open(Retention retention, Clock clock, WriteTimer timer) {
      return SqliteStore.open(file, dataSource, retention, clock, timer);
    }

    /** Removes the database and the directories this made; leaves anything else alone. */
    public void discard() {
      Path parent = file.toAbsolutePath().getParent();
      if (!createdFile || parent == null || !Files.isDirectory(parent)) {
        return; // nothing was made
      }
      try {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        Path dir = parent;
        while (createdDir != null && dir != null && dir.startsWith(createdDir)) {
          Files.delete(dir); // fails, and stops here, when something else was put in it
          dir = dir.getParent();
        }
      } catch (IOException e) {
        LOG.warn("store file={} made ahead could not be removed: {}", file, e.toString());
      }
    }
  }

  /**
   * Opens an existing store to read only, e.g. while the daemon writes to it: never writes, never
   * migrates; every write method throws {@link UnsupportedOperationException}.
   *
   * @throws StoreException when there is no Tickr database in {@code dataDir}
   */
  public static SqliteStore openReadOnly(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new StoreException(
          "no Tickr database at " + file + " (has `tickr run` used this data directory?)");
    }
    SqliteStore store = new SqliteStore(file, null, null, Clock.systemUTC());
    try {
      store.reads.read(
          "the schema",
          c -> {
            Migrations.requireSchema(c, file);
            return true;
          });
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  @Override
  public void upsertMonitor(MonitorRow m) {
    Instant now = clock.instant();
    writer().execute(c -> Updates.upsertMonitors(c, List.of(m), now));
  }

  @Override
  public void upsertMonitors(List<MonitorRow> monitors) {
    Instant now = clock.instant();
    writer().execute(c -> Updates.upsertMonitors(c, monitors, now));
  }

  @Override
  public void upsertMonitorsQueued(Supplier<List<MonitorRow>> monitors) {
    Instant now = clock.instant();
    writer()
        .executeQueued("writing the monitors", c -> Updates.upsertMonitors(c, monitors.get(), now));
  }

  @Override
  public void retireMonitor(String name, Instant at) {
    writer().execute(c -> Updates.retireMonitor(c, name, at));
  }

  @Override
  public List<MonitorRow> monitors() {
    return reads.read("monitors", Queries::monitors);
  }

  @Override
  public void append(CheckRecord r) {
    Writer w = writer();
    try {
      long unused = Math.max(r.plannedAt().toEpochMilli(), r.startedAt().toEpochMilli());
    } catch (ArithmeticException e) {
      // refused here, where the caller hears of it, rather than failing the writer's whole batch
      throw new IllegalArgumentException("monitor=" + r.monitor() + ": time out of range", e);
    }
    w.append(r);
  }

  @Override
  public void flush() {
    writer().flush();
  }

  @Override
  public List<CheckRecord> results(
      String monitor, Instant from, Instant to, int limit, @Nullable Instant before) {
    return reads.read(
        "results of " + monitor, c -> Results.select(c, monitor, from, to, limit, before));
  }

  @Override
  public void saveStatus(MonitorStatus s) {
    writer().execute(c -> Updates.saveStatus(c, s));
  }

  @Override
  public Map<String, MonitorStatus> loadStatuses() {
    return reads.read("monitor states", Queries::statuses);
  }

  @Override
  public long nextIncidentId() {
    return Objects.requireNonNull(writer().call(c -> Updates.next(c, "incident")));
  }

  @Override
  public void saveIncident(Incident i) {
    writer().execute(c -> Updates.saveIncident(c, i));
  }

  @Override
  public Optional<Incident> incident(long id) {
    return reads.read("incident " + id, c -> Queries.incident(c, id));
  }

  @Override
  public List<Incident> incidents(String monitor, Instant from, Instant to) {
    return reads.read("incidents of " + monitor, c -> Queries.incidents(c, monitor, from, to));
  }

  @Override
  public List<Incident> openIncidents() {
    return reads.read("open incidents", Queries::openIncidents);
  }

  @Override
  public boolean acknowledge(long incidentId, Instant at, String by) {
    return Boolean.TRUE.equals(writer().call(c -> Updates.acknowledge(c, incidentId, at, by)));
  }

  @Override
  public void markMaintenance(long incidentId) {
    writer().execute(c -> Updates.markMaintenance(c, incidentId));
  }

  @Override
  public Optional<IncidentRow> incidentRow(long id) {
    return reads.read("incident " + id, c -> Queries.incidentRow(c, id));
  }

  @Override
  public List<IncidentRow> incidentRows(boolean open, int limit) {
    return reads.read("incidents", c -> Queries.incidentRows(c, open, limit));
  }

  @Override
  public boolean holdAlert(AlertRow alert) {
    return Boolean.TRUE.equals(writer().call(c -> AlertTables.holdAlert(c, alert)));
  }

  @Override
  public List<AlertRow> heldAlerts() {
    return reads.read("held alerts", AlertTables::heldAlerts);
  }

  @Override
  public List<AlertRow> alertsOfIncident(long incidentId) {
    return reads.read(
        "alerts of incident " + incidentId, c -> AlertTables.alertsOfIncident(c, incidentId));
  }

  @Override
  public Optional<AlertRow> alert(String id) {
    return reads.read("alert " + id, c -> AlertTables.alert(c, id));
  }

  @Override
  public void enqueue(OutboxRow notification, Collection<String> alertIds) {
    Instant now = clock.instant();
    List<String> ids = List.copyOf(alertIds);
    writer().execute(c -> AlertTables.enqueue(c, notification, ids, now));
  }

  @Override
  public void enqueue(List<OutboxEntry> entries) {
    Instant now = clock.instant();
    List<OutboxEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) {
      return;
    }
    writer()
        .execute(
            c -> {
              for (OutboxEntry e : copy) {
                AlertTables.enqueue(c, e.notification(), e.alertIds(), now);
              }
            });
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
    List<OutboxSettlement> settled = List.copyOf(ended);
    Set<String> busy = Set.copyOf(sending);
    if (max <= 0 && settled.isEmpty()) {
      return List.of();
    }
    List<OutboxRow> claimed =
        writer()
            .call(
                c -> {
                  for (OutboxSettlement s : settled) {
                    AlertTables.settle(c, s.id(), s.state(), s.next(), s.answer(), s.at());
                  }
                  return max <= 0
                      ? List.<OutboxRow>of()
                      : AlertTables.claimDue(c, channel, now, lease, max, window, keys, busy);
                });
    return Objects.requireNonNull(claimed);
  }

  @Override
  public void settle(List<OutboxSettlement> settlements) {
    List<OutboxSettlement> copy = List.copyOf(settlements);
    if (copy.isEmpty()) {
      return;
    }
    writer()
        .execute(
            c -> {
              for (OutboxSettlement s : copy) {
                AlertTables.settle(c, s.id(), s.state(), s.next(), s.answer(), s.at());
              }
            });
  }

  @Override
  public Optional<OutboxRow> claimNext(String channel, Instant now, Duration lease) {
    Optional<OutboxRow> claimed = writer().call(c -> AlertTables.claimNext(c, channel, now, lease));
    return Objects.requireNonNull(claimed);
  }

  @Override
  public void markSent(String id, Instant at, String answer) {
    writer().execute(c -> AlertTables.settle(c, id, OutboxState.SENT, at, answer, at));
  }

  @Override
  public void reschedule(String id, Instant next, String answer) {
    Instant now = clock.instant();
    writer().execute(c -> AlertTables.settle(c, id, OutboxState.PENDING, next, answer, now));
  }

  @Override
  public void finish(String id, OutboxState state, Instant at, String answer) {
    if (state == OutboxState.PENDING) {
      throw new IllegalArgumentException("a finished notification is not pending");
    }
    writer().execute(c -> AlertTables.settle(c, id, state, at, answer, at));
  }

  @Override
  public void releaseClaims() {
    writer().execute(AlertTables::releaseClaims);
  }

  @Override
  public List<OutboxQueue> outboxQueues() {
    return reads.read("the outbox", AlertTables::queues);
  }

  @Override
  public Optional<OutboxRow> outboxRow(String id) {
    return reads.read("notification " + id, c -> AlertTables.outboxRow(c, id));
  }

  @Override
  public List<OutboxRow> outbox(String channel) {
    return reads.read("the outbox of " + channel, c -> AlertTables.outbox(c, channel));
  }

  @Override
  public void replaceMaintenance(Collection<MaintenanceMark> marks) {
    List<MaintenanceMark> copy = List.copyOf(marks);
    writer().execute(c -> AlertTables.replaceMaintenance(c, copy));
  }

  @Override
  public Map<String, MaintenanceMark> maintenance() {
    return reads.read("maintenance", AlertTables::maintenance);
  }

  @Override
  public void saveHeartbeatToken(HeartbeatToken token) {
    Instant now = clock.instant();
    writer().execute(c -> HeartbeatTable.save(c, token, now));
  }

  @Override
  public Map<String, HeartbeatToken> heartbeatTokens() {
    return reads.read("heartbeat tokens", HeartbeatTable::all);
  }

  @Override
  public List<ApiDocument> apiMonitors() {
    return reads.read("API monitors", ApiTables::monitors);
  }

  @Override
  public boolean insertApiMonitor(ApiDocument monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertMonitor(c, monitor)));
  }

  @Override
  public boolean updateApiMonitor(ApiDocument monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.updateMonitor(c, monitor)));
  }

  @Override
  public boolean deleteApiMonitor(String name) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteMonitor(c, name)));
  }

  @Override
  public List<ApiDocument> apiMaintenance() {
    return reads.read("API maintenance windows", ApiTables::maintenance);
  }

  @Override
  public boolean insertApiMaintenance(ApiDocument window) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertMaintenance(c, window)));
  }

  @Override
  public boolean deleteApiMaintenance(String name) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteMaintenance(c, name)));
  }

  @Override
  public List<ApiDocument> apiStatusPages() {
    return reads.read("API status pages", ApiTables::statusPages);
  }

  @Override
  public boolean insertApiStatusPage(ApiDocument page) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.insertStatusPage(c, page)));
  }

  @Override
  public boolean updateApiStatusPage(ApiDocument page) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.updateStatusPage(c, page)));
  }

  @Override
  public boolean deleteApiStatusPage(String slug) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.deleteStatusPage(c, slug)));
  }

  @Override
  public Map<String, Pause> pauses() {
    return reads.read("pauses", ApiTables::pauses);
  }

  @Override
  public boolean pause(Pause pause) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.pause(c, pause)));
  }

  @Override
  public boolean resume(String monitor) {
    return Boolean.TRUE.equals(writer().call(c -> ApiTables.resume(c, monitor)));
  }

  @Override
  public void addNote(IncidentNote note) {
    var unused =
        writer()
            .call(
                c -> {
                  ApiTables.addNote(c, note);
                  return Boolean.TRUE;
                });
  }

  @Override
  public Map<String, List<DayUptime>> days(Collection<String> monitors, Instant from) {
    List<String> names = List.copyOf(monitors);
    Instant day = from.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    return reads.read("daily uptime", c -> ApiTables.days(c, names, day));
  }

  @Override
  public List<IncidentNote> notes(long incidentId) {
    return reads.read("notes of incident " + incidentId, c -> ApiTables.notes(c, incidentId));
  }

  @Override
  public Uptime uptime(String monitor, Instant from, Instant to) {
    return reads.read("uptime of " + monitor, c -> UptimeQuery.uptime(c, monitor, from, to));
  }

  @Override
  public Map<String, Instant> lastChecks() {
    return reads.read("the latest results", Results::lastChecks);
  }

  @Override
  public Map<String, Uptime> uptimes(Instant from, Instant to) {
    return reads.read("uptime of every monitor", c -> UptimeQuery.uptimes(c, from, to));
  }

  @Override
  public Map<String, Uptime> uptimes(Collection<String> monitors, Instant from, Instant to) {
    return reads.read(
        "uptime of " + monitors.size() + " monitors",
        c -> UptimeQuery.uptimes(c, monitors, from, to));
  }

  @Override
  public Map<String, double[]> averages(
      Collection<String> monitors, Instant from, Instant to, int buckets) {
    List<String> names = List.copyOf(monitors);
    return reads.read(
        "response times of " + names.size() + " monitors",
        c -> Averages.read(c, names, from, to, buckets));
  }

  @Override
  public List<SeriesPoint> series(String monitor, Instant from, Instant to, int buckets) {
    return reads.read(
        "response times of " + monitor, c -> Series.read(c, monitor, from, to, buckets));
  }

  @Override
  public void prune(Instant now) {
    Writer w = writer();
    Retention keep = Objects.requireNonNull(retention, "a writable store has a retention");
    w.execute(c -> Updates.prune(c, keep, now));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (writer != null) {
      writer.close();
    }
    reads.close();
  }

  @Override
  public String toString() {
    return "SqliteStore[" + file + (writer == null ? ", read-only]" : "]");
  }

  private Writer writer() {
    if (writer == null) {
      throw new UnsupportedOperationException(file + " was opened read-only");
    }
    return writer;
  }

  // Accounts: users, API tokens, sessions

  @Override
  public boolean hasUsers() {
    return reads.read("users", AccountTables::hasUsers);
  }

  @Override
  public boolean addUser(UserRow user) {
    return Boolean.TRUE.equals(writer().call(c -> AccountTables.addUser(c, user)));
  }

  @Override
  public Optional<UserRow> user(String name) {
    return reads.read("user " + name, c -> AccountTables.user(c, name));
  }

  @Override
  public List<UserRow> users() {
    return reads.read("users", AccountTables::users);
  }

  @Override
  public boolean changePassword(String name, String passwordHash, Instant at) {
    return Boolean.TRUE.equals(
        writer().call(c -> AccountTables.changePassword(c, name, passwordHash, at)));
  }

  @Override
  public UserChange deleteUser(String name, String tokensBy, Instant at) {
    return Objects.requireNonNull(
        writer().call(c -> AccountTables.deleteUser(c, name, tokensBy, at)));
  }

  @Override
  public UserChange setUserRole(String name, String role, String tokensBy, Instant at) {
    return Objects.requireNonNull(
        writer().call(c -> AccountTables.setRole(c, name, role, tokensBy, at)));
  }

  @Override
  public Optional<ApiTokenRow> addApiToken(
      String name,
      String role,
      String tokenHash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt) {
    Optional<ApiTokenRow> added =
        writer()
            .call(c -> AccountTables.addToken(c, name, role, tokenHash, createdBy, at, expiresAt));
    return Objects.requireNonNull(added);
  }

  @Override
  public List<ApiTokenRow> apiTokens() {
    return reads.read("API tokens", AccountTables::tokens);
  }

  @Override
  public Optional<ApiTokenRow> liveApiToken(String tokenHash) {
    return reads.read("an API token", c -> AccountTables.liveToken(c, tokenHash));
  }

  @Override
  public boolean revokeApiToken(long id, Instant at) {
    return Boolean.TRUE.equals(writer().call(c -> AccountTables.revokeToken(c, id, at)));
  }

  @Override
  public void touchApiToken(long id, Instant at) {
    writer().execute(c -> AccountTables.touchToken(c, id, at));
  }

  @Override
  public void addSession(String idHash, String user, Instant at) {
    writer().execute(c -> AccountTables.addSession(c, idHash, user, at));
  }

  @Override
  public Optional<SessionRow> session(String idHash) {
    return reads.read("a session", c -> AccountTables.session(c, idHash));
  }

  @Override
  public void touchSession(String idHash, Instant at) {
    writer().execute(c -> AccountTables.touchSession(c, idHash, at));
  }

  @Override
  public void removeSession(String idHash) {
    writer().execute(c -> AccountTables.removeSession(c, idHash));
  }

  @Override
  public int removeSessions(Instant seenBefore, Instant createdBefore) {
    Integer removed =
        writer().call(c -> AccountTables.removeSessions(c, seenBefore, createdBefore));
    return removed == null ? 0 : removed;
  }
}

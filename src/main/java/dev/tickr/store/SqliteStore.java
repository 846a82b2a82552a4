package dev.tickr.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * The store in one SQLite file, {@code tickr.db} in the data directory: nothing to install. All
 * writes go through one {@link Writer} thread; reads use their own read-only connections, so they
 * never wait for it. Another process can read at the same time through {@link #openReadOnly}.
 *
 * <p>This class is the store's life (opening, migrating, pruning, closing); each of its small
 * interfaces is done by a part ({@code SqliteCatalogue}, {@code SqliteOutbox}, {@code
 * SqliteAccounts}…) that shares the writer and the read connections ({@link SqliteAccess}).
 */
public final class SqliteStore extends ComposedStore {
  public static final String FILE_NAME = "tickr.db";
  private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

  private final Path file;
  private final SqliteAccess db;
  private final @Nullable Retention retention;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SqliteChains chains;
  private final MetricSeriesStore metricSeries;
  private final SubscriptionStore subscriptions;

  private SqliteStore(
      Path file, @Nullable Writer writer, @Nullable Retention retention, Clock clock) {
    this(file, new SqliteAccess(file, writer, clock), retention);
  }

  private SqliteStore(Path file, SqliteAccess db, @Nullable Retention retention) {
    super(
        new SqliteCatalogue(db),
        new SqliteResultSink(db),
        new SqliteHistory(db),
        new SqliteStatuses(db),
        new SqliteIncidents(db),
        new SqliteAlerts(db),
        new SqliteOutbox(db),
        new SqliteMaintenance(db),
        new SqliteHeartbeatTokens(db),
        new SqliteApiDocuments(db),
        new SqlitePauses(db),
        new SqliteAccounts(db));
    this.file = file;
    this.db = db;
    this.retention = retention;
    this.chains = new SqliteChains(db);
    this.metricSeries = new SqliteMetricSeries(db);
    this.subscriptions = new SqliteSubscriptions(db);
  }

  @Override
  public Map<String, KnownChain> knownChains() {
    return chains.knownChains();
  }

  @Override
  public void saveKnownChain(String monitor, KnownChain chain) {
    chains.saveKnownChain(monitor, chain);
  }

  @Override
  public MetricSeriesStore metricSeries() {
    return metricSeries;
  }

  @Override
  public SubscriptionStore subscriptions() {
    return subscriptions;
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
      store
          .db
          .reads()
          .read(
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
  public java.util.concurrent.CompletableFuture<?> probeWrite() {
    if (db.readOnly()) {
      return java.util.concurrent.CompletableFuture.failedFuture(
          new StoreException(file + " was opened read-only"));
    }
    try {
      return db.writer().probe();
    } catch (StoreException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void prune(Instant now) {
    Writer w = db.writer();
    Retention keep = Objects.requireNonNull(retention, "a writable store has a retention");
    w.execute(c -> Updates.prune(c, keep, now));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    db.close();
  }

  @Override
  public String toString() {
    return "SqliteStore[" + file + (db.readOnly() ? ", read-only]" : "]");
  }
}

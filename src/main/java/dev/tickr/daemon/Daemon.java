package dev.tickr.daemon;

import dev.tickr.alert.AlertEngine;
import dev.tickr.alert.ChannelHealth;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Judge;
import dev.tickr.auth.Sealer;
import dev.tickr.check.Redaction;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.connectivity.LinkEvent;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.heartbeat.Tokens;
import dev.tickr.incident.FlapRule;
import dev.tickr.incident.IncidentEvent;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.Maintenance;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.StateMachine;
import dev.tickr.incident.StatusSink;
import dev.tickr.schedule.Scheduler;
import dev.tickr.schedule.Stalls;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.Store;
import dev.tickr.time.Ticker;
import dev.tickr.types.MonitorTypes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor daemon's life: takes a config, keeps the scheduler, tracker, alerting and store in
 * step with it, swaps it on reload without losing the state of unchanged monitors, and stops
 * cleanly. Data flows one way: checks feed the tracker, whose events (and the certificates checks
 * saw) feed the alerting engine.
 */
public final class Daemon implements DaemonControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /** Checks allowed to run at once; more wait for a permit (and show up as lateness). */
  public static final int MAX_CONCURRENT_CHECKS = 4096;

  /** Pings a heartbeat takes per second, after a burst of {@link #PING_BURST}; more get 429. */
  public static final double PINGS_PER_SECOND = 5;

  public static final int PING_BURST = 10;

  private final Clock clock;
  private final Store store;
  private final IncidentTracker tracker;
  private final MonitorRunner runner;
  private final Scheduler scheduler;
  private final AlertEngine alerts;
  private final Heartbeats heartbeats;
  private final ConnectivityGuard link;
  private final ExecutorService checkThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).factory());
  private final @Nullable Path configFile;
  private final ConfigLoader loader;
  private final Object reloadLock = new Object();
  private volatile Map<String, MonitorSpec> active = Map.of();
  private volatile Config config;
  private volatile Config fileConfig;
  private @Nullable UnaryOperator<Config> api;
  private @Nullable ConfigWatcher watcher;
  private final List<BiConsumer<String, TlsInfo>> certificateListeners =
      new CopyOnWriteArrayList<>();

  public Daemon(
      Config config,
      @Nullable Path configFile,
      ConfigLoader loader,
      Store store,
      MonitorTypes types,
      ConnectivityGuard link,
      Judge judge,
      Clock clock,
      Ticker ticker,
      Waiter waiter,
      Stalls stalls,
      Consumer<CheckRecord> observer,
      NotifierFactory notifiers,
      Waiter alertWaiter,
      Sealer sealer) {
    this.config = config;
    this.fileConfig = config;
    this.configFile = configFile;
    this.loader = loader;
    this.clock = clock;
    this.store = store;
    this.tracker =
        new IncidentTracker(
            new StateMachine(store::nextIncidentId),
            new StatusSink() {
              @Override
              public void saveStatus(MonitorStatus status) {
                store.saveStatus(status);
              }

              @Override
              public void saveIncident(dev.tickr.incident.Incident incident) {
                store.saveIncident(incident);
              }

              @Override
              public void saveMaintenance(Map<String, Maintenance> windows) {
                store.saveMaintenance(windows);
              }
            },
            monitor ->
                this.config
                    .monitor(monitor)
                    .map(m -> new FlapRule(m.flapping().changes(), m.flapping().within()))
                    .orElse(null),
            clock);
    this.tracker.listen(StateLog::log);
    this.alerts =
        new AlertEngine(
            config, store, notifiers, clock, alertWaiter, new SplittableRandom(), tracker);
    this.tracker.listen(alerts);
    this.link = link;
    this.link.listen(this::linkChanged);
    this.runner =
        new MonitorRunner(
            clock, ticker, types, judge, tracker, store, observer, stalls, this::checked, link);
    this.scheduler = new Scheduler(clock, waiter, checkThreads, MAX_CONCURRENT_CHECKS, runner);
    this.heartbeats =
        new Heartbeats(
            clock,
            runner,
            store,
            new RateLimiter(ticker, PINGS_PER_SECOND, PING_BURST),
            new Tokens(new SecureRandom()),
            sealer);
  }

  /** Where pings to {@code /ping/<token>} go. */
  public PingReceiver pings() {
    return heartbeats;
  }

  /** Every heartbeat monitor's ping URL path, {@code /ping/<token>}, by monitor: a secret. */
  @Override
  public Map<String, String> pingPaths() {
    return heartbeats.pingPaths();
  }

  /**
   * Fails every heartbeat monitor whose ping is overdue; the daemon does this every second.
   *
   * @return how many were
   */
  public int expireHeartbeats() {
    return heartbeats.expire();
  }

  public void listen(Consumer<IncidentEvent> listener) {
    tracker.listen(listener);
  }

  /** Hears, per monitor, every certificate its checks see (metrics). */
  public void listenCertificates(BiConsumer<String, TlsInfo> listener) {
    certificateListeners.add(listener);
  }

  /** Tickr's own-connectivity guard: whether its link works, from the config's canaries. */
  public ConnectivityGuard connectivity() {
    return link;
  }

  /**
   * Tickr's own link changed: the channels that want it hear so, and once it is back every monitor
   * is judged afresh, since what was counted around the loss may have been Tickr's own fault.
   */
  private void linkChanged(LinkEvent event) {
    if (event instanceof LinkEvent.Restored) {
      tracker.afreshAll();
    }
    alerts.connectivity(event);
  }

  /** Certificates seen by checks go to the alerting engine, for expiry warnings. */
  private void checked(MonitorSpec spec, CheckResult result, Instant startedAt) {
    TlsInfo tls = result.observation().tls();
    if (tls != null) {
      alerts.certificate(spec.name(), tls, startedAt);
      for (BiConsumer<String, TlsInfo> listener : certificateListeners) {
        listener.accept(spec.name(), tls);
      }
    }
  }

  /**
   * Adds what the REST API keeps (its monitors, maintenance windows and pauses) to the file's
   * config, now and at every reload; call before {@link #start()}, then {@link #refresh()} after
   * each change.
   *
   * @param layer the file's config in, the config to run out
   */
  public void layer(UnaryOperator<Config> layer) {
    synchronized (reloadLock) {
      this.api = layer;
      this.config = layer.apply(fileConfig);
    }
  }

  /** The config from the file alone, without what the API added. */
  @Override
  public Config fileConfig() {
    return fileConfig;
  }

  /** Applies the API's layer again after it changed; the file is not read again. */
  @Override
  public void refresh() {
    synchronized (reloadLock) {
      UnaryOperator<Config> layer = api;
      Config next = layer == null ? fileConfig : layer.apply(fileConfig);
      apply(next, true, true);
      config = next;
    }
  }

  /**
   * Runs one check of a monitor at once, outside its schedule, and records it like any other.
   *
   * @return what it found, or empty when no such monitor runs (a heartbeat is not probed)
   */
  @Override
  public java.util.Optional<CheckResult> checkNow(String monitor) {
    MonitorSpec spec = active.get(monitor);
    if (spec == null || spec.pushed()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(runner.runNow(spec, clock.instant()));
  }

  /** How much longer than its own timeout a trial may take before it is given up. */
  static final Duration TRIAL_GRACE = Duration.ofSeconds(2);

  /**
   * Probes a monitor that need not be configured (settings being tried out) once and judges it;
   * records, counts and alerts nothing, and no listener hears of it. A check keeps to its timeout;
   * should one not, it is given up {@link #TRIAL_GRACE} later.
   *
   * @param secrets values to mask besides the request's credentials and the config's, such as what
   *     the monitor's {@code ${NAME}}s stand for
   * @return what it found, or empty when it did not finish in time
   * @throws IllegalArgumentException for a heartbeat, which is not probed
   */
  @Override
  public Optional<Trial> trial(MonitorSpec spec, Set<String> secrets) {
    if (spec.pushed()) {
      throw new IllegalArgumentException("a " + spec.type().name() + " monitor is not probed");
    }
    Future<Trial> running = checkThreads.submit(() -> runner.trial(spec, secrets));
    try {
      return Optional.of(
          running.get(spec.timeout().plus(TRIAL_GRACE).toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      running.cancel(true);
      LOG.warn("monitor={} trial check outlived its timeout={}", spec.name(), spec.timeout());
      return Optional.empty();
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial check failed inside Tickr", e.getCause());
    }
  }

  /** The config file the daemon reads, if it has one. */
  @Override
  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /** Restores saved state, schedules every monitor and starts the clock. */
  public void start() {
    Map<String, MonitorStatus> saved = store.loadStatuses();
    tracker.restore(saved);
    tracker.restoreMaintenance(MaintenanceMark.windows(store.maintenance()));
    alerts.start(saved);
    // The alerting engine was made with the file's config; it needs to hear of the API's layer.
    apply(config, api != null, false);
    heartbeats.sealCarried();
    for (String known : tracker.snapshot().keySet()) {
      if (!active.containsKey(known)) {
        tracker.forget(known); // saved state of a monitor no longer configured
      }
    }
    scheduler.start();
    if (configFile != null) {
      try {
        watcher = new ConfigWatcher(configFile, this::reload);
      } catch (java.io.IOException e) {
        LOG.warn(
            "config={} cannot be watched ({}); SIGHUP still reloads", configFile, e.toString());
      }
    }
    var unused = housekeeping.scheduleAtFixedRate(this::prune, 1, 60, TimeUnit.MINUTES);
    var unusedToo =
        housekeeping.scheduleWithFixedDelay(this::expireOverdue, 1, 1, TimeUnit.SECONDS);
    var unusedThree = housekeeping.scheduleWithFixedDelay(this::probeLink, 0, 1, TimeUnit.SECONDS);
  }

  @Override
  public Config config() {
    return config;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public IncidentTracker tracker() {
    return tracker;
  }

  public AlertEngine alerts() {
    return alerts;
  }

  /** How each channel's deliveries are going. */
  @Override
  public List<ChannelHealth> channelHealth() {
    return alerts.channelHealth();
  }

  /**
   * Reads the config file again; on any problem logs every one and keeps the running config.
   *
   * @return whether the new config was taken
   */
  public boolean reload() {
    if (configFile == null) {
      return false;
    }
    try {
      Config loaded = loader.load(configFile);
      synchronized (reloadLock) {
        UnaryOperator<Config> layer = api;
        Config next = layer == null ? loaded : layer.apply(loaded);
        apply(next, true, true);
        fileConfig = loaded;
        config = next;
        LOG.info("config={} reloaded monitors={}", configFile, next.monitors().size());
      }
      return true;
    } catch (ConfigException e) {
      LOG.error(
          "config={} rejected, the previous config keeps running:{}{}",
          configFile,
          System.lineSeparator(),
          e.getMessage());
      return false;
    }
  }

  /**
   * @param waitForRows whether the monitors' rows must be committed before this returns; at start
   *     they need not be (they are written before any result that follows)
   */
  private void apply(Config next, boolean newToAlerting, boolean waitForRows) {
    synchronized (reloadLock) {
      if (newToAlerting) {
        alerts.reconfigure(next);
      }
      runner.secrets(next.secretValues().values());
      link.reconfigure(next.connectivity());
      Map<String, MonitorSpec> wanted = new HashMap<>();
      for (MonitorSpec spec : next.monitors()) {
        wanted.put(spec.name(), spec);
      }
      for (String gone : active.keySet()) {
        if (!wanted.containsKey(gone)) {
          scheduler.unschedule(gone);
          runner.remove(gone);
          heartbeats.remove(gone);
          tracker.forget(gone);
          store.retireMonitor(gone, clock.instant());
          LOG.info("monitor={} removed", gone);
        }
      }
      List<MonitorSpec> changed = new ArrayList<>();
      for (MonitorSpec spec : next.monitors()) {
        MonitorSpec old = active.get(spec.name());
        if (old == null || !old.fingerprint().equals(spec.fingerprint())) {
          changed.add(spec);
        }
      }
      if (waitForRows) {
        store.upsertMonitors(rows(changed, next));
      } else {
        store.upsertMonitorsQueued(() -> rows(changed, next));
      }
      for (MonitorSpec spec : changed) {
        MonitorSpec old = active.get(spec.name());
        runner.put(spec);
        tracker.track(spec.name(), clock.instant());
        if (spec.pushed()) {
          heartbeats.put(spec); // its results come from pings, not from the scheduler
        } else if (old != null && old.pushed()) {
          heartbeats.remove(spec.name());
        }
        if (spec.paused() || spec.pushed()) {
          scheduler.unschedule(spec.name());
          if (spec.paused()) {
            tracker.pause(spec.name(), clock.instant());
          } else {
            resumeIfPaused(spec.name());
          }
        } else {
          resumeIfPaused(spec.name());
          scheduler.schedule(spec.name(), spec.interval());
        }
        if (old != null) {
          LOG.info("monitor={} changed", spec.name());
        }
      }
      active = wanted;
    }
  }

  private static List<MonitorRow> rows(List<MonitorSpec> specs, Config config) {
    List<MonitorRow> rows = new ArrayList<>(specs.size());
    for (MonitorSpec spec : specs) {
      rows.add(
          new MonitorRow(
              spec.name(),
              spec.type().name(),
              spec.source(),
              // A ${NAME} in a URL's path is no business of the overview either.
              Redaction.scrub(spec.settings().describe(), config.secretValues().values()),
              spec.interval(),
              spec.tags()));
    }
    return rows;
  }

  private void resumeIfPaused(String monitor) {
    MonitorStatus s = tracker.status(monitor);
    if (s != null && s.state() == MonitorState.PAUSED) {
      tracker.resume(monitor, clock.instant());
    }
  }

  private void expireOverdue() {
    try {
      heartbeats.expire();
    } catch (RuntimeException e) {
      LOG.error("checking heartbeat deadlines failed; will try again", e);
    }
  }

  private void probeLink() {
    try {
      link.tick();
    } catch (RuntimeException e) {
      LOG.error("starting a connectivity round failed; will try again", e);
    }
  }

  private void prune() {
    try {
      store.prune(clock.instant());
    } catch (RuntimeException e) {
      LOG.error("pruning old results failed; will try again", e);
    }
  }

  /**
   * Stops planning, lets running checks finish (each is bounded by its deadline), writes every
   * buffered result.
   */
  @Override
  public void close() {
    ConfigWatcher w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (java.io.IOException e) {
        LOG.debug("closing the config watcher: {}", e.toString());
      }
    }
    scheduler.close();
    housekeeping.shutdownNow();
    checkThreads.shutdown();
    try {
      Duration longest =
          active.values().stream()
              .map(MonitorSpec::timeout)
              .max(Duration::compareTo)
              .orElse(Duration.ZERO)
              .plusSeconds(1);
      if (!checkThreads.awaitTermination(longest.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("checks still running after {}; stopping without them", longest);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    alerts.close();
    store.flush();
  }
}

package dev.tickr.daemon;

import dev.tickr.alert.AlertEngine;
import dev.tickr.alert.ChannelHealth;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Judge;
import dev.tickr.auth.Sealer;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.connectivity.LinkEvent;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.heartbeat.Tokens;
import dev.tickr.impact.ImpactReports;
import dev.tickr.incident.FlapRule;
import dev.tickr.incident.IncidentEvent;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.StateMachine;
import dev.tickr.schedule.CheckSlots;
import dev.tickr.schedule.Scheduler;
import dev.tickr.schedule.Stalls;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.Store;
import dev.tickr.time.Ticker;
import dev.tickr.types.MonitorTypes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

  private final Store store;
  private final IncidentTracker tracker;
  private final Scheduler scheduler;
  private final AlertEngine alerts;
  private final Heartbeats heartbeats;
  private final ConnectivityGuard link;
  private final ExecutorService checkThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ConfigApplier applier;
  private final LiveConfig live;
  private final OneOffChecks oneOff;
  private final Housekeeping housekeeping;
  private final QuotaWatch quotas = new QuotaWatch();
  private final ChainWatch chains;
  private final MetricSeries metricSeries;
  private final HeartbeatVolumes volumes;
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
    this(
        config,
        configFile,
        loader,
        store,
        types,
        link,
        judge,
        clock,
        ticker,
        waiter,
        stalls,
        observer,
        notifiers,
        alertWaiter,
        sealer,
        new CheckSlots(MAX_CONCURRENT_CHECKS));
  }

  /**
   * @param slots the scheduler's bound on checks running at once: the one the monitor types' long
   *     waits give up ({@link CheckSlots#away}), made with {@link #MAX_CONCURRENT_CHECKS} slots
   */
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
      Sealer sealer,
      CheckSlots slots) {
    this.store = store;
    this.chains = new ChainWatch(store);
    ImpactReports impact = ImpactReports.over(store);
    this.tracker =
        new IncidentTracker(new StateMachine(store::nextIncidentId), store, this::flapRule, clock);
    this.tracker.listen(StateLog::log);
    this.alerts =
        new AlertEngine(
            config,
            store,
            notifiers,
            clock,
            alertWaiter,
            new SplittableRandom(),
            tracker,
            incident -> impact.note(liveConfig(), incident, clock.instant()));
    this.tracker.listen(alerts);
    this.link = link;
    this.link.listen(this::linkChanged);
    this.metricSeries = new MetricSeries(store.metricSeries());
    MonitorRunner runner =
        new MonitorRunner(
            clock,
            ticker,
            types,
            judge,
            tracker,
            store,
            observer,
            stalls,
            this::checked,
            link,
            this::holdBack,
            metricSeries);
    this.scheduler = new Scheduler(clock, waiter, checkThreads, slots, runner);
    this.volumes = new HeartbeatVolumes(clock, runner, metricSeries);
    this.heartbeats =
        new Heartbeats(
            clock,
            runner,
            store,
            new RateLimiter(ticker, PINGS_PER_SECOND, PING_BURST),
            new Tokens(new SecureRandom()),
            sealer,
            volumes);
    this.applier =
        new ConfigApplier(clock, store, tracker, runner, scheduler, alerts, heartbeats, link);
    this.live = new LiveConfig(config, configFile, loader, applier);
    this.oneOff = new OneOffChecks(clock, runner, applier, checkThreads);
    this.housekeeping = new Housekeeping(clock, store, heartbeats, volumes, link);
  }

  /** The config that runs, for what is called back only after the constructor. */
  private Config liveConfig() {
    return live.config();
  }

  /** A monitor's flap damping rule, from the config that runs; null once the monitor is gone. */
  private @Nullable FlapRule flapRule(String monitor) {
    return live.config()
        .monitor(monitor)
        .map(m -> new FlapRule(m.flapping().changes(), m.flapping().within()))
        .orElse(null);
  }

  /** Where pings to {@code /ping/<token>} go. */
  public PingReceiver pings() {
    return heartbeats;
  }

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

  /** Judges heartbeats' hours that ended, as the daemon does every second; how many failed. */
  public int judgeHeartbeatVolumes() {
    return volumes.judge();
  }

  /** Heartbeats' volumes: what their last judgements found. */
  HeartbeatVolumes heartbeatVolumes() {
    return volumes;
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

  @Override
  public Optional<Instant> heldUntil(String monitor) {
    return scheduler.heldUntil(monitor);
  }

  /** A target asked for time ({@code Retry-After}): its monitor's next check waits for it. */
  private void holdBack(String monitor, Instant until) {
    scheduler.notBefore(monitor, until);
  }

  /**
   * Certificates seen by checks go to the alerting engine, for expiry warnings; what targets say is
   * left of their rate limits, to the quota watch (and a {@code quota-low} notice); the redirect
   * chains of successful checks, to the chain watch (and a {@code chain-changed} notice).
   */
  private void checked(MonitorSpec spec, CheckResult result, Instant startedAt) {
    if (result.success()) {
      Collection<String> secrets = config().secretValues().values();
      chains
          .observed(spec.name(), result.observation(), secrets, startedAt)
          .ifPresent(c -> alerts.chainChanged(spec.name(), c.describe(), startedAt));
    }
    for (QuotaWatch.Low low : quotas.observed(spec, result.observation().headers())) {
      alerts.quotaLow(spec.name(), low.window().window(), QuotaWatch.describe(low), startedAt);
    }
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
    live.layer(layer);
  }

  @Override
  public Config fileConfig() {
    return live.fileConfig();
  }

  @Override
  public void refresh() {
    live.refresh();
  }

  @Override
  public Optional<CheckResult> checkNow(String monitor) {
    return oneOff.checkNow(monitor);
  }

  @Override
  public Optional<Trial> trial(MonitorSpec spec, Set<String> secrets) {
    return oneOff.trial(spec, secrets);
  }

  @Override
  public Optional<Path> configFile() {
    return live.configFile();
  }

  /**
   * Where the web server listens, {@code HOST:PORT}: what alerts link to without {@code
   * server.public-url}.
   */
  public void listeningOn(String hostPort) {
    alerts.listeningOn(hostPort);
  }

  /** Restores saved state, schedules every monitor and starts the clock. */
  public void start() {
    Map<String, MonitorStatus> saved = store.loadStatuses();
    tracker.restore(saved);
    tracker.restoreMaintenance(MaintenanceMark.windows(store.maintenance()));
    chains.restore();
    alerts.start(saved);
    live.start();
    heartbeats.sealCarried();
    applier.forgetUnconfigured();
    scheduler.start();
    live.watch();
    housekeeping.start();
  }

  /** What {@code /metrics} reads of the running monitors: rate limits and extracted metrics. */
  public MonitorReadings readings() {
    return new MonitorReadings(quotas, metricSeries, this::config);
  }

  @Override
  public Config config() {
    return live.config();
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
    return live.reload();
  }

  /**
   * Stops planning, lets running checks finish (each is bounded by its deadline), writes every
   * buffered result.
   */
  @Override
  public void close() {
    live.close();
    scheduler.close();
    housekeeping.close();
    checkThreads.shutdown();
    try {
      Duration longest = applier.longestTimeout().plusSeconds(1);
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

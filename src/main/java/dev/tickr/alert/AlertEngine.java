package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.ChannelPolicy.Event;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.connectivity.LinkEvent;
import dev.tickr.incident.Incident;
import dev.tickr.incident.IncidentEvent;
import dev.tickr.incident.IncidentTracker;
import dev.tickr.incident.Maintenance;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Outcome;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.AlertingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns incident events into notifications. It reacts to nothing but {@link IncidentEvent}s (and,
 * for certificate warnings, the certificates checks saw): channel policies decide who hears what;
 * every alert is recorded once in the store and held for its channel's group window ({@link
 * Grouper}), then goes into the outbox, from which the {@link Dispatcher} delivers it.
 *
 * <p>Alerts have ids that say what they are about, so nothing is decided twice, and a restart picks
 * up where the last run stopped. While a monitor is in a maintenance window or flapping, nothing
 * about it is sent except the UP for an incident whose DOWN went out; an incident still open when
 * that ends gets its DOWN then. While it flaps, an incident that outlasts the monitor's {@code
 * flapping.hold-down}, or fails for a reason the flap had not shown, gets its DOWN at once.
 *
 * <p>Thread-safe: events, certificates and the timer's rounds are taken one at a time.
 */
public final class AlertEngine implements Consumer<IncidentEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
  private static final Duration MIN_WAIT = Duration.ofMillis(250);
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private final AlertingStore store;
  private final Clock clock;
  private final Waiter waiter;
  private final NotifierFactory factory;
  private volatile Setup setup;

  private final Object lock = new Object();
  private final Grouper grouper;
  private final FlapWatch flaps;
  private final IncidentAlerts incidents;
  private final Notices notices;
  private final Dispatcher dispatcher;
  private final Map<String, Alerts.Degraded> degraded = new HashMap<>();
  private final IncidentTracker tracker;

  /** The windows last handed on; null before the first round, which always hands them on. */
  private @Nullable Map<String, Maintenance> windows;

  private volatile boolean running;
  private @Nullable Thread timer;

  /**
   * @param factory makes the notifiers for the config's channels, again on every reload
   * @param waiter how the engine's timer waits for the next due time
   * @param random the jitter of retry pauses
   * @param tracker whose events the engine hears; its timer also hands the tracker what comes due
   *     with time: the maintenance windows monitors are in, and flapping that settles
   */
  public AlertEngine(
      Config config,
      AlertingStore store,
      NotifierFactory factory,
      Clock clock,
      Waiter waiter,
      RandomGenerator random,
      IncidentTracker tracker) {
    this(config, store, factory, clock, waiter, random, tracker, RecoveryNote.NONE);
  }

  /**
   * @param recovery what an UP alert adds to its incident's detail
   */
  public AlertEngine(
      Config config,
      AlertingStore store,
      NotifierFactory factory,
      Clock clock,
      Waiter waiter,
      RandomGenerator random,
      IncidentTracker tracker,
      RecoveryNote recovery) {
    this.store = store;
    this.tracker = tracker;
    this.factory = factory;
    this.clock = clock;
    this.waiter = waiter;
    this.setup = new Setup(config, factory.create(config.channels()));
    this.grouper = new Grouper(store, store, () -> setup);
    this.flaps = new FlapWatch(store, () -> setup, grouper);
    this.incidents =
        new IncidentAlerts(store, store, store, () -> setup, grouper, this::heldUntil, recovery);
    this.notices = new Notices(() -> setup, grouper, lock, this::heldBack, waiter::wake, clock);
    this.dispatcher =
        new Dispatcher(
            store,
            clock,
            new Backoff(random),
            () -> setup.config(),
            () -> setup.notifiers(),
            waiter::wake);
  }

  /**
   * Takes back what the last run left: open incidents and what was decided about them, monitors
   * that are DEGRADED (from {@code statuses}, the monitor states as saved), held alerts;
   * notifications that were being sent are due again.
   */
  public void restore(Map<String, MonitorStatus> statuses) {
    store.releaseClaims();
    synchronized (lock) {
      incidents.restore();
      grouper.restore();
      for (MonitorStatus s : statuses.values()) {
        Outcome streak = s.streakStart();
        if (s.state() == MonitorState.DEGRADED && streak != null) {
          degraded.put(s.monitor(), spell(s.since(), streak));
        }
      }
    }
  }

  /** {@link #restore(Map)}, then the timer that does what comes due. */
  public void start(Map<String, MonitorStatus> statuses) {
    restore(statuses);
    running = true;
    Thread t = Thread.ofPlatform().daemon(true).name("tickr-alerts").unstarted(this::loop);
    timer = t;
    t.start();
  }

  /** Takes a reloaded config: channels, policies, monitors and maintenance windows. */
  public void reconfigure(Config next) {
    Map<String, Notifier> notifiers = factory.create(next.channels());
    synchronized (lock) {
      setup = new Setup(next, notifiers, setup.listening());
    }
    waiter.wake();
  }

  /**
   * Where the web server listens, {@code HOST:PORT}: what notifications link to when the config has
   * no {@code server.public-url}.
   */
  public void listeningOn(String hostPort) {
    synchronized (lock) {
      setup = setup.listeningOn(hostPort);
    }
  }

  /** The health of every channel, for metrics and the dashboard. */
  public List<ChannelHealth> channelHealth() {
    return dispatcher.health();
  }

  /** Waits until no notification is being sent; false when {@code timeout} passed first. */
  public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    return dispatcher.awaitIdle(timeout);
  }

  @Override
  public void accept(IncidentEvent event) {
    Instant now = clock.instant();
    try {
      synchronized (lock) {
        switch (event) {
          case IncidentEvent.StateChanged c -> changed(c, now);
          case IncidentEvent.IncidentOpened o -> {
            setup.monitor(o.monitor()).ifPresent(spec -> flaps.opened(spec, o.incident(), now));
            incidents.opened(o.incident(), now);
          }
          case IncidentEvent.IncidentResolved r -> incidents.resolved(r.incident(), now);
          case IncidentEvent.ShownChanged shown -> {}
          case IncidentEvent.FlappingChanged f ->
              flaps.flap(f.monitor(), f.transition(), f.flap(), now);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("monitor={} alerting failed for {}", event.monitor(), event, e);
    }
    waiter.wake();
  }

  /**
   * A check saw this certificate: warns, once per certificate, each channel whose {@code
   * certificate-expiry} it expires within.
   */
  public void certificate(String monitor, TlsInfo tls, Instant at) {
    notices.certificate(monitor, tls, at);
  }

  /**
   * What a target says is left of its rate limit fell below the monitor's {@code warn-below}.
   *
   * @see Notices#quotaLow
   */
  public void quotaLow(String monitor, String window, String detail, Instant at) {
    notices.quotaLow(monitor, window, detail, at);
  }

  /**
   * A monitor's redirect chain settled on another shape.
   *
   * @see Notices#chainChanged
   */
  public void chainChanged(String monitor, String detail, Instant at) {
    notices.chainChanged(monitor, detail, at);
  }

  /** Tickr's own link was lost or is back: see {@link Notices#connectivity}. */
  public void connectivity(LinkEvent event) {
    notices.connectivity(event);
  }

  /**
   * Does what is due now: flapping that settled, the alerts open incidents call for, held alerts
   * whose window closed (into the outbox); then hands on the maintenance windows monitors are in,
   * when that changed, and starts delivery of due notifications.
   */
  public void runDue() {
    Instant now = clock.instant();
    Map<String, Maintenance> changed;
    // Outside the lock: the tracker tells its listeners, this engine among them.
    tracker.settle(now);
    synchronized (lock) {
      changed = updateMaintenance(now);
      incidents.reconcileAll(now);
      grouper.release(now);
    }
    if (changed != null) {
      tracker.maintenance(changed, now);
    }
    dispatcher.dispatchDue(now);
  }

  /** When {@link #runDue} next has something to do; MAX when nothing is planned. */
  public Instant nextDue() {
    Instant now = clock.instant();
    Instant next;
    synchronized (lock) {
      next =
          Times.earliest(
              grouper.nextRelease(),
              MaintenanceCalendar.nextChange(setup.config().maintenance(), now));
      next = Times.earliest(next, tracker.nextSettle());
      next = Times.earliest(next, incidents.nextDue(now));
    }
    return Times.earliest(next, dispatcher.nextDue());
  }

  private void changed(IncidentEvent.StateChanged c, Instant now) {
    String monitor = c.monitor();
    MonitorState from = c.transition().from();
    MonitorState to = c.transition().to();
    Setup s = setup;
    MonitorSpec spec = s.monitor(monitor).orElse(null);
    if (spec == null) {
      return;
    }
    flaps.changed(spec, to);
    Outcome streak = c.status().streakStart();
    if (to == MonitorState.DEGRADED && streak != null) {
      Alerts.Degraded d = spell(c.status().since(), streak);
      degraded.put(monitor, d);
      flaps.failedBecause(spec, d.reason(), now);
      if (!heldBack(spec, now)) {
        for (String channel : s.hearing(spec.alerts(), Event.DEGRADED)) {
          grouper.decide(
              AlertIds.degraded(monitor, d.since(), "degraded", channel),
              channel,
              Alerts.degraded(monitor, spec.tags(), d, null),
              now);
        }
      }
    }
    Alerts.Degraded ended = from == MonitorState.DEGRADED ? degraded.remove(monitor) : null;
    if (ended != null && to == MonitorState.UP) {
      // Like an incident's UP: to the channels that heard it was DEGRADED.
      for (String channel : s.hearing(spec.alerts(), Event.UP)) {
        if (store
            .alert(AlertIds.degraded(monitor, ended.since(), "degraded", channel))
            .isPresent()) {
          grouper.decide(
              AlertIds.degraded(monitor, ended.since(), "up", channel),
              channel,
              Alerts.degraded(monitor, spec.tags(), ended, c.at()),
              now);
        }
      }
    }
  }

  /** Whether the monitor's alerts are held back: it is in maintenance, or flapping. */
  private boolean heldBack(MonitorSpec spec, Instant at) {
    return flaps.flapping(spec.name()) || setup.inMaintenance(spec, at);
  }

  /**
   * Until when an open incident's alerts are held back: for as long as maintenance lasts, or while
   * its monitor flaps, up to the monitor's {@code hold-down}; {@link Instant#MIN} when they are
   * not.
   */
  private Instant heldUntil(MonitorSpec spec, Incident incident, Instant at) {
    return setup.inMaintenance(spec, at) ? Instant.MAX : flaps.holdsUntil(spec, incident);
  }

  /** The maintenance windows monitors are in now, when that changed since the last round. */
  private @Nullable Map<String, Maintenance> updateMaintenance(Instant now) {
    Config config = setup.config();
    Map<String, Maintenance> next =
        MaintenanceCalendar.windows(config.maintenance(), config.monitors(), now);
    Map<String, Maintenance> last = windows == null ? Map.of() : windows;
    if (next.equals(windows)) {
      return null;
    }
    for (Map.Entry<String, Maintenance> e : next.entrySet()) {
      if (!e.getValue().equals(last.get(e.getKey()))) {
        LOG.info(
            "monitor={} in maintenance window=\"{}\" until={}: no alerts",
            e.getKey(),
            e.getValue().window(),
            e.getValue().end());
      }
    }
    for (Map.Entry<String, Maintenance> e : last.entrySet()) {
      if (!next.containsKey(e.getKey())) {
        LOG.info("monitor={} maintenance over window=\"{}\"", e.getKey(), e.getValue().window());
      }
    }
    Map<String, Maintenance> copy = Map.copyOf(next);
    windows = copy;
    return copy;
  }

  private void loop() {
    while (running) {
      try {
        runDue();
      } catch (RuntimeException e) {
        LOG.error("alerting round failed; trying again", e);
      }
      try {
        Duration wait = Duration.between(clock.instant(), nextDue());
        if (wait.compareTo(MIN_WAIT) < 0) {
          wait = MIN_WAIT;
        } else if (wait.compareTo(MAX_WAIT) > 0) {
          wait = MAX_WAIT;
        }
        waiter.await(wait);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("alerting timer failed; trying again", e);
      }
    }
  }

  private static Alerts.Degraded spell(Instant since, Outcome streak) {
    return new Alerts.Degraded(
        since,
        Objects.requireNonNullElse(streak.reason(), Reason.CONDITION),
        Objects.requireNonNullElse(streak.detail(), "degraded"),
        streak.evidence());
  }

  /** Stops the timer and delivery; unsent notifications stay in the outbox for the next start. */
  @Override
  public void close() {
    running = false;
    Thread t = timer;
    if (t != null) {
      t.interrupt();
      waiter.wake();
      try {
        t.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    dispatcher.close();
  }
}

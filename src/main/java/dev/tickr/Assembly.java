package dev.tickr;

import dev.tickr.api.ApiRoutes;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretBoxException;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigLoader;
import dev.tickr.daemon.Daemon;
import dev.tickr.daemon.MonitorReadings;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.metrics.Metrics;
import dev.tickr.schedule.StallWatch;
import dev.tickr.store.Store;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.subscription.Announcer;
import dev.tickr.subscription.Links;
import dev.tickr.subscription.MailSender;
import dev.tickr.subscription.Mailers;
import dev.tickr.subscription.Subscriptions;
import dev.tickr.time.Ticker;
import dev.tickr.ui.Dashboard;
import dev.tickr.web.StatusPages;
import dev.tickr.web.SubscriptionRoutes;
import dev.tickr.web.WebServer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code tickr run} is made of, built by constructor in this one place from the shared
 * parts of {@link Tickr} and what the command line opened (the config, the store, the accounts, the
 * secret box): the daemon, the API, the status pages, the dashboard and the web server. Nothing
 * runs before {@link #start}: no thread, no timer, no socket.
 */
public final class Assembly implements AutoCloseable {
  private final Tickr tickr;
  private final Ticker ticker;
  private final StallWatch stalls;
  private final Daemon daemon;
  private final WebServer web;
  private final @Nullable Subscribing subscribing;
  private volatile String listening = "localhost";

  /** Status-page subscriptions: taking them, and mailing their subscribers. */
  private record Subscribing(
      Subscriptions subscriptions,
      Announcer announcer,
      MailSender sender,
      SubscriptionRoutes routes)
      implements AutoCloseable {
    @Override
    public void close() {
      sender.close();
      announcer.close();
      subscriptions.close();
    }
  }

  /**
   * @param file the config file, watched for changes; {@code null} when there is none
   * @throws SecretBoxException when the monitors kept through the API cannot be opened
   */
  public Assembly(
      Tickr tickr,
      Ticker ticker,
      Config config,
      @Nullable Path file,
      ConfigLoader loader,
      Store store,
      Accounts accounts,
      SecretBox secretBox,
      Metrics metrics)
      throws SecretBoxException {
    this.tickr = tickr;
    this.ticker = ticker;
    this.stalls = StallWatch.unstarted(ticker);
    this.daemon =
        new Daemon(
            config,
            file,
            loader,
            store,
            tickr.types(),
            tickr.connectivityGuard(),
            tickr.judge(),
            tickr.clock(),
            ticker,
            tickr.waiter(),
            stalls,
            metrics::checked,
            tickr.notifiers(),
            tickr.waiter(),
            secretBox,
            tickr.checkSlots());
    ApiMonitors apiMonitors =
        new ApiMonitors(tickr.types().definitions(), store, secretBox, tickr.clock());
    daemon.layer(apiMonitors);
    this.subscribing = subscribing(tickr, ticker, store, secretBox);
    ApiRoutes api =
        new ApiRoutes(
            daemon,
            store,
            apiMonitors,
            accounts,
            tickr.notifiers(),
            tickr.clock(),
            subscribing == null ? (incident, note) -> {} : subscribing.announcer()::noted);
    StatusPages statusPages =
        new StatusPages(daemon::config, daemon.tracker(), store, store, tickr.clock());
    daemon.listenCertificates(metrics::certificate);
    metrics.watch(
        Metrics.Sources.of(
            () -> daemon.tracker().snapshot(),
            () -> daemon.scheduler().inFlight(),
            daemon::channelHealth));
    metrics.watchConnectivity(daemon.connectivity()::state);
    MonitorReadings readings = daemon.readings();
    metrics.watchRateLimits(readings::rateLimits);
    metrics.watchMetricValues(readings::metricValues);
    Dashboard dashboard = new Dashboard(daemon, store, apiMonitors, tickr.clock());
    this.web =
        new WebServer(
            daemon.pings(),
            metrics,
            () -> daemon.config().server(),
            accounts,
            new DaemonReadiness(daemon, store),
            javalin -> {
              api.install(javalin);
              statusPages.install(javalin);
              if (subscribing != null) {
                subscribing.routes().install(javalin);
              }
              dashboard.install(javalin);
            });
  }

  /**
   * Subscriptions to status pages by email: requests limited to {@link #SUBSCRIBE_BURST} per client
   * address, then one per {@link #SUBSCRIBE_EVERY_SECONDS} seconds, and to {@link #PAGE_BURST} per
   * page, then one per {@link #PAGE_EVERY_SECONDS} seconds.
   */
  private @Nullable Subscribing subscribing(
      Tickr tickr, Ticker ticker, Store store, SecretBox secretBox) {
    SubscriptionStore kept = store.subscriptions();
    if (kept == null) {
      return null;
    }
    Links links = new Links(daemon::config, () -> listening);
    Mailers mailers = new Mailers(daemon::config);
    Subscriptions subscriptions =
        new Subscriptions(
            kept,
            secretBox,
            mailers,
            links,
            new Subscriptions.Limits(
                new RateLimiter(ticker, 1.0 / SUBSCRIBE_EVERY_SECONDS, SUBSCRIBE_BURST),
                new RateLimiter(ticker, 1.0 / PAGE_EVERY_SECONDS, PAGE_BURST)),
            tickr.clock());
    MailSender sender =
        new MailSender(
            daemon::config, kept, subscriptions, mailers, links, tickr.clock(), tickr.waiter());
    Announcer announcer = new Announcer(daemon::config, kept, links, sender::wake);
    daemon.tracker().listen(announcer);
    return new Subscribing(
        subscriptions, announcer, sender, new SubscriptionRoutes(daemon::config, subscriptions));
  }

  static final int SUBSCRIBE_BURST = 5;
  static final int SUBSCRIBE_EVERY_SECONDS = 600;
  static final int PAGE_BURST = 30;
  static final int PAGE_EVERY_SECONDS = 20;

  /**
   * What {@link #start} did.
   *
   * @param port the port the web server listens on
   * @param webNanos how long the web server took to listen
   * @param daemonNanos how long the daemon took to start (state restored, monitors scheduled)
   */
  public record Started(int port, long webNanos, long daemonNanos) {}

  /**
   * Starts serving, then monitoring: the web server first, so that by the time a check can alert,
   * the dashboard it links to is up.
   */
  public Started start(String host, int port) {
    long begin = ticker.nanos();
    stalls.begin();
    int listening = web.start(host, port);
    this.listening = linkAddress(host, listening);
    daemon.listeningOn(this.listening);
    tickr.types().ready(); // no first check's deadline pays for Tickr's own set-up
    long daemonStart = ticker.nanos();
    daemon.start();
    if (subscribing != null) {
      subscribing.sender().start();
    }
    return new Started(listening, daemonStart - begin, ticker.nanos() - daemonStart);
  }

  /**
   * {@code HOST:PORT} as a link from an alert names the web server: a wildcard address ({@code
   * 0.0.0.0}, {@code ::}) is no place to go, so it reads {@code localhost} there ({@code
   * server.public-url} says better, see docs/operations.md).
   */
  static String linkAddress(String host, int port) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0")) {
      h = "localhost";
    }
    return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
  }

  /** Reads the config file again and applies it, as a {@code SIGHUP} asks. */
  public void reload() {
    daemon.reload();
  }

  /** Stops serving and monitoring; the store stays open for whoever opened it. */
  @Override
  public void close() {
    web.close();
    daemon.close();
    if (subscribing != null) {
      subscribing.close();
    }
    stalls.close();
  }
}

package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.api.ApiMonitors;
import dev.tickr.api.ApiRoutes;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretBoxException;
import dev.tickr.auth.Users;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Problem;
import dev.tickr.config.StorageSpec;
import dev.tickr.daemon.Daemon;
import dev.tickr.daemon.Signals;
import dev.tickr.metrics.Metrics;
import dev.tickr.schedule.StallWatch;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.StoreException;
import dev.tickr.time.Durations;
import dev.tickr.time.Ticker;
import dev.tickr.ui.Dashboard;
import dev.tickr.web.StatusPages;
import dev.tickr.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr run}: the daemon, until SIGTERM, Ctrl-C or (run in-process) an interrupt of its
 * thread; exit 0 after a clean stop.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run every monitor on its interval, keep history, serve the dashboard.",
    footer = {
      "",
      "Without -c, ./tickr.yml is used when it exists. The file is reloaded when it changes and",
      "on SIGHUP; an invalid new file is rejected and the running config stays."
    })
final class RunCommand implements Callable<Integer> {
  /** Minute rollups are kept at most this long (day rollups as long as configured). */
  private static final Duration MINUTE_ROLLUPS = Duration.ofDays(30);

  private final Tickr tickr;
  private final Ticker ticker;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML config (default ./tickr.yml when present).")
  @Nullable Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where history and state live (default ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Address of the dashboard (default from the config, else 127.0.0.1:8080).")
  @Nullable String listen;

  @Option(
      names = "--stop-after",
      paramLabel = "DURATION",
      hidden = true,
      description = "Stop by itself after this long (start-up training, smoke tests).")
  @Nullable String stopAfter;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

  private final @Nullable ConfigPrefetch prefetch;

  /**
   * @param prefetch the config read ahead from the raw command line, if any
   */
  RunCommand(Tickr tickr, Ticker ticker, @Nullable ConfigPrefetch prefetch) {
    this.tickr = tickr;
    this.ticker = ticker;
    this.prefetch = prefetch;
  }

  @Override
  public Integer call() throws Exception {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    long begin = ticker.nanos();
    @Nullable Duration limit = null;
    if (stopAfter != null) {
      try {
        limit = Durations.parse(stopAfter);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--stop-after: " + e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader loader = ConfigPrefetch.loader(tickr);
    Path file = config;
    if (file == null && Files.exists(Path.of("tickr.yml"))) {
      file = Path.of("tickr.yml");
    }
    // What does not depend on the config is done now, while another core reads it (ConfigPrefetch).
    Metrics metrics = new Metrics();
    @Nullable CompletableFuture<Users.FirstAdminPlan> adminAhead =
        file == null ? null : FirstStart.planAhead(tickr.environment(), data);
    @Nullable CompletableFuture<SecretBox> boxAhead = SecretBox.loadAhead(tickr.environment());
    // The data directory is --data, or the config's storage.path when it has one: its database is
    // got ready on another core while the config is read (only where that changes nothing; see
    // SqliteStore.prepareAhead), unless the config may name another directory.
    boolean dataGiven = spec.commandLine().getParseResult().hasMatchedOption("--data");
    @Nullable CompletableFuture<SqliteStore.@Nullable Ahead> storeAhead =
        file == null ? null : prepareAhead(data, dataGiven ? null : file);
    Config loaded;
    String[] hostPort;
    long parsing = ticker.nanos();
    try {
      Config ahead = file == null || prefetch == null ? null : prefetch.take(file);
      loaded = file == null ? Config.EMPTY : ahead != null ? ahead : loader.load(file);
      hostPort = hostPort(listen == null ? loaded.server().listen() : listen);
    } catch (ConfigException | UsageException e) {
      discard(storeAhead);
      if (e instanceof ConfigException c) {
        for (Problem p : c.problems()) {
          err.println(p);
        }
        err.flush();
        return 2;
      }
      throw e;
    }
    StorageSpec storage = loaded.storage();
    Path fromConfig = dataGiven ? null : storage.path();
    Path dataDir = fromConfig != null ? fromConfig : data;
    Retention retention =
        new Retention(
            storage.rawRetention(),
            storage.rollupRetention().compareTo(MINUTE_ROLLUPS) < 0
                ? storage.rollupRetention()
                : MINUTE_ROLLUPS,
            storage.rollupRetention());

    long parsed = ticker.nanos();
    CountDownLatch stop = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Store store;
    if (fromConfig != null) {
      discard(storeAhead); // a guess at the default directory, and the config names another
      storeAhead = null;
    }
    try {
      SqliteStore.Ahead ahead = storeAhead == null ? null : storeAhead.join();
      store =
          ahead != null
              ? ahead.open(retention, tickr.clock(), metrics)
              : SqliteStore.open(dataDir, retention, tickr.clock(), metrics);
    } catch (StoreException | CompletionException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      throw new UsageException(
          (fromConfig != null ? "storage.path " + fromConfig : "--data " + data)
              + ": "
              + cause.getMessage());
    }
    Accounts accounts = new Accounts(store, tickr.clock());
    if (!FirstStart.admin(accounts, tickr.environment(), adminAhead, out, err)) {
      store.close();
      return 2;
    }
    SecretBox secretBox;
    try {
      secretBox =
          boxAhead != null
              ? SecretBox.await(boxAhead)
              : SecretBox.load(tickr.environment(), dataDir);
    } catch (SecretBoxException e) {
      err.println(e.getMessage());
      err.flush();
      store.close();
      return 2;
    }
    StallWatch stalls = StallWatch.start(ticker);
    {
      Daemon daemon =
          new Daemon(
              loaded,
              file,
              loader,
              store,
              tickr.checks(),
              tickr.judge(),
              tickr.clock(),
              ticker,
              tickr.waiter(),
              stalls,
              metrics::checked,
              tickr.notifiers(),
              tickr.waiter(),
              secretBox);
      ApiMonitors apiMonitors;
      try {
        apiMonitors = new ApiMonitors(store, secretBox, tickr.clock());
      } catch (SecretBoxException e) {
        err.println("monitors created through the API cannot be read: " + e.getMessage());
        err.flush();
        store.close();
        return 2;
      }
      daemon.layer(apiMonitors);
      ApiRoutes api =
          new ApiRoutes(daemon, store, apiMonitors, accounts, tickr.notifiers(), tickr.clock());
      StatusPages statusPages =
          new StatusPages(daemon::config, daemon.tracker(), store, tickr.clock());
      daemon.listenCertificates(metrics::certificate);
      metrics.watch(
          Metrics.Sources.of(
              () -> daemon.tracker().snapshot(),
              () -> daemon.scheduler().inFlight(),
              daemon::channelHealth));
      metrics.watchConnectivity(daemon.connectivity()::state);
      Dashboard dashboard = new Dashboard(daemon, store, apiMonitors, tickr.clock());
      WebServer web =
          new WebServer(
              daemon.pings(),
              metrics,
              () -> daemon.config().server(),
              accounts,
              javalin -> {
                api.install(javalin);
                statusPages.install(javalin);
                dashboard.install(javalin);
              });
      Runnable shutdown =
          () -> {
            if (closed.compareAndSet(false, true)) {
              web.close();
              daemon.close();
              stalls.close();
              store.close();
            }
          };
      Thread hook = new Thread(shutdown, "tickr-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      Signals.on("TERM", stop::countDown);
      Signals.on("INT", stop::countDown);
      Signals.on("HUP", daemon::reload);
      long opened = ticker.nanos();
      // The web server first: by the time a check can alert, the dashboard it links to is up.
      int port = web.start(hostPort[0], Integer.parseInt(hostPort[1]));
      tickr.checks().ready(); // no first check's deadline pays for Tickr's own set-up
      long daemonStart = ticker.nanos();
      daemon.start();
      long started = ticker.nanos();
      LOG.info(
          "started monitors={} inMs={} configMs={} storeMs={} webMs={} daemonMs={}",
          loaded.monitors().size(),
          (started - begin) / 1_000_000,
          (parsed - parsing) / 1_000_000,
          (opened - parsed) / 1_000_000,
          (daemonStart - opened) / 1_000_000,
          (started - daemonStart) / 1_000_000);
      out.printf(
          "Tickr %s is watching %d monitor%s%s; data in %s%n",
          Tickr.version(),
          loaded.monitors().size(),
          loaded.monitors().size() == 1 ? "" : "s",
          file == null ? " (no tickr.yml found)" : " from " + file,
          dataDir);
      out.printf("Dashboard: http://%s:%d/%n", hostPort[0], port);
      out.flush();
      boolean interrupted = false;
      try {
        if (limit == null) {
          stop.await();
        } else {
          var unused = stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        // Whoever runs Tickr in-process (an embedding, a test) asks it to stop: a clean stop, as
        // for SIGTERM, with the interrupt kept for the caller once everything is closed.
        interrupted = true;
      }
      shutdown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or ran; nothing to undo
      }
      out.println("Tickr stopped.");
      out.flush();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /**
   * The data directory's database got ready on its own thread; null inside when it must wait.
   *
   * @param config when not null, nothing is done if this config could name another directory
   */
  private static CompletableFuture<SqliteStore.@Nullable Ahead> prepareAhead(
      Path dataDir, @Nullable Path config) {
    CompletableFuture<SqliteStore.@Nullable Ahead> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("tickr-store-ahead")
        .start(
            () -> {
              try {
                result.complete(
                    config != null && mayNameStorage(config)
                        ? null
                        : SqliteStore.prepareAhead(dataDir));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /**
   * Whether a config could set {@code storage.path}: the word is in it (a YAML key is written out,
   * even one an anchor brings in). When unsure, yes.
   */
  private static boolean mayNameStorage(Path config) {
    try {
      return new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1)
          .contains("storage");
    } catch (IOException e) {
      return true;
    }
  }

  /** The daemon is not starting: what was made ahead for it goes again. */
  private static void discard(@Nullable CompletableFuture<SqliteStore.@Nullable Ahead> ahead) {
    if (ahead == null) {
      return;
    }
    try {
      SqliteStore.Ahead made = ahead.join();
      if (made != null) {
        made.discard();
      }
    } catch (CompletionException e) {
      // it failed and removed what it had made; the config's problems are what to report
    }
  }

  private static String[] hostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new UsageException("--listen: expected HOST:PORT, got \"" + value + "\"");
    }
    String port = value.substring(colon + 1);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new UsageException("--listen: not a port: \"" + port + "\"");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, port};
  }
}

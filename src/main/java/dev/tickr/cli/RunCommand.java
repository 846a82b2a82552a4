package dev.tickr.cli;

import dev.tickr.Assembly;
import dev.tickr.Tickr;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretBoxException;
import dev.tickr.auth.Users;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Problem;
import dev.tickr.config.StorageSpec;
import dev.tickr.daemon.Signals;
import dev.tickr.metrics.Metrics;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.StoreException;
import dev.tickr.time.Durations;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
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
      description = "YAML config (default $TICKR_CONFIG, else ./tickr.yml when present).")
  @Nullable Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where history and state live (default $TICKR_DATA, else ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description =
          "Address of the dashboard (default $TICKR_LISTEN, else from the config, else"
              + " 127.0.0.1:8080).")
  @Nullable String listen;

  @picocli.CommandLine.Mixin LogOptions logs = new LogOptions();
  @picocli.CommandLine.Mixin NodeOptions nodes = new NodeOptions();

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
    logs.apply(this::named);
    @Nullable Duration limit = stopAfter();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    nodes.apply(out);
    ConfigLoader loader = ConfigPrefetch.loader(tickr);
    Path file = config != null ? config : ConfigPrefetch.defaultFile();
    // What does not depend on the config is done now, while another core reads it (ConfigPrefetch).
    Metrics metrics = new Metrics();
    @Nullable CompletableFuture<Users.FirstAdminPlan> adminAhead =
        file == null ? null : FirstStart.planAhead(tickr.environment(), data);
    @Nullable CompletableFuture<SecretBox> boxAhead = SecretBox.loadAhead(tickr.environment());
    // The data directory is --data, or the config's storage.path when it has one: its database is
    // got ready on another core while the config is read (only where that changes nothing; see
    // SqliteStore.prepareAhead), unless the config may name another directory.
    boolean dataGiven =
        spec.commandLine().getParseResult().hasMatchedOption("--data")
            || EnvironmentDefaults.given(tickr.environment(), "--data");
    @Nullable CompletableFuture<SqliteStore.@Nullable Ahead> storeAhead =
        file == null ? null : prepareAhead(data, dataGiven ? null : file);
    Config loaded;
    String[] hostPort;
    long parsing = ticker.nanos();
    try {
      Config ahead = file == null || prefetch == null ? null : prefetch.take(file);
      loaded = file == null ? Config.EMPTY : ahead != null ? ahead : loader.load(file);
      hostPort =
          hostPort(
              listen == null ? loaded.server().listen() : listen,
              listen == null ? "server.listen" : named("--listen"));
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
    boolean fromConfig = !dataGiven && loaded.storage().path() != null;
    Path dataDir = fromConfig ? Objects.requireNonNull(loaded.storage().path()) : data;
    long parsed = ticker.nanos();
    Store store = openStore(loaded.storage(), dataDir, fromConfig, storeAhead, metrics);
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
    {
      Assembly tickrRun;
      try {
        tickrRun =
            new Assembly(tickr, ticker, loaded, file, loader, store, accounts, secretBox, metrics);
      } catch (SecretBoxException e) {
        err.println("monitors created through the API cannot be read: " + e.getMessage());
        err.flush();
        store.close();
        return 2;
      }
      return serve(
          tickrRun,
          store,
          hostPort,
          limit,
          out,
          "Tickr %s is watching %d monitor%s%s; data in %s%n"
              .formatted(
                  Tickr.version(),
                  loaded.monitors().size(),
                  loaded.monitors().size() == 1 ? "" : "s",
                  file == null ? " (no tickr.yml found)" : " from " + file,
                  dataDir),
          loaded.monitors().size(),
          new long[] {begin, parsing, parsed});
    }
  }

  /** {@code --stop-after}, or {@code null} when not given. */
  private @Nullable Duration stopAfter() {
    if (stopAfter == null) {
      return null;
    }
    try {
      return Durations.parse(stopAfter);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--stop-after: " + e.getMessage());
    }
  }

  /**
   * Opens the data directory's store: the one got ready ahead when it is the right directory, else
   * anew.
   *
   * @param fromConfig the directory is the config's {@code storage.path}, not {@code --data}
   */
  private Store openStore(
      StorageSpec storage,
      Path dataDir,
      boolean fromConfig,
      @Nullable CompletableFuture<SqliteStore.@Nullable Ahead> storeAhead,
      Metrics metrics) {
    Retention retention =
        new Retention(
            storage.rawRetention(),
            storage.rollupRetention().compareTo(MINUTE_ROLLUPS) < 0
                ? storage.rollupRetention()
                : MINUTE_ROLLUPS,
            storage.rollupRetention());
    if (fromConfig) {
      discard(storeAhead); // a guess at the default directory, and the config names another
      storeAhead = null;
    }
    try {
      SqliteStore.Ahead ahead = storeAhead == null ? null : storeAhead.join();
      return ahead != null
          ? ahead.open(retention, tickr.clock(), metrics)
          : SqliteStore.open(dataDir, retention, tickr.clock(), metrics);
    } catch (StoreException | CompletionException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      throw new UsageException(
          (fromConfig ? "storage.path " + dataDir : named("--data") + " " + data)
              + ": "
              + cause.getMessage());
    }
  }

  /**
   * Starts serving and monitoring, and runs until asked to stop (a signal, an interrupt, or {@code
   * --stop-after}); then closes everything, the store last.
   *
   * @param times when the command began, the config's reading began and ended (ticker nanos)
   * @return the exit code
   */
  private int serve(
      Assembly tickrRun,
      Store store,
      String[] hostPort,
      @Nullable Duration limit,
      PrintWriter out,
      String watching,
      int monitors,
      long[] times) {
    CountDownLatch stop = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable shutdown =
        () -> {
          if (closed.compareAndSet(false, true)) {
            tickrRun.close();
            store.close();
          }
        };
    Thread hook = new Thread(shutdown, "tickr-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Signals.on("TERM", stop::countDown);
    Signals.on("INT", stop::countDown);
    Signals.on("HUP", tickrRun::reload);
    long opened = ticker.nanos();
    Assembly.Started up = tickrRun.start(hostPort[0], Integer.parseInt(hostPort[1]));
    long started = ticker.nanos();
    LOG.info(
        "started monitors={} inMs={} configMs={} storeMs={} webMs={} daemonMs={}",
        monitors,
        (started - times[0]) / 1_000_000,
        (times[2] - times[1]) / 1_000_000,
        (opened - times[2]) / 1_000_000,
        up.webNanos() / 1_000_000,
        up.daemonNanos() / 1_000_000);
    out.print(watching);
    out.printf("Dashboard: http://%s:%d/%n", hostPort[0], up.port());
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

  /**
   * How a problem names where an option's value came from: the flag, or the environment variable
   * that stood in for it.
   */
  private String named(String option) {
    boolean flag = spec != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    return flag ? option : EnvironmentDefaults.VARIABLES.getOrDefault(option, option);
  }

  private static String[] hostPort(String value, String from) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new UsageException(from + ": expected HOST:PORT, got \"" + value + "\"");
    }
    String port = value.substring(colon + 1);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new UsageException(from + ": not a port: \"" + port + "\"");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, port};
  }
}

package dev.tickr.cli;

import dev.tickr.Assembly;
import dev.tickr.Tickr;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretBoxException;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Problem;
import dev.tickr.daemon.Signals;
import dev.tickr.metrics.Metrics;
import dev.tickr.simulator.demo.Demo;
import dev.tickr.simulator.demo.Pace;
import dev.tickr.simulator.demo.Terminal;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.StoreException;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr demo}: a simulated affiliate network on loopback, watched by a Tickr daemon with
 * platform presets, whose alerts the demo's webhook receiver prints; incidents are played by a
 * script. Runs until Ctrl-C or SIGTERM (or, in-process, an interrupt of its thread); leaves nothing
 * outside its data directory, and without {@code --data} not even that.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Watch a simulated affiliate network on 127.0.0.1 with platform presets; incidents are"
            + " played every minute or two and their alerts printed here. Ctrl-C stops it.",
    footer = {
      "",
      "Nothing leaves this machine: the simulated platforms, the tracker, the webhook receiver",
      "and the dashboard all listen on 127.0.0.1. Without --data, everything is kept in a",
      "temporary directory removed when the demo stops."
    })
final class DemoCommand implements Callable<Integer> {
  private static final int DEFAULT_PORT = 8080;

  private final Tickr tickr;
  private final Ticker ticker;
  private final CountDownLatch stop = new CountDownLatch(1);
  private boolean interrupted;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Keep the demo's config, history and users here (default: a temporary one).")
  @Nullable Path data;

  @Option(
      names = "--listen",
      paramLabel = "[127.0.0.1:]PORT",
      description =
          "Port of the dashboard, on 127.0.0.1 (default 8080, or a free one when 8080 is taken).")
  @Nullable String listen;

  @Option(
      names = "--speed",
      paramLabel = "N",
      description = "Play everything N times faster (default 1; monitors check at most every 1s).")
  int speed = 1;

  @Option(
      names = "--once",
      hidden = true,
      description = "Play the incident script once, then say how it went (tests).")
  boolean once;

  DemoCommand(Tickr tickr, Ticker ticker) {
    this.tickr = tickr;
    this.ticker = ticker;
  }

  @Override
  public Integer call() throws Exception {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (speed < 1) {
      throw new UsageException("--speed: must be a whole number of at least 1, got " + speed);
    }
    int port = port();
    boolean temporary = data == null;
    Path dir = data != null ? data : Files.createTempDirectory("tickr-demo-");
    // Where signals cannot be caught, Ctrl-C still stops the demo cleanly: the hook asks it to
    // stop and waits (a while) for it to have closed everything and removed its directory.
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                var unused = done.await(10, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tickr-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Files.createDirectories(dir);
      return demo(dir, port, out, err);
    } finally {
      if (temporary) {
        delete(dir);
      }
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs: it is waiting for this
      }
      out.println("Tickr demo stopped.");
      out.flush();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private int demo(Path dir, int port, PrintWriter out, PrintWriter err) throws Exception {
    Terminal terminal = new Terminal(out, tickr.clock());
    try (Demo demo = Demo.start(Pace.of(speed), once, terminal, tickr.clock())) {
      Path file = dir.resolve("tickr.yml");
      Files.writeString(file, demo.config(port));
      ConfigLoader loader = ConfigPrefetch.loader(tickr);
      Config config;
      try {
        config = loader.load(file);
      } catch (ConfigException e) {
        // The demo's own config is wrong: a bug, shown as any config problem is.
        for (Problem p : e.problems()) {
          err.println(p);
        }
        err.flush();
        return 1;
      }
      Metrics metrics = new Metrics();
      Store store;
      try {
        store = SqliteStore.open(dir, Retention.defaults(), tickr.clock(), metrics);
      } catch (StoreException e) {
        throw new UsageException("--data " + dir + ": " + e.getMessage());
      }
      try {
        Accounts accounts = new Accounts(store, tickr.clock());
        if (!FirstStart.admin(accounts, tickr.environment(), null, out, err)) {
          return 2;
        }
        SecretBox box = SecretBox.load(tickr.environment(), dir);
        try (Assembly tickrRun =
            new Assembly(tickr, ticker, config, file, loader, store, accounts, box, metrics)) {
          return serve(tickrRun, demo, dir, port, out);
        }
      } catch (SecretBoxException e) {
        err.println("demo: " + e.getMessage());
        err.flush();
        return 2;
      } finally {
        store.close();
      }
    }
  }

  private int serve(Assembly tickrRun, Demo demo, Path dir, int port, PrintWriter out) {
    Signals.on("TERM", stop::countDown);
    Signals.on("INT", stop::countDown);
    Assembly.Started up = tickrRun.start("127.0.0.1", port);
    if (listen == null && up.port() != DEFAULT_PORT) {
      out.printf(
          "Port %d is taken: the dashboard listens on %d instead.%n", DEFAULT_PORT, up.port());
    }
    out.printf(
        "Tickr %s demo: simulated %s on %s; config and data in %s%s%n",
        Tickr.version(),
        String.join(", ", demo.platforms()),
        demo.url(),
        dir,
        data == null ? " (removed on exit)" : "");
    out.printf("Dashboard: http://127.0.0.1:%d/  (user admin)%n", up.port());
    out.println("Alerts are printed below as Tickr's webhook sends them. Ctrl-C stops the demo.");
    out.flush();
    demo.play();
    try {
      stop.await();
    } catch (InterruptedException e) {
      // Run in-process and asked to stop, as for SIGTERM: the interrupt is kept for the caller
      // once everything is closed (closing waits for threads to end).
      interrupted = true;
    }
    demo.close();
    return 0;
  }

  /**
   * The port to listen on: {@code --listen}'s, else 8080 when free, else one the system finds free
   * (known before Tickr starts, so that the config and the alerts' links name it).
   */
  private int port() {
    if (listen != null) {
      String value = listen;
      int colon = value.lastIndexOf(':');
      if (colon >= 0) {
        String host = value.substring(0, colon);
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
          throw new UsageException(
              "--listen: the demo listens on 127.0.0.1 only, got \"" + host + "\"");
        }
        value = value.substring(colon + 1);
      }
      if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
        throw new UsageException("--listen: not a port: \"" + value + "\"");
      }
      int port = Integer.parseInt(value);
      return port == 0 ? free(0) : port;
    }
    try {
      return free(DEFAULT_PORT);
    } catch (UncheckedIOException taken) {
      return free(0);
    }
  }

  /** {@code port} if it is free on 127.0.0.1, or a free one for {@code 0}. */
  private static int free(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the temporary directory and everything in it. */
  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the demo's directory " + dir, e);
    }
  }
}

package dev.tickr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tickr.testing.MisbehavingServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The soak with faults: {@code tickr run} (a separate process, as users run it) with N monitors for
 * a long time against loopback targets that flap, hang, trickle bytes, send 50 MB bodies, loop
 * redirects and cut answers short, while the webhook receiver goes down for minutes and comes back,
 * the config is rewritten every minute, and the daemon is killed with SIGKILL at random moments in
 * the first 60% of the run and restarted at once. The last 40% runs without kills, to see memory
 * over a long stretch of one process.
 *
 * <p>Afterwards it compares Tickr's database with what the targets and the receiver saw: every
 * incident the flapping targets' own request logs imply (a run of at least failure-threshold failed
 * answers) must exist exactly once, each always-failing monitor has exactly one incident, an
 * always-healthy one none; every notification Tickr's outbox says it delivered reached the
 * receiver, and how many arrived more than once (the receiver deduplicates on {@code
 * Idempotency-Key}); the scheduling lateness of checks planned outside the restarts; RSS over time.
 *
 * <p>Arguments: {@code --tickr CMD --scratch DIR [--minutes 30] [--monitors 5000] [--interval 10]
 * [--seed 1]}; CMD is the {@code tickr} launcher. Prints a report and one JSON line.
 */
public final class Soak {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  static final int FAILURE_THRESHOLD = 2;
  private static final int BIG_BODY = 50 * 1024 * 1024;

  private Soak() {}

  /** What a monitor's target does. */
  enum Kind {
    UP,
    FLAP,
    HANG,
    TRICKLE,
    BIG,
    LOOP,
    CUT;

    String path() {
      return "/" + name().toLowerCase(Locale.ROOT) + "/";
    }

    /** Whether Tickr must see every check of it fail (one incident, open the whole run). */
    boolean alwaysFails() {
      return this == HANG || this == TRICKLE || this == LOOP || this == CUT;
    }
  }

  record Monitor(String name, Kind kind, String url) {}

  /** One answer a flapping target gave: when (epoch ms) and whether it was a success. */
  record Served(long at, boolean ok) {}

  /**
   * A daemon's life: when it was started, ready ("Dashboard:") and killed or stopped (epoch ms).
   */
  record Life(long started, long ready, long ended, boolean killed) {}

  record Settings(
      String tickr, Path scratch, int minutes, int monitors, int intervalSeconds, long seed) {
    static Settings parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        a.put(args[i], args[i + 1]);
      }
      if (!a.containsKey("--tickr") || !a.containsKey("--scratch")) {
        throw new IllegalArgumentException("usage: Soak --tickr CMD --scratch DIR [--minutes M]");
      }
      return new Settings(
          a.get("--tickr"),
          Path.of(a.get("--scratch")),
          Integer.parseInt(a.getOrDefault("--minutes", "30")),
          Integer.parseInt(a.getOrDefault("--monitors", "5000")),
          Integer.parseInt(a.getOrDefault("--interval", "10")),
          Long.parseLong(a.getOrDefault("--seed", "1")));
    }

    long runMillis() {
      return minutes * 60_000L;
    }
  }

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      soak(Settings.parse(args));
      status = 0;
    } finally {
      System.exit(status); // no server thread of a failed run lingers
    }
  }

  private static void soak(Settings s) throws Exception {
    Files.createDirectories(s.scratch());
    long t0 = System.currentTimeMillis();
    Random random = new Random(s.seed());
    try (Targets targets = new Targets(t0, s);
        MisbehavingServer hang = MisbehavingServer.acceptsAndNeverAnswers();
        MisbehavingServer trickle = MisbehavingServer.tricklesBodyForever()) {
      Receiver receiver = new Receiver();
      List<Monitor> monitors = targets.monitors(s.monitors(), hang, trickle);
      Path config = s.scratch().resolve("tickr.yml");
      writeConfig(config, monitors, receiver.port(), s.intervalSeconds(), 0);
      Daemon daemon = new Daemon(s);
      Runtime.getRuntime().addShutdownHook(new Thread(daemon::forget)); // a failed run kills it
      List<Life> lives = new ArrayList<>();
      List<long[]> rss = new ArrayList<>();

      long end = t0 + s.runMillis();
      long killUntil = t0 + s.runMillis() * 6 / 10;
      long nextKill = t0 + gap(random, s);
      long nextReload = t0 + 60_000;
      long[][] receiverDown = {
        {t0 + s.runMillis() / 4, t0 + s.runMillis() / 4 + outage(s)},
        {t0 + s.runMillis() * 55 / 100, t0 + s.runMillis() * 55 / 100 + outage(s)}
      };
      int reloads = 0;
      long nextSample = t0;
      daemon.start();
      log(
          String.format(
              Locale.ROOT,
              "soak: %d monitors, %d min, interval %ds",
              monitors.size(),
              s.minutes(),
              s.intervalSeconds()));
      while (System.currentTimeMillis() < end) {
        long now = System.currentTimeMillis();
        if (now >= nextSample) {
          rss.add(new long[] {now, daemon.rssKib(), daemon.pid()});
          nextSample = now + 15_000;
        }
        for (long[] down : receiverDown) {
          if (now >= down[0] && now < down[1] && receiver.up()) {
            receiver.stop();
            log("receiver down");
          } else if (now >= down[1] && !receiver.up() && !within(now, receiverDown)) {
            receiver.start();
            log("receiver back");
          }
        }
        if (now >= nextReload) {
          reloads++;
          writeConfig(config, monitors, receiver.port(), s.intervalSeconds(), reloads);
          nextReload += 60_000;
        }
        if (now >= nextKill && now < killUntil) {
          lives.add(daemon.kill());
          log("killed (SIGKILL); restarting");
          daemon.start();
          nextKill = System.currentTimeMillis() + gap(random, s);
        }
        Thread.sleep(250);
      }
      if (!receiver.up()) {
        receiver.start();
      }
      log("run over; waiting for the outbox to drain");
      Path db = s.scratch().resolve("data/tickr.db");
      drain(db, Duration.ofMinutes(3));
      lives.add(daemon.stop());
      receiver.stop();
      StringBuilder served = new StringBuilder("monitor,at_ms,ok\n");
      targets.served.forEach(
          (name, answers) -> {
            synchronized (answers) {
              answers.forEach(
                  a ->
                      served
                          .append(name)
                          .append(',')
                          .append(a.at())
                          .append(',')
                          .append(a.ok())
                          .append('\n'));
            }
          });
      Files.writeString(s.scratch().resolve("flap-served.csv"), served);
      SoakReport report = SoakReport.build(s, db, monitors, targets, receiver, lives, rss, reloads);
      System.out.println(report.text());
      System.out.println(report.json());
      Files.writeString(s.scratch().resolve("soak.json"), report.json() + "\n");
    }
  }

  private static long gap(Random random, Settings s) {
    long lo = s.runMillis() / 10;
    long hi = s.runMillis() * 23 / 100;
    return lo + (long) (random.nextDouble() * (hi - lo));
  }

  private static long outage(Settings s) {
    return Math.min(Duration.ofMinutes(3).toMillis(), s.runMillis() / 10);
  }

  private static boolean within(long now, long[][] windows) {
    for (long[] w : windows) {
      if (now >= w[0] && now < w[1]) {
        return true;
      }
    }
    return false;
  }

  static void log(String message) {
    System.err.printf("%tT %s%n", System.currentTimeMillis(), message);
  }

  /**
   * The config: every monitor, plus 100 "churn" monitors present in even-numbered versions only, so
   * that each reload adds or removes some; written to a temporary file and moved into place.
   */
  static void writeConfig(
      Path file, List<Monitor> monitors, int hookPort, int interval, int version)
      throws IOException {
    StringBuilder y = new StringBuilder(monitors.size() * 80);
    y.append("# version ").append(version).append('\n');
    y.append("defaults:\n  interval: ").append(interval).append("s\n  timeout: 5s\n");
    y.append("  failure-threshold: ").append(FAILURE_THRESHOLD).append('\n');
    y.append("  alerts: [hook]\nmonitors:\n");
    for (Monitor m : monitors) {
      y.append("  - {name: ").append(m.name()).append(", url: \"").append(m.url()).append("\"}\n");
    }
    if (version % 2 == 0) {
      String up =
          monitors.stream().filter(m -> m.kind() == Kind.UP).findFirst().orElseThrow().url();
      for (int i = 0; i < 100; i++) {
        y.append("  - {name: churn-").append(i).append(", url: \"").append(up).append("\"}\n");
      }
    }
    y.append("channels:\n  - name: hook\n    type: webhook\n    url: http://127.0.0.1:")
        .append(hookPort)
        .append("/hook\n    retry-for: 1h\n");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, y);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Waits until no notification is pending in the outbox, or the bound has passed. */
  static void drain(Path db, Duration bound) throws Exception {
    long until = System.currentTimeMillis() + bound.toMillis();
    while (System.currentTimeMillis() < until) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
          Statement st = c.createStatement();
          ResultSet r =
              st.executeQuery(
                  "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending')"
                      + " + (SELECT count(*) FROM alerts WHERE outbox_id IS NULL)")) {
        if (r.next() && r.getLong(1) == 0) {
          return;
        }
      } catch (SQLException e) {
        // the database is busy: look again
      }
      Thread.sleep(1000);
    }
    log(String.format(Locale.ROOT, "the outbox still had pending notifications after %s", bound));
  }

  /** The loopback targets; flapping ones log every answer. */
  static final class Targets implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final long t0;
    private final long period;
    private final long downFor;
    private final Map<String, Long> phases = new ConcurrentHashMap<>();
    final Map<String, List<Served>> served = new ConcurrentHashMap<>();

    Targets(long t0, Settings s) throws IOException {
      this.t0 = t0;
      // Down for 9 intervals in every 36: well under the default flap damping (5 changes in 10m).
      this.period = 36_000L * s.intervalSeconds();
      this.downFor = 9_000L * s.intervalSeconds();
      server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 1024);
      server.setExecutor(threads);
      server.createContext("/", this::serve);
      server.start();
    }

    List<Monitor> monitors(int n, MisbehavingServer hang, MisbehavingServer trickle) {
      Random random = new Random(42);
      Map<Kind, Integer> counts = new LinkedHashMap<>();
      counts.put(Kind.FLAP, n * 16 / 100);
      for (Kind k : List.of(Kind.HANG, Kind.TRICKLE, Kind.LOOP, Kind.CUT)) {
        counts.put(k, Math.max(1, n / 100));
      }
      counts.put(Kind.BIG, Math.max(1, n / 250));
      int rest = n - counts.values().stream().mapToInt(Integer::intValue).sum();
      counts.put(Kind.UP, rest);
      List<Monitor> out = new ArrayList<>();
      for (Map.Entry<Kind, Integer> e : counts.entrySet()) {
        Kind k = e.getKey();
        for (int i = 0; i < e.getValue(); i++) {
          String name = k.name().toLowerCase(Locale.ROOT) + "-" + i;
          String url =
              switch (k) {
                case HANG -> hang.url("/" + name).toString();
                case TRICKLE -> trickle.url("/" + name).toString();
                default -> "http://127.0.0.1:" + server.getAddress().getPort() + k.path() + name;
              };
          if (k == Kind.FLAP) {
            phases.put(name, (long) (random.nextDouble() * period));
            served.put(name, Collections.synchronizedList(new ArrayList<>()));
          }
          out.add(new Monitor(name, k, url));
        }
      }
      return out;
    }

    boolean flapDown(String name, long at) {
      return Math.floorMod(at - t0 + phases.getOrDefault(name, 0L), period) < downFor;
    }

    private void serve(HttpExchange x) throws IOException {
      try (x) {
        x.getRequestBody().readAllBytes();
        String path = x.getRequestURI().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith(Kind.UP.path())) {
          send(x, 200, "{\"ok\":true}");
        } else if (path.startsWith(Kind.FLAP.path())) {
          long now = System.currentTimeMillis();
          boolean down = flapDown(name, now);
          List<Served> log = served.get(name);
          if (log != null) {
            log.add(new Served(now, !down));
          }
          send(x, down ? 503 : 200, down ? "{\"error\":\"maintenance\"}" : "{\"ok\":true}");
        } else if (path.startsWith(Kind.LOOP.path())) {
          x.getResponseHeaders().set("Location", path + "?again");
          x.sendResponseHeaders(302, -1);
        } else if (path.startsWith(Kind.CUT.path())) {
          x.sendResponseHeaders(200, 10_000);
          x.getResponseBody().write(new byte[100]);
          x.getResponseBody().flush();
          throw new IOException("cut short on purpose"); // closes the connection mid-body
        } else if (path.startsWith(Kind.BIG.path())) {
          x.sendResponseHeaders(200, BIG_BODY);
          byte[] chunk = new byte[64 * 1024];
          OutputStream out = x.getResponseBody();
          for (int sent = 0; sent < BIG_BODY; sent += chunk.length) {
            out.write(chunk); // throws once the client has read enough and gone
          }
        } else {
          send(x, 404, "no such target");
        }
      } catch (IOException e) {
        // the client went away, or a cut answer: nothing to do
      }
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  /**
   * The webhook receiver: answers in well under a millisecond, counts each notification by its
   * {@code Idempotency-Key}, and can be taken down (its port then refuses connections) and back up
   * on the same port.
   */
  static final class Receiver {
    private final int port;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable HttpServer server;
    final Map<String, Integer> byKey = new ConcurrentHashMap<>();
    final Map<String, String> eventByKey = new ConcurrentHashMap<>();

    Receiver() throws IOException {
      server = bind(0);
      port = server.getAddress().getPort();
      server.start();
    }

    private HttpServer bind(int at) throws IOException {
      HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, at), 1024);
      s.setExecutor(threads);
      s.createContext("/hook", this::hook);
      return s;
    }

    private void hook(HttpExchange x) throws IOException {
      try (x;
          InputStream in = x.getRequestBody()) {
        byte[] body = in.readAllBytes();
        String key = x.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null) {
          byKey.merge(key, 1, Integer::sum);
          JsonNode json = JSON.readTree(body);
          eventByKey.putIfAbsent(key, json.path("event").asText());
        }
        send(x, 200, "{}");
      }
    }

    int port() {
      return port;
    }

    synchronized boolean up() {
      return server != null;
    }

    synchronized void stop() {
      if (server != null) {
        server.stop(0);
        server = null;
      }
    }

    synchronized void start() throws IOException {
      if (server == null) {
        server = bind(port);
        server.start();
      }
    }
  }

  /** The {@code tickr run} process. */
  static final class Daemon {
    private final Settings s;
    private @Nullable Process process;
    private long started;
    private long ready;

    Daemon(Settings s) {
      this.s = s;
    }

    void start() throws Exception {
      Path out = s.scratch().resolve("tickr.out");
      started = System.currentTimeMillis();
      long mark = Files.exists(out) ? Files.size(out) : 0;
      ProcessBuilder builder =
          new ProcessBuilder(
                  s.tickr(),
                  "run",
                  "-c",
                  s.scratch().resolve("tickr.yml").toString(),
                  "--data",
                  s.scratch().resolve("data").toString(),
                  "--listen",
                  "127.0.0.1:0")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
      // The live heap (after each collection) of every daemon, in gc-<pid>.log.
      builder
          .environment()
          .merge(
              "TICKR_JAVA_OPTS",
              "-Xlog:gc:file=" + s.scratch().resolve("gc-%p.log") + ":uptime",
              (a, b) -> a + " " + b);
      Process p = builder.start();
      process = p;
      long until = started + 120_000;
      while (System.currentTimeMillis() < until) {
        byte[] all = Files.readAllBytes(out);
        String since = new String(all, (int) mark, all.length - (int) mark, StandardCharsets.UTF_8);
        if (since.contains("Dashboard:")) {
          ready = System.currentTimeMillis();
          log(
              String.format(
                  Locale.ROOT, "daemon ready in %d ms (pid %d)", ready - started, p.pid()));
          return;
        }
        if (!p.isAlive()) {
          throw new IllegalStateException("tickr run ended at start; see " + out);
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("tickr run not ready within 2 minutes; see " + out);
    }

    Life kill() throws InterruptedException {
      Process p = running();
      p.destroyForcibly(); // SIGKILL
      p.waitFor();
      return new Life(started, ready, System.currentTimeMillis(), true);
    }

    Life stop() throws InterruptedException {
      Process p = running();
      p.destroy(); // SIGTERM: a clean stop
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new Life(started, ready, System.currentTimeMillis(), false);
    }

    private Process running() {
      if (process == null) {
        throw new IllegalStateException("not started");
      }
      return process;
    }

    long pid() {
      return running().pid();
    }

    /** Kills the daemon if it still runs. */
    void forget() {
      Process p = process;
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }

    long rssKib() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process just ended
      }
      return -1;
    }
  }
}

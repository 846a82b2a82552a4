package dev.tickr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.Tickr;
import dev.tickr.cli.Main;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Alert latency: from the end of the failing check that crosses a monitor's failure threshold to
 * the moment a webhook receiver has the DOWN alert. Runs {@code tickr run} in this process with M
 * http monitors (1 s interval, threshold 2) against a loopback target that goes down and up R
 * times, and a webhook channel to a loopback receiver; then reads each incident's crossing check
 * from Tickr's database. The machine's floor, measured in the same run: one POST to the same
 * receiver over loopback.
 *
 * <p>Arguments: {@code [monitors=20] [rounds=10]}, or {@code mass [monitors=2000] [seconds=60]
 * [split|fast]} for the mass failure ({@link #mass}). Prints a summary and one JSON line.
 */
public final class AlertLatency {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HALF = Duration.ofSeconds(4);

  private AlertLatency() {}

  /** {@code tickr run} in this process on its own thread, stopping after {@code stopAfter}. */
  private static Thread run(
      Path config, Path dir, Duration stopAfter, StringWriter out, StringWriter err) {
    return Thread.ofPlatform()
        .start(
            () ->
                Main.run(
                    new Tickr(System.getenv(), Clock.systemUTC(), Ticker.system()),
                    Ticker.system(),
                    new PrintWriter(out),
                    new PrintWriter(err),
                    "run",
                    "-c",
                    config.toString(),
                    "--data",
                    dir.resolve("data").toString(),
                    "--listen",
                    "127.0.0.1:0",
                    "--stop-after",
                    stopAfter.toSeconds() + "s"));
  }

  /** When the receiver had each (monitor, incident)'s DOWN, in epoch microseconds. */
  private record Receipt(String monitor, long incident, long atMicros) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("mass")) {
      mass(
          args.length > 1 ? Integer.parseInt(args[1]) : 2000,
          Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60),
          args.length <= 3 || !args[3].equals("fast"));
      return;
    }
    int monitors = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("tickr-alert-latency");
    AtomicBoolean up = new AtomicBoolean(true);
    List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> duplicates = new ConcurrentHashMap<>();
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer receiver = TestHttpServer.plain()) {
      for (int i = 0; i < monitors; i++) {
        target.route("/m/" + i, r -> Reply.status(up.get() ? 200 : 500).text("state"));
      }
      receiver.route(
          "/hook",
          r -> {
            long at = micros(Instant.now());
            JsonNode body = JSON.readTree(r.body());
            if (body.path("event").asText().equals("down")) {
              for (JsonNode one : alerts(body)) {
                String m = one.at("/monitor/name").asText();
                long id = one.at("/incident/id").asLong();
                receipts.add(new Receipt(m, id, at));
                duplicates.merge(m + "#" + id, 1L, Long::sum);
              }
            }
            return Reply.status(200).text("ok");
          });
      receiver.route("/floor", r -> Reply.status(200).text("ok"));
      List<Double> floor = floor(receiver.url("/floor"));

      Path config = dir.resolve("tickr.yml");
      StringBuilder yaml = new StringBuilder();
      yaml.append("defaults:\n  interval: 1s\n  timeout: 500ms\n  failure-threshold: 2\n")
          .append("  flapping: {changes: 0}\n  alerts: [hook]\nmonitors:\n");
      for (int i = 0; i < monitors; i++) {
        yaml.append("  - name: m").append(i).append("\n    url: ");
        yaml.append(target.url("/m/" + i)).append('\n');
      }
      yaml.append("channels:\n  - {name: hook, type: webhook, url: ")
          .append(receiver.url("/hook"))
          .append("}\n");
      Files.writeString(config, yaml.toString());

      Duration total = HALF.multipliedBy(2L * rounds + 1);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Thread tickr = run(config, dir, total.plusSeconds(2), out, err);
      TimeUnit.MILLISECONDS.sleep(HALF.toMillis());
      for (int round = 0; round < rounds; round++) {
        up.set(false);
        TimeUnit.MILLISECONDS.sleep(HALF.toMillis());
        up.set(true);
        TimeUnit.MILLISECONDS.sleep(HALF.toMillis());
      }
      tickr.join(Duration.ofSeconds(30));

      List<Double> latencies = new ArrayList<>();
      int missing = 0;
      try (Connection db =
          DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/tickr.db"))) {
        Map<String, Long> crossings = crossings(db, 2);
        for (Map.Entry<String, Long> c : crossings.entrySet()) {
          Receipt r =
              receipts.stream()
                  .filter(x -> (x.monitor() + "#" + x.incident()).equals(c.getKey()))
                  .findFirst()
                  .orElse(null);
          if (r == null) {
            missing++;
          } else {
            latencies.add((r.atMicros() - c.getValue()) / 1000.0);
          }
        }
      }
      long repeated = duplicates.values().stream().filter(n -> n > 1).count();
      Collections.sort(latencies);
      Collections.sort(floor);
      String json =
          String.format(
              java.util.Locale.ROOT,
              "{\"monitors\": %d, \"rounds\": %d, \"incidents\": %d, \"missing\": %d,"
                  + " \"duplicates\": %d, \"latency_ms\": {\"p50\": %.1f, \"p90\": %.1f, \"p99\":"
                  + " %.1f, \"max\": %.1f}, \"floor_post_ms\": {\"p50\": %.2f, \"p99\": %.2f},"
                  + " \"p99_over_1s_target\": %.3f, \"cores\": %d}",
              monitors,
              rounds,
              latencies.size() + missing,
              missing,
              repeated,
              pct(latencies, 50),
              pct(latencies, 90),
              pct(latencies, 99),
              pct(latencies, 100),
              pct(floor, 50),
              pct(floor, 99),
              pct(latencies, 99) / 1000.0,
              Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "alert latency over %d incidents: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <"
              + " 1000 ms); %d missing, %d delivered twice; loopback POST p50 %.2f ms%n",
          latencies.size() + missing,
          pct(latencies, 50),
          pct(latencies, 99),
          pct(latencies, 100),
          missing,
          repeated,
          pct(floor, 50));
      System.out.println(json);
      if (latencies.isEmpty()) {
        System.err.println(err);
        System.exit(1);
      }
    }
  }

  private static Iterable<JsonNode> alerts(JsonNode body) {
    JsonNode list = body.path("alerts");
    return list.isArray() && !list.isEmpty() ? list : List.of(body);
  }

  /**
   * The mass failure: M http monitors (10 s interval, threshold 1, flap damping off) against a
   * loopback target that is healthy until every monitor has been checked, then fails for good, and
   * one {@code webhook} channel (no group window) to a loopback receiver. Each DOWN is decided by
   * one failed check, and the checks of the M monitors are spread over the 10 s interval, so M
   * DOWNs come within 10 s. Tickr runs for {@code window} after the flip; a DOWN not received by
   * then counts as missing.
   */
  private static void mass(int monitors, Duration window, boolean split) throws Exception {
    Path dir = Files.createTempDirectory("tickr-alert-mass");
    AtomicBoolean up = new AtomicBoolean(true);
    List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> seen = new ConcurrentHashMap<>();
    SplitWriteReceiver.Handler take =
        text -> {
          long at = micros(Instant.now());
          try {
            JsonNode body = JSON.readTree(text);
            if (body.path("event").asText().equals("down")) {
              for (JsonNode one : alerts(body)) {
                String m = one.at("/monitor/name").asText();
                long id = one.at("/incident/id").asLong();
                receipts.add(new Receipt(m, id, at));
                seen.merge(m + "#" + id, 1L, Long::sum);
              }
            }
          } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
          }
        };
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer fast = TestHttpServer.plain();
        SplitWriteReceiver slow = new SplitWriteReceiver("/hook", take)) {
      target.route("/m", r -> Reply.status(up.get() ? 200 : 500).text("state"));
      fast.route(
          "/hook",
          r -> {
            take.take(r.body());
            return Reply.status(200).text("ok");
          });
      fast.route("/floor", r -> Reply.status(200).text("ok"));
      java.net.URI hook = split ? slow.url("/hook") : fast.url("/hook");
      List<Double> floor = floor(split ? slow.url("/floor") : fast.url("/floor"));

      Path config = dir.resolve("tickr.yml");
      StringBuilder yaml = new StringBuilder();
      yaml.append("defaults:\n  interval: 10s\n  timeout: 2s\n  failure-threshold: 1\n")
          .append("  flapping: {changes: 0}\n  alerts: [hook]\nmonitors:\n");
      for (int i = 0; i < monitors; i++) {
        yaml.append("  - name: m").append(i).append("\n    url: ");
        yaml.append(target.url("/m?" + i)).append('\n');
      }
      yaml.append("channels:\n  - {name: hook, type: webhook, url: ").append(hook).append("}\n");
      Files.writeString(config, yaml.toString());

      Duration warm = Duration.ofSeconds(15);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Thread tickr = run(config, dir, warm.plus(window), out, err);
      TimeUnit.MILLISECONDS.sleep(warm.toMillis());
      up.set(false);
      tickr.join(window.plus(Duration.ofSeconds(60)));

      List<Double> latencies = new ArrayList<>();
      int missing = 0;
      try (Connection db =
          DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/tickr.db"))) {
        Map<String, Long> first = new java.util.HashMap<>();
        for (Receipt r : receipts) {
          first.merge(r.monitor() + "#" + r.incident(), r.atMicros(), Math::min);
        }
        Map<String, Long> crossings = crossings(db, 1);
        for (Map.Entry<String, Long> c : crossings.entrySet()) {
          Long at = first.get(c.getKey());
          if (at == null) {
            missing++;
          } else {
            latencies.add((at - c.getValue()) / 1000.0);
          }
        }
      }
      long repeated = seen.values().stream().filter(n -> n > 1).count();
      Collections.sort(latencies);
      Collections.sort(floor);
      String json =
          String.format(
              java.util.Locale.ROOT,
              "{\"case\": \"mass\", \"receiver\": \"%s\", \"monitors\": %d, \"incidents\": %d, \"missing\": %d,"
                  + " \"duplicates\": %d, \"latency_ms\": {\"p50\": %.1f, \"p95\": %.1f,"
                  + " \"p99\": %.1f, \"max\": %.1f}, \"floor_post_ms\": {\"p50\": %.2f,"
                  + " \"p99\": %.2f}, \"p99_over_2s_target\": %.3f, \"cores\": %d}",
              split ? "split" : "fast",
              monitors,
              latencies.size() + missing,
              missing,
              repeated,
              pct(latencies, 50),
              pct(latencies, 95),
              pct(latencies, 99),
              pct(latencies, 100),
              pct(floor, 50),
              pct(floor, 99),
              pct(latencies, 99) / 2000.0,
              Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "mass failure, %d monitors, %s receiver: %d incidents, DOWN after the deciding check p50 %.1f ms,"
              + " p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 2000 ms); %d missing after"
              + " %d s, %d delivered twice; loopback POST p50 %.2f ms%n",
          monitors,
          split ? "split-write" : "one-write",
          latencies.size() + missing,
          pct(latencies, 50),
          pct(latencies, 95),
          pct(latencies, 99),
          pct(latencies, 100),
          missing,
          window.toSeconds(),
          repeated,
          pct(floor, 50));
      System.out.println(json);
      if (latencies.isEmpty()) {
        System.err.println(err);
        System.exit(1);
      }
    }
  }

  /**
   * Each incident's crossing time, by {@code monitor#id}: the end of its {@code threshold}th failed
   * check, in epoch microseconds.
   */
  private static Map<String, Long> crossings(Connection db, int threshold) throws SQLException {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    try (PreparedStatement incidents =
            db.prepareStatement("SELECT id, monitor, started_at FROM incidents ORDER BY id");
        PreparedStatement checks =
            db.prepareStatement(
                "SELECT started_at, total_us FROM results WHERE monitor = ? AND started_at >= ?"
                    + " ORDER BY started_at LIMIT ?");
        ResultSet rs = incidents.executeQuery()) {
      while (rs.next()) {
        checks.setString(1, rs.getString(2));
        checks.setLong(2, rs.getLong(3));
        checks.setInt(3, threshold);
        try (ResultSet c = checks.executeQuery()) {
          long end = -1;
          while (c.next()) {
            end = c.getLong(1) * 1000 + c.getLong(2);
          }
          if (end > 0) {
            out.put(rs.getString(2) + "#" + rs.getLong(1), end);
          }
        }
      }
    }
    return out;
  }

  /** The machine's floor: one POST of a small JSON body to the same receiver, 200 times. */
  private static List<Double> floor(java.net.URI url) throws IOException, InterruptedException {
    List<Double> out = new ArrayList<>();
    try (HttpClient client = HttpClient.newHttpClient()) {
      for (int i = 0; i < 200; i++) {
        HttpRequest post =
            HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"down\"}"))
                .build();
        long start = System.nanoTime();
        client.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        out.add((System.nanoTime() - start) / 1e6);
      }
    }
    return out.subList(50, out.size());
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.RequiredTool;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} read by the real Prometheus tools (Debian's {@code prometheus} package, which
 * {@code .ci/run} installs): {@code promtool check metrics} parses and lints the text with
 * Prometheus's own parser, and a real Prometheus server scrapes the daemon with its token, stores
 * the series and answers queries, including every query of the Grafana dashboard in {@code
 * dashboards/grafana/tickr.json}. Skipped when the tools are missing, except on CI ({@link
 * RequiredTool}).
 */
class PrometheusScrapeTest {
  private static final String TOKEN = "scrape-token-5f4e3d2c1b0a";
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What Prometheus logs (at level info) once it listens, with the port it was given. */
  private static final Pattern LISTENING =
      Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void prometheus_parses_scrapes_and_queries_tickrs_metrics() throws Exception {
    RequiredTool.requireExecutables(
        "Prometheus", "apt-get install prometheus (.ci/run installs it)", PROMETHEUS, PROMTOOL);
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.text("/ok", 200, "ok").text("/broken", 500, "down");
      // Loopback targets answer at once; the timeouts leave room for a busy machine.
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 3s, timeout: 3s, failure-threshold: 1}
              monitors:
                - {name: conversions, url: "%s"}
                - {name: payout-export, url: "%s"}
              server:
                metrics-token: ${METRICS_TOKEN}
              """
                  .formatted(target.url("/ok"), target.url("/broken")));
      CliRunner cli =
          new CliRunner(
              Map.of("METRICS_TOKEN", TOKEN, "TICKR_ADMIN_PASSWORD", "prometheus-test-pw"));
      Process prometheus = null;
      try (RunningDaemon tickr = cli.start(config, dir.resolve("data"));
          HttpClient http = HttpClient.newHttpClient()) {
        URI metrics = tickr.uri("/metrics");
        eventually(
            Duration.ofSeconds(30),
            () -> text(http, metrics, TOKEN).contains("monitor=\"payout-export\""),
            "the daemon's /metrics");

        String scraped = text(http, metrics, TOKEN);
        Path lint = dir.resolve("promtool.txt");
        Process promtool =
            new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .redirectOutput(lint.toFile())
                .start();
        try {
          promtool.getOutputStream().write(scraped.getBytes(StandardCharsets.UTF_8));
          promtool.getOutputStream().close();
          assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        } finally {
          promtool.destroyForcibly();
        }
        assertThat(promtool.exitValue())
            .as("promtool check metrics said:%n%s", Files.readString(lint))
            .isZero();

        Path yml =
            Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global: {scrape_interval: 2s, scrape_timeout: 2s, evaluation_interval: 2s}
                scrape_configs:
                  - job_name: tickr
                    authorization: {credentials: %s}
                    static_configs: [{targets: ["127.0.0.1:%d"]}]
                """
                    .formatted(TOKEN, tickr.port()));
        Path log = dir.resolve("prometheus.log");
        prometheus =
            new ProcessBuilder(
                    PROMETHEUS.toString(),
                    "--config.file=" + yml,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:0",
                    "--log.level=info")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String api = "http://127.0.0.1:" + listeningPort(prometheus, log) + "/api/v1/";
        eventually(
            Duration.ofSeconds(60),
            () -> {
              JsonNode t = json(http, api + "targets").at("/data/activeTargets/0");
              return t.path("health").asText().equals("up")
                  && t.path("lastError").asText().isEmpty();
            },
            "Prometheus scraping Tickr without errors");
        eventually(
            Duration.ofSeconds(60),
            () ->
                value(http, api, "tickr_monitor_up{monitor=\"conversions\"}") == 1.0
                    && value(http, api, "tickr_monitor_up{monitor=\"payout-export\"}") == 0.0,
            "tickr_monitor_up in Prometheus: conversions 1, payout-export 0");
        assertThat(value(http, api, "sum(tickr_checks_total{monitor=\"conversions\"})"))
            .isGreaterThan(0);
        assertThat(
                value(
                    http,
                    api,
                    "count(tickr_check_duration_seconds_bucket{monitor=\"conversions\"})"))
            .isGreaterThan(0);

        List<String> failed = new ArrayList<>();
        for (String expr : grafanaQueries()) {
          JsonNode answer = json(http, api + "query?query=" + encode(expr));
          if (!answer.path("status").asText().equals("success")) {
            failed.add(expr + " → " + answer.path("error").asText());
          }
        }
        assertThat(failed).as("Grafana queries Prometheus refuses").isEmpty();
      } finally {
        if (prometheus != null) {
          prometheus.destroy();
          if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
            prometheus.destroyForcibly();
          }
        }
      }
    }
  }

  /** The port Prometheus (told to listen on port 0) says it listens on; fails if it stops first. */
  private static int listeningPort(Process prometheus, Path log) throws InterruptedException {
    int[] port = {0};
    eventually(
        Duration.ofSeconds(60),
        () -> {
          String text = readOrEmpty(log);
          Matcher m = LISTENING.matcher(text);
          if (m.find()) {
            port[0] = Integer.parseInt(m.group(1));
            return true;
          }
          assertThat(prometheus.isAlive()).as("Prometheus runs; it logged:%n%s", text).isTrue();
          return false;
        },
        "Prometheus listening (its log: " + log + ")");
    return port[0];
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every query of the Grafana dashboard, with its variables filled in as Grafana would. */
  private static List<String> grafanaQueries() throws IOException {
    JsonNode dashboard = JSON.readTree(Path.of("dashboards", "grafana", "tickr.json").toFile());
    List<String> exprs = new ArrayList<>(dashboard.findValuesAsText("expr"));
    assertThat(exprs).hasSizeGreaterThan(10);
    List<String> filled = new ArrayList<>();
    for (String e : exprs) {
      filled.add(
          e.replace("$__rate_interval", "1m")
              .replace("$__interval", "15s")
              .replace("$__range", "1h")
              .replaceAll("\\$\\{?monitor}?", "conversions")
              .replaceAll("\\$\\{?[a-z_]+}?", ".*"));
    }
    return filled;
  }

  private static double value(HttpClient http, String api, String query) {
    JsonNode result = json(http, api + "query?query=" + encode(query)).at("/data/result");
    if (result.size() != 1) {
      return Double.NaN;
    }
    return Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  private static JsonNode json(HttpClient http, String url) {
    try {
      return JSON.readTree(text(http, URI.create(url), null));
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String text(HttpClient http, URI uri, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

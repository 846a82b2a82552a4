package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.metrics.PrometheusText;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run} with real targets and channel receivers on loopback, scraped over HTTP at
 * {@code /metrics} as Prometheus would, the text read with a strict parser of the format.
 */
class MetricsEndToEndTest {
  private static final String TOKEN = "metrics-token-0123456789abcdef";

  @TempDir Path dir;

  private final AtomicBoolean flakyUp = new AtomicBoolean(true);
  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();
  private final TestIdentity identity = TestCertificates.create().ca().leaf("127.0.0.1");
  private final TestHttpServer secure = TestHttpServer.tls(identity);
  private final CliRunner cli = new CliRunner(Map.of("METRICS_TOKEN", TOKEN));

  MetricsEndToEndTest() {
    target.text("/steady", 200, "ok");
    target.route("/flaky", r -> Reply.status(flakyUp.get() ? 200 : 503).text("flaky"));
    receivers.text("/hook", 200, "ok").text("/broken", 500, "provider down");
    secure.text("/", 200, "ok");
  }

  @AfterEach
  void close() {
    target.close();
    receivers.close();
    secure.close();
  }

  private static HttpResponse<String> get(URI uri, @Nullable String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void metrics_show_a_monitor_going_down_and_up_checks_alerts_and_tickrs_own_health()
      throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        defaults:
          interval: 2s
          timeout: 2s
          failure-threshold: 2
        monitors:
          - name: steady
            url: %s
          - name: flaky
            url: %s
            alerts: [hook, broken]
          - name: cert
            type: tls
            host: 127.0.0.1
            port: %d
        channels:
          - {name: hook, type: webhook, url: %s}
          - {name: broken, type: webhook, url: %s}
        server:
          metrics-token: ${METRICS_TOKEN}
        """
            .formatted(
                target.url("/steady"),
                target.url("/flaky"),
                secure.port(),
                receivers.url("/hook"),
                receivers.url("/broken")));
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      URI metrics = running.uri("/metrics");
      AtomicReference<PrometheusText> last = new AtomicReference<>();
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(30),
          () ->
              scrape(metrics, last)
                  && up(last.get(), "flaky") == 1
                  && up(last.get(), "steady") == 1,
          "steady and flaky UP in /metrics");

      flakyUp.set(false);
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(30),
          () ->
              scrape(metrics, last)
                  && up(last.get(), "flaky") == 0
                  && last.get()
                          .value("tickr_alerts_sent_total", Map.of("channel", "hook"))
                          .orElse(0)
                      >= 1
                  && last.get()
                          .value("tickr_alerts_failed_total", Map.of("channel", "broken"))
                          .orElse(0)
                      >= 1,
          "flaky DOWN, its alert sent to hook and failing at broken");
      PrometheusText down = last.get();

      assertThat(down.value("tickr_monitor_state", Map.of("monitor", "flaky", "state", "DOWN")))
          .hasValue(1);
      assertThat(down.value("tickr_monitor_state", Map.of("monitor", "flaky", "state", "UP")))
          .hasValue(0);
      assertThat(down.value("tickr_monitor_up", Map.of("monitor", "steady"))).hasValue(1);
      assertThat(at(down, "tickr_checks_total", "monitor", "flaky", "result", "failed"))
          .isGreaterThanOrEqualTo(2.0);
      assertThat(at(down, "tickr_checks_total", "monitor", "steady", "result", "ok"))
          .isGreaterThanOrEqualTo(2.0);
      assertThat(at(down, "tickr_check_duration_seconds", "monitor", "steady", "phase", "ttfb"))
          .isGreaterThan(0.0);
      assertThat(at(down, "tickr_check_duration_seconds", "monitor", "cert", "phase", "tls"))
          .isGreaterThan(0.0);
      assertThat(at(down, "tickr_certificate_expiry_timestamp_seconds", "monitor", "cert"))
          .isEqualTo((double) identity.leaf().getNotAfter().toInstant().getEpochSecond());
      double checks =
          down.family("tickr_checks_total").samples().stream()
              .mapToDouble(PrometheusText.Sample::value)
              .sum();
      // One scrape reads its families one after another while checks go on; a later scrape holds
      // a lateness sample for every check counted in an earlier one.
      assertThat(scrape(metrics, last)).isTrue();
      assertThat(at(last.get(), "tickr_scheduler_lateness_seconds_count"))
          .as("one lateness sample per check")
          .isGreaterThanOrEqualTo(checks);
      assertThat(at(down, "tickr_checks_in_flight")).isGreaterThanOrEqualTo(0.0);
      assertThat(at(down, "tickr_store_write_duration_seconds_count", "kind", "results"))
          .isGreaterThan(0.0);
      assertThat(at(down, "tickr_store_write_duration_seconds_count", "kind", "transaction"))
          .isGreaterThan(0.0);
      assertThat(at(down, "tickr_alert_outbox_depth", "channel", "broken"))
          .as("the failing channel's notification waits for a retry")
          .isGreaterThanOrEqualTo(1.0);
      assertThat(at(down, "tickr_alert_outbox_depth", "channel", "hook")).isEqualTo(0.0);
      assertThat(down.families()).containsKey("jvm_memory_used_bytes");

      flakyUp.set(true);
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(30),
          () -> scrape(metrics, last) && up(last.get(), "flaky") == 1,
          "flaky UP again in /metrics");

      HttpResponse<String> ok = get(metrics, TOKEN);
      assertThat(ok.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      assertThat(get(metrics, null).statusCode()).isEqualTo(401);
      assertThat(get(metrics, "wrong-" + TOKEN).statusCode()).isEqualTo(401);
      assertThat(get(running.uri("/healthz"), null).statusCode()).isEqualTo(200);

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
      assertThat(done.all()).doesNotContain(TOKEN);
    }
  }

  /** The value of the one sample of {@code name} with these label pairs; fails when none. */
  private static double at(PrometheusText text, String name, String... labelPairs) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], labelPairs[i + 1]);
    }
    OptionalDouble v = text.value(name, labels);
    assertThat(v).as(name + labels).isPresent();
    return v.getAsDouble();
  }

  private static double up(PrometheusText text, String monitor) {
    return text.value("tickr_monitor_up", Map.of("monitor", monitor)).orElse(-1);
  }

  /** Scrapes once; false while the daemon is not listening yet. */
  private static boolean scrape(URI metrics, AtomicReference<PrometheusText> into) {
    try {
      HttpResponse<String> r = get(metrics, TOKEN);
      if (r.statusCode() != 200) {
        return false;
      }
      into.set(PrometheusText.parse(r.body()));
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

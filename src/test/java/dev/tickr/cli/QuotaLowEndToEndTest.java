package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.metrics.PrometheusText;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run} against a target whose {@code X-RateLimit-Remaining-hour} goes down with every
 * check: {@code /metrics} shows what is left, and a webhook that asks for {@code quota-low} hears
 * once that it fell below {@code warn-below}.
 */
class QuotaLowEndToEndTest {
  private static final String TOKEN = "metrics-token-0123456789abcdef";

  @TempDir Path dir;

  private final AtomicInteger calls = new AtomicInteger();
  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();
  private final CliRunner cli = new CliRunner(Map.of("METRICS_TOKEN", TOKEN));

  QuotaLowEndToEndTest() {
    target.route(
        "/impact",
        r ->
            Reply.status(200)
                .header("X-RateLimit-Limit-hour", "500")
                .header(
                    "X-RateLimit-Remaining-hour",
                    // Falls by 20 a check and stays at 40, the first value below 10%: a check
                    // that timed out on a busy machine (its answer unread) changes nothing.
                    Integer.toString(Math.max(40, 120 - 20 * calls.getAndIncrement())))
                .text("ok"));
    target.text("/plain", 200, "ok");
    receivers.text("/hook", 200, "ok");
  }

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  @Test
  void remaining_quota_is_a_metric_and_falling_below_warn_below_sends_one_quota_low_notice()
      throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        defaults:
          interval: 1s
          timeout: 1s
        monitors:
          - name: impact
            url: %s
            alerts: [hook]
            quota: {warn-below: 10%%}
          - name: plain
            url: %s
            alerts: [hook]
        channels:
          - {name: hook, type: webhook, url: %s, events: [down, up, quota-low]}
        server:
          metrics-token: ${METRICS_TOKEN}
        """
            .formatted(target.url("/impact"), target.url("/plain"), receivers.url("/hook")));
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(40),
          () -> calls.get() >= 10 && !notices().isEmpty(),
          "the remaining quota fell below the line and a quota-low notice came");
      URI metrics = running.uri("/metrics");
      AtomicReference<PrometheusText> last = new AtomicReference<>();
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(20),
          () ->
              scrape(metrics, last)
                  && last.get()
                          .value(
                              "tickr_ratelimit_remaining",
                              Map.of("monitor", "impact", "window", "hour"))
                          .orElse(-1)
                      == 40,
          "tickr_ratelimit_remaining at 40");
      PrometheusText text = last.get();
      assertThat(text.value("tickr_ratelimit_limit", Map.of("monitor", "impact", "window", "hour")))
          .hasValue(500);
      assertThat(text.family("tickr_ratelimit_remaining").samples())
          .as("a monitor whose target sends no such headers has no series")
          .allSatisfy(s -> assertThat(s.labels()).containsEntry("monitor", "impact"));

      List<JsonNode> notices = notices();
      assertThat(notices).as("once per crossing, not once per check below").hasSize(1);
      JsonNode notice = notices.get(0);
      assertThat(notice.path("monitor").path("name").asText()).isEqualTo("impact");
      assertThat(notice.path("incident").path("reason").asText()).isEqualTo("rate-limited");
      assertThat(notice.path("incident").path("detail").asText())
          .isEqualTo("X-RateLimit-Remaining-hour is 40 of 500 (8%), below 10%");
      assertThat(receivers.requests().stream().map(AlertingEndToEndTest::json))
          .as("a notice, not an outage")
          .allSatisfy(j -> assertThat(j.path("event").asText()).isEqualTo("quota-low"));

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  private List<JsonNode> notices() {
    return receivers.requests().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(AlertingEndToEndTest::json)
        .filter(j -> j.path("event").asText().equals("quota-low"))
        .toList();
  }

  private static boolean scrape(URI metrics, AtomicReference<PrometheusText> into) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(metrics)
                  .header("Authorization", "Bearer " + TOKEN)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return false;
      }
      into.set(PrometheusText.parse(r.body()));
      return true;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

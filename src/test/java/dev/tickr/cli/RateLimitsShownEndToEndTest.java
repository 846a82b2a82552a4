package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of rate limits in a running Tickr: the quota's stretch of an interval, and a
 * monitor held back by its target's {@code Retry-After}, in the API and on the monitor page.
 */
class RateLimitsShownEndToEndTest {
  @TempDir Path dir;

  private final TestHttpServer target = TestHttpServer.plain();
  private final CliRunner cli = new CliRunner(Map.of());

  RateLimitsShownEndToEndTest() {
    target.text("/actions", 200, "ok");
    target.route("/busy", r -> Reply.status(429).header("Retry-After", "120").text("slow down"));
  }

  @AfterEach
  void close() {
    target.close();
  }

  private static String get(URI uri, String token) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  @Test
  void the_api_and_the_page_say_a_quota_stretched_the_interval_and_a_retry_after_holds_it()
      throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        monitors:
          - name: impact-actions
            url: %s
            interval: 1m
            quota: {key: impact-acct-1, limit: 500, per: 1h, share: 10%%}
          - name: impact-reports
            url: %s
            interval: 1s
            quota: {key: impact-acct-1}
          # Not in the quota: a stretched interval would put its first check up to a minute away.
          - name: impact-busy
            url: %s
            interval: 1s
            timeout: 1s
        """
            .formatted(target.url("/actions"), target.url("/actions"), target.url("/busy")));
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      String token = cli.token(dir.resolve("data"), "reader", "viewer");
      JsonNode actions =
          AlertingEndToEndTest.JSON.readTree(
              get(running.uri("/api/v1/monitors/impact-actions"), token));
      JsonNode stretch = actions.path("quota_stretch");
      assertThat(stretch.path("configured").asText()).isEqualTo("1m");
      assertThat(stretch.path("key").asText()).isEqualTo("impact-acct-1");
      assertThat(stretch.path("text").asText())
          .startsWith("interval stretched from 1m to ")
          .endsWith(" by quota impact-acct-1 (50 of 500/1h)");
      assertThat(get(running.uri("/monitors/impact-actions"), token))
          .contains(stretch.path("text").asText());

      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(30),
          () -> {
            try {
              return AlertingEndToEndTest.JSON
                  .readTree(get(running.uri("/api/v1/monitors/impact-busy"), token))
                  .has("held_until");
            } catch (IOException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          },
          "impact-busy held back by its target's Retry-After");
      assertThat(get(running.uri("/monitors/impact-busy"), token))
          .containsPattern(
              "Next check</dt><dd>not before \\d\\d:\\d\\d:\\d\\d UTC \\(the target asked"
                  + " for time: Retry-After\\)");
      assertThat(running.stop().exitCode()).isZero();
    }
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.RecordedRequest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat with nothing replaced: {@code tickr run} from YAML, a job pinging over real HTTP, a
 * real webhook receiver on loopback, and {@code tickr status} showing where to ping.
 */
class HeartbeatEndToEndTest {
  static final String TOKEN = "e2e-job-token-abcdefghijklmnop";

  @TempDir Path dir;

  private final TestHttpServer receivers = TestHttpServer.plain();
  private final CliRunner cli = new CliRunner(Map.of("JOB_TOKEN", TOKEN));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    receivers.close();
    http.close();
  }

  private int get(int port, String path) throws Exception {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (java.io.IOException notYetListening) {
      return -1;
    }
  }

  private List<JsonNode> hook() {
    return receivers.requests().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(RecordedRequest::body)
        .map(HeartbeatEndToEndTest::parse)
        .toList();
  }

  private static JsonNode parse(String body) {
    try {
      return AlertingEndToEndTest.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void a_late_job_is_down_with_heartbeat_missed_alerts_and_recovers_at_its_next_ping()
      throws Exception {
    receivers.text("/hook", 200, "ok");
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: job
                type: heartbeat
                period: 2s
                grace: 0s
                token: ${JOB_TOKEN}
                alerts: [hook]
              - name: other
                type: heartbeat
                period: 1h
            channels:
              - {name: hook, type: webhook, url: %s}
            """
                .formatted(receivers.url("/hook")));
    Path data = dir.resolve("data");
    try (RunningDaemon running = cli.start(config, data)) {
      int port = running.port();

      eventually(Duration.ofSeconds(10), () -> ping(port, "/ping/" + TOKEN) == 200, "a first ping");
      assertThat(get(port, "/ping/not-a-token-of-any-heartbeat")).isEqualTo(404);

      eventually(Duration.ofSeconds(8), () -> !hook().isEmpty(), "a DOWN at the webhook");
      JsonNode down = hook().get(0);
      assertThat(down.path("event").asText()).isEqualTo("down");
      assertThat(down.at("/monitor/name").asText()).isEqualTo("job");
      assertThat(down.at("/incident/reason").asText()).isEqualTo("heartbeat-missed");
      assertThat(down.toString()).doesNotContain(TOKEN);

      assertThat(get(port, "/ping/" + TOKEN + "/0")).isEqualTo(200);
      eventually(Duration.ofSeconds(5), () -> hook().size() >= 2, "an UP at the webhook");
      assertThat(hook().get(1).path("event").asText()).isEqualTo("up");

      CliRunner.Run status = cli.run("status", "--data", data.toString());
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out())
          .contains("PING URL PATH")
          .containsPattern("job +/ping/" + TOKEN)
          .containsPattern("other +/ping/[A-Za-z0-9_-]{22}\\n");
      CliRunner.Run json = cli.run("status", "--json", "--data", data.toString());
      assertThat(json.out()).as("the JSON contract is unchanged").doesNotContain(TOKEN);

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
      assertThat(done.all()).doesNotContain(TOKEN);
    }
  }

  private int ping(int port, String path) {
    try {
      return get(port, path);
    } catch (Exception e) {
      return -1;
    }
  }
}

package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.cli.CliRunner;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever can ping a heartbeat's {@code /fail} and read the incident's evidence must not learn the
 * start of any secret of the config by guessing it: a ping body that ends with a right guess is
 * kept exactly like one that ends with a wrong guess. A real daemon, real pings over HTTP, the
 * evidence read back through the API.
 */
class PingEvidenceOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARTNER_KEY = "pk-live-8f7e6d5c4b3a2910";
  private static final String RIGHT = "pk-live-8f7e";
  private static final String WRONG = "pk-live-8f7X";
  private static final int PING_BODY_LIMIT = 10 * 1024;

  @TempDir Path dir;

  @Test
  void a_guessed_start_of_a_secret_is_kept_like_any_other_text() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: partner
                url: "http://127.0.0.1:9/"
                headers: {X-Api-Key: "${PARTNER_KEY}"}
                paused: true
            %s%s%s%s"""
                .formatted(
                    heartbeat("short-right"),
                    heartbeat("short-wrong"),
                    heartbeat("long-right"),
                    heartbeat("long-wrong")));
    CliRunner cli =
        new CliRunner(
            Map.of("PARTNER_KEY", PARTNER_KEY, "TICKR_ADMIN_PASSWORD", "ping-oracle-admin-1"));
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser b = new Browser(tickr.port())) {
      String viewer = cli.token(data, "reader", "viewer");
      String log = "backup started\nuploading to partner with key ";
      String filler = "x".repeat(PING_BODY_LIMIT - log.length() - RIGHT.length());

      ping(b, "short-right", log + RIGHT);
      ping(b, "short-wrong", log + WRONG);
      ping(b, "long-right", log + filler + RIGHT + "0".repeat(100));
      ping(b, "long-wrong", log + filler + WRONG + "0".repeat(100));

      // Not cut by Tickr: kept as sent, whatever its end.
      assertThat(evidence(b, viewer, "short-right")).isEqualTo(log + RIGHT);
      assertThat(evidence(b, viewer, "short-wrong")).isEqualTo(log + WRONG);
      // Cut at the ping body's limit: the same end masked either way.
      String right = evidence(b, viewer, "long-right");
      String wrong = evidence(b, viewer, "long-wrong");
      assertThat(right).isEqualTo(wrong).endsWith("***").doesNotContain("pk-live");
      assertThat(right.length()).isLessThan(PING_BODY_LIMIT - RIGHT.length());
    }
  }

  private static String heartbeat(String name) {
    return """
          - name: %s
            type: heartbeat
            period: 1h
            grace: 1h
            token: "%s"
        """
        .formatted(name, token(name));
  }

  private static String token(String name) {
    return (name + "-oracle-token-abcdefghijklmnop").replace('-', '_');
  }

  private static void ping(Browser b, String name, String body) throws Exception {
    HttpResponse<String> answer =
        b.send("POST", "/ping/" + token(name) + "/fail", body, "text/plain");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** The evidence body of the monitor's open incident, once it is open. */
  private static String evidence(Browser b, String token, String monitor) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      HttpResponse<String> list =
          b.get(
              "/api/v1/incidents?open=true&monitor=" + monitor, "Authorization", "Bearer " + token);
      JsonNode incidents = JSON.readTree(list.body()).path("incidents");
      if (incidents.size() == 1) {
        long id = incidents.get(0).path("id").asLong();
        HttpResponse<String> one =
            b.get("/api/v1/incidents/" + id, "Authorization", "Bearer " + token);
        return JSON.readTree(one.body()).at("/evidence/body").asText();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no open incident for " + monitor + ": " + list.body());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}

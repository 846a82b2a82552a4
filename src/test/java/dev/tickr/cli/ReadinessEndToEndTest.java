package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /readyz} of a running Tickr: ready when it can do its job, {@code 503} with the reason
 * while another process holds the database's write lock, and ready again once it lets go.
 */
class ReadinessEndToEndTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner(Map.of());

  private static HttpResponse<String> get(java.net.URI uri) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void readyz_is_503_while_the_store_cannot_be_written_and_200_again_after() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(config, "monitors: []\n");
    Path data = dir.resolve("data");
    try (RunningDaemon running = cli.start(config, data)) {
      HttpResponse<String> ready = get(running.uri("/readyz"));
      assertThat(ready.statusCode()).isEqualTo(200);
      JsonNode body = AlertingEndToEndTest.JSON.readTree(ready.body());
      assertThat(body.path("status").asText()).isEqualTo("ready");
      assertThat(body.path("checks").path("store").asText()).isEqualTo("ok");
      assertThat(body.path("checks").path("scheduler").asText()).isEqualTo("ok");
      assertThat(body.path("checks").path("config").asText()).isEqualTo("ok");

      // Another process takes the database's write lock and keeps it.
      try (Connection other =
              DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tickr.db"));
          Statement s = other.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        HttpResponse<String> locked = get(running.uri("/readyz"));
        assertThat(locked.statusCode()).isEqualTo(503);
        JsonNode why = AlertingEndToEndTest.JSON.readTree(locked.body());
        assertThat(why.path("status").asText()).isEqualTo("not ready");
        assertThat(why.path("checks").path("store").asText()).startsWith("cannot be written");
        assertThat(why.path("checks").path("scheduler").asText()).isEqualTo("ok");
        s.execute("ROLLBACK");
      }
      AtomicReference<Integer> last = new AtomicReference<>();
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(20),
          () -> {
            try {
              last.set(get(running.uri("/readyz")).statusCode());
              return last.get() == 200;
            } catch (Exception e) {
              return false;
            }
          },
          "/readyz ready again once the lock is released");
      assertThat(running.stop().exitCode()).isZero();
    }
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor in a maintenance window, as a real daemon shows it: MAINTENANCE since the window began
 * in the API, the status page's JSON and {@code tickr status}, also after a restart; the badge and
 * {@code /metrics} keep the judged state, as they always have.
 */
class MaintenanceShownEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void a_monitor_in_a_window_is_shown_as_maintenance_everywhere_and_after_a_restart()
      throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.text("/fine", 200, "ok");
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 2s, timeout: 2s}
              monitors:
                - {name: tracking, url: "%s"}
                - {name: reports, url: "%s"}
              status-pages:
                - {slug: partners, monitors: [tracking, reports]}
              maintenance:
                - {name: release, start: "%s", duration: 2h, monitors: [tracking]}
              """
                  .formatted(target.url("/fine"), target.url("/fine"), start));
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "maintenance-admin-pass"));
      Path data = dir.resolve("data");
      String[] auth = {"Authorization", ""};
      for (int run = 1; run <= 2; run++) {
        try (RunningDaemon running = cli.start(config, data);
            Browser b = new Browser(running.port())) {
          if (run == 1) {
            auth[1] = "Bearer " + cli.token(data, "ops", "admin");
          }
          eventually(
              Duration.ofSeconds(20),
              () -> state(b, auth, "reports").equals("UP"),
              "reports judged UP (run " + run + ")");
          JsonNode tracking = JSON.readTree(b.get("/api/v1/monitors/tracking", auth).body());
          assertThat(tracking.path("state").asText()).as("run %d", run).isEqualTo("MAINTENANCE");
          assertThat(Instant.parse(tracking.path("since").asText())).isEqualTo(start);

          JsonNode page = JSON.readTree(b.get("/status/partners.json").body());
          assertThat(page.findValuesAsText("state")).contains("MAINTENANCE", "UP");

          eventually(
              Duration.ofSeconds(20),
              () -> body(b, "/metrics").contains("tickr_monitor_up{monitor=\"tracking\"} 1"),
              "metrics: tracking judged up underneath");
          assertThat(b.get("/badge/tracking.svg").body()).contains("operational");
        }
      }
      JsonNode status = cli.run("status", "--data", data.toString(), "--json").json();
      Map<String, String> states = new java.util.HashMap<>();
      status
          .path("monitors")
          .forEach(m -> states.put(m.path("name").asText(), m.path("state").asText()));
      assertThat(states).containsEntry("tracking", "MAINTENANCE").containsEntry("reports", "UP");
    }
  }

  private static String state(Browser b, String[] auth, String monitor) {
    try {
      return JSON.readTree(b.get("/api/v1/monitors/" + monitor, auth).body())
          .path("state")
          .asText();
    } catch (IOException | InterruptedException notYet) {
      return "";
    }
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }
}

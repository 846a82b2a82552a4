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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run} reloads its config file when the file changes, with nothing but the edit: a new
 * monitor shows up in the API and in {@code tickr status} and gets checked, a removed one goes from
 * both, and one left alone keeps its state. (An invalid edit and SIGHUP need the daemon's own log
 * and a real process: {@code dev.tickr.it.ConfigReloadIT}.)
 */
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class ConfigReloadEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A reload on a busy two-core machine: settling, parsing, writing the catalogue. */
  private static final Duration RELOAD = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final TestHttpServer target =
      TestHttpServer.plain()
          .json("/kept", 200, "{}")
          .json("/gone", 200, "{}")
          .json("/added", 200, "{}");
  private final CliRunner cli = new CliRunner();

  @AfterEach
  void close() {
    target.close();
  }

  private String monitor(String name) {
    return """
          - name: %s
            url: %s
            interval: 3s
            timeout: 3s
        """
        .formatted(name, target.url("/" + name));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The API's monitors, by name, in the order it lists them; empty while it does not answer. */
  private static List<JsonNode> apiMonitors(Browser api, String token) {
    try {
      var answer = api.get("/api/v1/monitors", "Authorization", "Bearer " + token);
      if (answer.statusCode() != 200) {
        return List.of();
      }
      List<JsonNode> all = new ArrayList<>();
      json(answer.body()).path("monitors").forEach(all::add);
      return all;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<String> names(List<JsonNode> monitors) {
    return monitors.stream().map(m -> m.path("name").asText()).toList();
  }

  private static JsonNode named(List<JsonNode> monitors, String name) {
    return monitors.stream()
        .filter(m -> m.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no monitor " + name + " in " + monitors));
  }

  /** {@code tickr status --json}'s monitors by name. */
  private List<String> statusNames(Path data) {
    CliRunner.Run status = cli.run("status", "--json", "--data", data.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    List<String> names = new ArrayList<>();
    status.json().path("monitors").forEach(m -> names.add(m.path("name").asText()));
    return names;
  }

  @Test
  void an_edited_file_is_taken_while_running_new_monitors_come_removed_ones_go_others_stay()
      throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(config, "monitors:\n" + monitor("kept") + monitor("gone"));
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser api = new Browser(tickr.port())) {
      String token = cli.token(data, "reload-test", "viewer");
      eventually(
          RELOAD,
          () -> {
            List<JsonNode> now = apiMonitors(api, token);
            return now.size() == 2
                && now.stream().allMatch(m -> m.path("state").asText().equals("UP"));
          },
          "both monitors of the first file UP");
      String keptSince = named(apiMonitors(api, token), "kept").path("since").asText();
      assertThat(statusNames(data)).containsExactly("gone", "kept");

      Files.writeString(config, "monitors:\n" + monitor("kept") + monitor("added"));

      eventually(
          RELOAD,
          () -> Set.copyOf(names(apiMonitors(api, token))).equals(Set.of("kept", "added")),
          "the API listing the edited file's monitors, kept and added, and not gone");
      assertThat(statusNames(data))
          .as("tickr status, from the store the daemon keeps")
          .containsExactly("added", "kept");
      eventually(
          RELOAD,
          () -> named(apiMonitors(api, token), "added").path("state").asText().equals("UP"),
          "the added monitor checked and UP");
      assertThat(target.requests())
          .as("the added monitor's own target was called")
          .anyMatch(r -> r.path().equals("/added"));
      assertThat(named(apiMonitors(api, token), "kept").path("since").asText())
          .as("a monitor the edit left alone keeps its state")
          .isEqualTo(keptSince);

      CliRunner.Run done = tickr.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }
}

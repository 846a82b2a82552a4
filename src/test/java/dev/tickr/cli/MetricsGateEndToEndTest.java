package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a real {@code tickr run} that listens beyond loopback: closed until a metrics
 * token is set, and a token set, changed or removed by editing the config counts without a restart.
 */
class MetricsGateEndToEndTest {
  private static final String TOKEN = "gate-test-token-0123456789abcdef";
  private static final String OTHER = "gate-test-other-0123456789abcdef";

  /** A reload on a busy two-core machine: settling, parsing, applying. */
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static int metrics(Browser browser, String... headers) {
    try {
      return browser.get("/metrics", headers).statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String withToken(String token) {
    return "server:\n  metrics-token: " + token + "\nmonitors: []\n";
  }

  @Test
  void beyond_loopback_metrics_are_closed_until_a_token_is_set_and_reloads_change_the_token()
      throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "gate-test-admin-password"));
    try (RunningDaemon tickr =
            RunningDaemon.start(
                cli,
                "run",
                "-c",
                config.toString(),
                "--data",
                dir.resolve("data").toString(),
                "--listen",
                "0.0.0.0:0");
        Browser browser = new Browser(tickr.port())) {
      assertThat(browser.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(metrics(browser)).as("no token, listening on every address").isEqualTo(403);
      assertThat(browser.get("/metrics").body()).contains("server.metrics-token");

      Files.writeString(config, withToken(TOKEN));
      eventually(
          RELOAD,
          () -> metrics(browser, "Authorization", "Bearer " + TOKEN) == 200,
          "/metrics open to the token the edited config set");
      assertThat(metrics(browser)).isEqualTo(401);

      Files.writeString(config, withToken(OTHER));
      eventually(
          RELOAD,
          () -> metrics(browser, "Authorization", "Bearer " + OTHER) == 200,
          "/metrics open to the changed token");
      assertThat(metrics(browser, "Authorization", "Bearer " + TOKEN)).isEqualTo(401);

      Files.writeString(config, "monitors: []\n");
      eventually(RELOAD, () -> metrics(browser) == 403, "/metrics closed again without a token");

      CliRunner.Run done = tickr.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }
}

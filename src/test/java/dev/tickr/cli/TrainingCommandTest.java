package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code tickr aot-training}: the launcher's start-up training, whatever the user has set.
 *
 * <p>Isolated: the training is a daemon with 200 monitors checked every second for a few seconds,
 * as much load as two cores take; beside the browser tests and the tests of timing it made them
 * slow enough to fail. It is the command itself under test, so it cannot be made lighter here.
 */
@Isolated
class TrainingCommandTest {

  @Test
  void the_training_runs_its_daemon_through_whatever_tickr_settings_the_user_has() {
    // An admin password the daemon refuses, and a secret key it cannot use: the training's
    // daemon must not read either, or it stops at once and the cache learns next to nothing.
    CliRunner cli =
        new CliRunner(
            Map.of(
                "TICKR_ADMIN_PASSWORD", "short",
                "TICKR_SECRET_KEY", "not-a-key",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin")));
    CliRunner.Run run = cli.run("aot-training");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).doesNotContain("short").doesNotContain("not-a-key");
  }
}

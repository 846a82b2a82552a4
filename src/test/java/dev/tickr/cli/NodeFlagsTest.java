package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run --node NAME --location L}: checked, and without PostgreSQL a node runs alone.
 */
class NodeFlagsTest {
  @TempDir Path dir;

  private Path config() throws Exception {
    return Files.writeString(
        dir.resolve("tickr.yml"),
        """
        monitors:
          - name: postback
            url: http://127.0.0.1:9/postback
            locations: [eu, us]
        """);
  }

  @Test
  void a_node_name_that_is_not_allowed_is_a_usage_error_naming_the_flag() throws Exception {
    Path data = dir.resolve("data");

    CliRunner.Run run =
        new CliRunner()
            .run("run", "-c", config().toString(), "--data", data.toString(), "--node", "a b");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("run: --node: a node name is letters, digits")
        .contains("\"a b\"");
    assertThat(data).doesNotExist();
  }

  @Test
  void a_location_that_is_not_allowed_is_a_usage_error_naming_the_flag() throws Exception {
    CliRunner.Run run =
        new CliRunner()
            .run(
                "run",
                "-c",
                config().toString(),
                "--data",
                dir.resolve("data").toString(),
                "--node",
                "eu-1",
                "--location",
                "eu/west");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("run: --location: a location is letters, digits");
  }

  @Test
  void without_a_postgresql_store_a_named_node_runs_alone_and_says_so() throws Exception {
    try (RunningDaemon daemon =
        new CliRunner()
            .start(config(), dir.resolve("data"), "--node", "eu-1", "--location", "eu")) {
      assertThat(daemon.output())
          .contains(
              "Node eu-1 in eu: no PostgreSQL store is configured, so this node runs alone and"
                  + " probes every monitor itself")
          .contains("watching 1 monitor");
      CliRunner.Run stopped = daemon.stop();
      assertThat(stopped.exitCode()).as(stopped.all()).isZero();
    }
  }
}

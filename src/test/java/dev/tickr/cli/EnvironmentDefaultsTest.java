package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Browser;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TICKR_CONFIG}, {@code TICKR_DATA} and {@code TICKR_LISTEN} stand in for {@code -c}, {@code
 * --data} and {@code --listen} (a package or a container runs {@code tickr run} with no flags); a
 * flag wins over its variable, and a bad value is reported under the variable's name.
 */
class EnvironmentDefaultsTest {
  @TempDir Path dir;

  @Test
  void run_takes_its_config_data_and_address_from_the_environment() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("from-env.yml"),
            "monitors:\n  - {name: env-only, url: \"http://127.0.0.1:9/\", interval: 1h}\n");
    Path data = dir.resolve("env-data");
    CliRunner cli =
        new CliRunner(
            Map.of(
                "TICKR_CONFIG",
                config.toString(),
                "TICKR_DATA",
                data.toString(),
                "TICKR_LISTEN",
                "127.0.0.1:0",
                "TICKR_ADMIN_PASSWORD",
                "env-defaults-admin-1"));
    try (RunningDaemon running = RunningDaemon.start(cli, "run");
        Browser b = new Browser(running.port())) {
      assertThat(running.output()).contains("from " + config, "data in " + data);
      assertThat(b.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(running.stop().exitCode()).isZero();
    }
    assertThat(data.resolve("tickr.db")).exists();

    CliRunner.Run status = cli.run("status", "--json");
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.out()).contains("\"env-only\"");
  }

  @Test
  void a_flag_wins_over_its_variable() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yml"), "monitors: []\n");
    Path bad = Files.writeString(dir.resolve("bad.yml"), "monitors: 7\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_CONFIG", bad.toString()));

    CliRunner.Run fromEnv = cli.run("validate");
    assertThat(fromEnv.exitCode()).isEqualTo(2);
    assertThat(fromEnv.err()).contains(bad.toString() + ":1:");

    CliRunner.Run flag = cli.run("validate", "-c", good.toString());
    assertThat(flag.exitCode()).as(flag.all()).isZero();
  }

  @Test
  void a_bad_value_is_reported_under_the_variable_that_gave_it() throws Exception {
    Path missing = dir.resolve("none.yml");
    CliRunner.Run noFile =
        new CliRunner(Map.of("TICKR_CONFIG", missing.toString()))
            .run("run", "--data", dir.resolve("d").toString());
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains(missing + ":1:1: cannot read the config: no such file");

    Path config = Files.writeString(dir.resolve("empty.yml"), "monitors: []\n");
    CliRunner cli =
        new CliRunner(Map.of("TICKR_LISTEN", "127.0.0.1", "TICKR_CONFIG", config.toString()));
    CliRunner.Run run = cli.run("run", "--data", dir.resolve("d").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("TICKR_LISTEN: expected HOST:PORT, got \"127.0.0.1\"");
    assertThat(run.err()).doesNotContain("--listen:");
  }

  @Test
  void check_keeps_its_own_meaning_of_d() throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.text("/", 200, "ok");
      CliRunner cli = new CliRunner(Map.of("TICKR_DATA", "not-a-body"));
      CliRunner.Run run = cli.run("check", target.url("/").toString(), "--timeout", "5s");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(target.requests())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.body()).isEmpty();
              });
    }
  }
}

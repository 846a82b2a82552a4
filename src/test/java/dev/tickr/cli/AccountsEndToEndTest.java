package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run} with its accounts: the first admin on a first start, tokens made and revoked
 * with the command line while the daemon runs, users added from the command line.
 */
class AccountsEndToEndTest {
  private static final String ADMIN_PASSWORD = "first-admin-secret-4711";
  private static final Pattern GENERATED =
      Pattern.compile("Created user admin with password ([A-Za-z0-9_-]{24})\\R");

  @TempDir Path dir;

  private Path config() throws Exception {
    return Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
  }

  @Test
  void a_token_revoked_from_the_command_line_fails_at_the_running_daemons_next_request()
      throws Exception {
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD));
    Path data = dir.resolve("data");
    try (RunningDaemon running = cli.start(config(), data);
        Browser browser = new Browser(running.port())) {
      CliRunner.Run made =
          cli.run("token", "create", "--name", "ci", "--role", "admin", "--data", data.toString());
      assertThat(made.exitCode()).as(made.err()).isZero();
      String token = made.out().strip();
      String probe = "/api/v1/monitors/probe";
      assertThat(browser.get(probe, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(404);
      assertThat(
              cli.run("token", "list", "--json", "--data", data.toString())
                  .json()
                  .at("/tokens/0/last_used_at")
                  .isNull())
          .as("the use is noted")
          .isFalse();

      CliRunner.Run revoked = cli.run("token", "revoke", "ci", "--data", data.toString());
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(browser.get(probe, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(401);

      assertThat(browser.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
      assertThat(browser.get("/").body())
          .contains("<span>admin <small>(admin)</small></span>", "Log out");

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
      assertThat(done.out())
          .contains("Created user admin with the password from TICKR_ADMIN_PASSWORD.")
          .doesNotContain(ADMIN_PASSWORD);
    }
  }

  @Test
  void the_first_start_prints_a_generated_password_once_and_it_logs_in_after_a_restart()
      throws Exception {
    CliRunner cli = new CliRunner();
    Path data = dir.resolve("data");
    CliRunner.Run first = startAndStop(cli, data);
    assertThat(first.exitCode()).as(first.err()).isZero();
    Matcher shown = GENERATED.matcher(first.out());
    assertThat(shown.find()).as(first.out()).isTrue();
    String password = shown.group(1);
    assertThat(first.out()).contains("tickr user password admin");

    try (RunningDaemon second = cli.start(config(), data);
        Browser browser = new Browser(second.port())) {
      assertThat(browser.login("admin", "wrong-" + password).statusCode()).isEqualTo(401);
      assertThat(browser.login("admin", password).statusCode()).isEqualTo(303);
      assertThat(browser.get("/").statusCode()).isEqualTo(200);

      CliRunner.Run again = second.stop();
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).doesNotContain("Created user").doesNotContain(password);
    }
  }

  @Test
  void a_too_short_admin_password_stops_the_first_start_without_showing_it() throws Exception {
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "hunter2"));
    // It stops before it listens; were it to start, the default test timeout (60 s) would end it.
    CliRunner.Run run =
        cli.run(
            "run",
            "-c",
            config().toString(),
            "--data",
            dir.resolve("data").toString(),
            "--listen",
            "127.0.0.1:0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("TICKR_ADMIN_PASSWORD must have at least 8 characters")
        .doesNotContain("hunter2");
  }

  @Test
  void once_there_are_users_the_admin_password_variable_is_not_looked_at() throws Exception {
    Path data = dir.resolve("data");
    CliRunner.Run first =
        startAndStop(new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD)), data);
    assertThat(first.exitCode()).as(first.err()).isZero();

    try (RunningDaemon second =
            new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "hunter2")).start(config(), data);
        Browser browser = new Browser(second.port())) {
      assertThat(browser.login("admin", "hunter2").statusCode()).isEqualTo(401);
      assertThat(browser.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(303);

      CliRunner.Run again = second.stop();
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out() + again.err())
          .doesNotContain("Created user")
          .doesNotContain("hunter2");
    }
  }

  @Test
  void users_added_from_the_command_line_log_in_with_their_role() throws Exception {
    CliRunner cli =
        new CliRunner(
            Map.of(
                "TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "VIEWER_PW", "viewer-password-1",
                "NEW_PW", "admin-password-2"));
    Path data = dir.resolve("data");
    assertThat(startAndStop(cli, data).exitCode()).isZero();
    String d = data.toString();

    CliRunner.Run added =
        cli.run(
            "user", "add", "vic", "--role", "viewer", "--password-env", "VIEWER_PW", "--data", d);
    assertThat(added.exitCode()).as(added.err()).isZero();
    CliRunner.Run twice =
        cli.run(
            "user", "add", "vic", "--role", "viewer", "--password-env", "VIEWER_PW", "--data", d);
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("exists already");
    CliRunner.Run noVariable =
        cli.run("user", "add", "eve", "--role", "admin", "--password-env", "NOPE", "--data", d);
    assertThat(noVariable.exitCode()).isEqualTo(2);
    assertThat(noVariable.err()).contains("--password-env").contains("NOPE");
    CliRunner.Run changed =
        cli.run("user", "password", "admin", "--password-env", "NEW_PW", "--data", d);
    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(
            cli.run("user", "password", "nobody", "--password-env", "NEW_PW", "--data", d)
                .exitCode())
        .isEqualTo(1);
    assertThat(cli.run("user", "list", "--data", d).out())
        .containsPattern("admin +admin")
        .containsPattern("vic +viewer")
        .doesNotContain("argon2");

    try (RunningDaemon running = cli.start(config(), data);
        Browser viewer = new Browser(running.port());
        Browser admin = new Browser(running.port())) {
      assertThat(viewer.login("vic", "viewer-password-1").statusCode()).isEqualTo(303);
      String csrf = Browser.csrfField(viewer.get("/").body());
      HttpResponse<String> write = viewer.post("/api/v1/monitors", "{}", "X-CSRF-Token", csrf);
      assertThat(write.statusCode()).isEqualTo(403);
      assertThat(admin.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(401);
      assertThat(admin.login("admin", "admin-password-2").statusCode()).isEqualTo(303);
      assertThat(running.stop().exitCode()).isZero();
    }
  }

  /** A first start that makes the data directory (and the admin), stopped once it listens. */
  private CliRunner.Run startAndStop(CliRunner cli, Path data) throws Exception {
    try (RunningDaemon running = cli.start(config(), data)) {
      return running.stop();
    }
  }
}

package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that read the data directory find it as {@code tickr run} does: {@code --data}, else
 * the {@code storage.path} of the config named with {@code -c} (or {@code TICKR_CONFIG}); and
 * {@code tickr validate} without {@code -c} checks what {@code run} would read.
 */
class DataDirectoryFlagsTest {
  @TempDir Path dir;

  private Path store;
  private Path config;
  private final CliRunner cli = new CliRunner(Map.of());

  @BeforeEach
  void aConfigWithItsOwnStoragePath() throws IOException {
    store = dir.resolve("kept-here");
    SqliteStore.open(store, Retention.defaults(), Clock.systemUTC()).close();
    config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            "storage:\n  path: \""
                + store
                + "\"\nmonitors:\n  - {name: api, url: \"http://127.0.0.1:9/\"}\n");
  }

  @Test
  void status_token_user_and_incident_find_the_data_directory_from_the_configs_storage_path() {
    CliRunner.Run created =
        cli.run("token", "create", "--name", "ci", "--role", "viewer", "-c", config.toString());
    assertThat(created.exitCode()).as(created.all()).isZero();
    assertThat(cli.run("token", "list", "--json", "--data", store.toString()).out())
        .contains("\"ci\"");
    assertThat(cli.run("token", "list", "--config", config.toString()).out()).contains("ci");
    assertThat(cli.run("token", "revoke", "ci", "-c", config.toString()).exitCode()).isZero();

    CliRunner.Run users = cli.run("user", "list", "-c", config.toString());
    assertThat(users.exitCode()).as(users.all()).isZero();
    CliRunner.Run incidents = cli.run("incident", "list", "-c", config.toString());
    assertThat(incidents.exitCode()).as(incidents.all()).isZero();
    CliRunner.Run status = cli.run("status", "--json", "-c", config.toString());
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.json().path("monitors").isArray()).isTrue();

    CliRunner fromEnv = new CliRunner(Map.of("TICKR_CONFIG", config.toString()));
    CliRunner.Run envStatus = fromEnv.run("status", "--json");
    assertThat(envStatus.exitCode()).as(envStatus.all()).isZero();
  }

  @Test
  void data_wins_over_the_config_and_each_miss_says_where_it_looked() throws IOException {
    Path other = dir.resolve("other");
    CliRunner.Run both = cli.run("status", "--data", other.toString(), "-c", config.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--data: no Tickr data in " + other);

    Path noStorage = Files.writeString(dir.resolve("plain.yml"), "monitors: []\n");
    CliRunner.Run plain = cli.run("incident", "list", "-c", noStorage.toString());
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err())
        .contains(
            "-c: "
                + noStorage
                + " sets no storage.path, and there is no Tickr data in tickr-data (has `tickr"
                + " run` used it?)");

    Path empty = dir.resolve("empty-store.yml");
    Files.writeString(empty, "storage:\n  path: \"" + other + "\"\n");
    CliRunner.Run missing = cli.run("user", "list", "-c", empty.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("-c: no Tickr data in storage.path " + other + " (from " + empty + ")");

    Path broken = Files.writeString(dir.resolve("broken.yml"), "monitors: 7\n");
    CliRunner.Run bad = cli.run("token", "list", "-c", broken.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("-c: cannot read the data directory from " + broken + ": " + broken + ":1:");
  }

  @Test
  void validate_without_c_checks_what_run_would_read() {
    CliRunner.Run none = cli.run("validate");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "validate: no tickr.yml in the current directory; name the config with -c FILE (or"
                + " TICKR_CONFIG)\n");

    CliRunner.Run fromEnv =
        new CliRunner(Map.of("TICKR_CONFIG", config.toString())).run("validate");
    assertThat(fromEnv.exitCode()).as(fromEnv.all()).isZero();
    assertThat(fromEnv.out())
        .isEqualTo(config + ": valid (1 monitors, 0 channels, 0 status pages)\n");
  }
}

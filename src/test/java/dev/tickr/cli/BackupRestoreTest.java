package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr backup} while a real daemon writes the results of 1,000 monitors, and {@code tickr
 * restore}: the restored database passes {@code PRAGMA integrity_check} and holds every result that
 * was committed before the backup began.
 */
class BackupRestoreTest {
  private static final int MONITORS = 1_000;
  private static final String ADMIN = "br-admin-password-81";

  @TempDir Path dir;

  @Test
  void a_backup_taken_while_1000_monitors_write_restores_every_result_committed_before_it()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain().text("/ok", 200, "ok")) {
      String monitors =
          IntStream.range(0, MONITORS)
              .mapToObj(i -> "  - {name: m%04d, url: \"%s\"}".formatted(i, target.url("/ok")))
              .collect(Collectors.joining("\n"));
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              "defaults: {interval: 2s, timeout: 2s}\nmonitors:\n" + monitors + "\n");
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN));
      Path live = dir.resolve("data");
      Path backup = dir.resolve("tickr-backup.zip");
      Map<String, long[]> before;
      CliRunner.Run made;
      try (RunningDaemon running = cli.start(config, live)) {
        eventually(
            Duration.ofSeconds(60),
            () -> results(live) >= 2L * MONITORS && monitorsWithResults(live) == MONITORS,
            "results of every monitor written");
        before = perMonitor(live.resolve("tickr.db"));
        made = cli.run("backup", "--data", live.toString(), backup.toString());
        eventually(
            Duration.ofSeconds(30),
            () -> results(live) >= total(before) + MONITORS,
            "the daemon writing on after the backup");

        CliRunner.Run refused =
            cli.run("restore", backup.toString(), "--data", live.toString(), "--force");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("a running Tickr has").contains("stop it first");
        assertThat(running.stop().exitCode()).isZero();
      }
      assertThat(made.exitCode()).as(made.all()).isZero();
      assertThat(made.out()).contains("Backed up").contains("secret.key");
      assertThat(Files.getPosixFilePermissions(backup))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

      Path restored = dir.resolve("restored");
      CliRunner.Run back = cli.run("restore", backup.toString(), "--data", restored.toString());
      assertThat(back.exitCode()).as(back.all()).isZero();
      Path db = restored.resolve("tickr.db");
      assertThat(query(db, "PRAGMA integrity_check")).isEqualTo("ok");
      Map<String, long[]> after = perMonitor(db);
      assertThat(before).hasSize(MONITORS);
      for (Map.Entry<String, long[]> e : before.entrySet()) {
        long upTo = e.getValue()[1];
        long count =
            Long.parseLong(
                query(
                    db,
                    "SELECT COUNT(*) FROM results WHERE monitor = '"
                        + e.getKey()
                        + "' AND planned_at <= "
                        + upTo));
        assertThat(count).as(e.getKey()).isEqualTo(e.getValue()[0]);
      }
      assertThat(total(after)).isGreaterThanOrEqualTo(total(before));
      assertThat(Files.readString(restored.resolve("secret.key")))
          .isEqualTo(Files.readString(live.resolve("secret.key")));
      CliRunner.Run status = cli.run("status", "--data", restored.toString(), "--json");
      assertThat(status.exitCode()).as(status.all()).isZero();
      assertThat(status.out()).contains("m0999");
    }
  }

  @Test
  void restore_leaves_a_directory_that_is_not_empty_alone_unless_forced_and_then_moves_it_aside()
      throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN));
    Path data = dir.resolve("data");
    assertThat(
            cli.run(
                    "run",
                    "-c",
                    config.toString(),
                    "--data",
                    data.toString(),
                    "--listen",
                    "127.0.0.1:0",
                    "--stop-after",
                    "0s")
                .exitCode())
        .isZero();
    Path backup = dir.resolve("b.zip");
    assertThat(cli.run("backup", "--data", data.toString(), backup.toString()).exitCode()).isZero();
    CliRunner.Run again = cli.run("backup", "--data", data.toString(), backup.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists; --force replaces it");

    Files.writeString(data.resolve("note.txt"), "mine");
    CliRunner.Run refused = cli.run("restore", backup.toString(), "--data", data.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is not empty. Nothing was changed; --force");
    assertThat(data.resolve("note.txt")).exists();

    CliRunner.Run forced =
        cli.run("restore", backup.toString(), "--data", data.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.all()).isZero();
    assertThat(data.resolve("note.txt")).doesNotExist();
    try (var siblings = Files.list(dir)) {
      Path aside =
          siblings
              .filter(p -> p.getFileName().toString().startsWith("data.before-restore-"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(aside.resolve("note.txt"))).isEqualTo("mine");
      assertThat(forced.out()).contains("is now in " + aside);
    }

    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    CliRunner.Run bad = cli.run("restore", junk.toString(), "--data", dir.resolve("x").toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("not a Tickr backup").contains("Nothing was changed");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void with_the_key_in_the_environment_the_backup_says_loudly_that_the_key_is_not_in_it()
      throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    String key = "0123456789abcdef".repeat(4);
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN, "TICKR_SECRET_KEY", key));
    Path data = dir.resolve("data");
    assertThat(
            cli.run(
                    "run",
                    "-c",
                    config.toString(),
                    "--data",
                    data.toString(),
                    "--listen",
                    "127.0.0.1:0",
                    "--stop-after",
                    "0s")
                .exitCode())
        .isZero();
    Path backup = dir.resolve("b.zip");
    CliRunner.Run made = cli.run("backup", "--data", data.toString(), backup.toString());
    assertThat(made.exitCode()).as(made.all()).isZero();
    assertThat(made.err()).contains("WARNING: TICKR_SECRET_KEY is set, so the secret key is NOT");
    assertThat(made.all()).doesNotContain(key);
    CliRunner.Run back =
        cli.run("restore", backup.toString(), "--data", dir.resolve("r").toString());
    assertThat(back.exitCode()).isZero();
    assertThat(back.err()).contains("WARNING: this backup has no secret.key");
    assertThat(dir.resolve("r").resolve("secret.key")).doesNotExist();
  }

  @Test
  void a_database_whose_schema_is_newer_than_this_tickr_is_refused_and_left_unchanged()
      throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN));
    Path data = dir.resolve("data");
    assertThat(
            cli.run(
                    "run",
                    "-c",
                    config.toString(),
                    "--data",
                    data.toString(),
                    "--listen",
                    "127.0.0.1:0",
                    "--stop-after",
                    "0s")
                .exitCode())
        .isZero();
    Path db = data.resolve("tickr.db");
    execute(
        db,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (999, '999',"
            + " 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0, 1)");
    Path backup = dir.resolve("b.zip");
    assertThat(cli.run("backup", "--data", data.toString(), backup.toString()).exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(db);

    CliRunner.Run run =
        cli.run(
            "run",
            "-c",
            config.toString(),
            "--data",
            data.toString(),
            "--listen",
            "127.0.0.1:0",
            "--stop-after",
            "0s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("has schema version 999, newer than this Tickr knows (up to")
        .contains("a newer Tickr has used it")
        .contains("nothing was changed");
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);

    CliRunner.Run status = cli.run("status", "--data", data.toString());
    assertThat(status.exitCode()).isNotZero();
    assertThat(status.all()).contains("schema version 999");

    CliRunner.Run restore =
        cli.run("restore", backup.toString(), "--data", dir.resolve("r").toString());
    assertThat(restore.exitCode()).isEqualTo(1);
    assertThat(restore.err()).contains("schema version 999").contains("Nothing was changed");
    assertThat(dir.resolve("r")).doesNotExist();
  }

  private static long results(Path data) {
    try {
      return Long.parseLong(query(data.resolve("tickr.db"), "SELECT COUNT(*) FROM results"));
    } catch (SQLException e) {
      return 0;
    }
  }

  private static long monitorsWithResults(Path data) {
    try {
      return Long.parseLong(
          query(data.resolve("tickr.db"), "SELECT COUNT(DISTINCT monitor) FROM results"));
    } catch (SQLException e) {
      return 0;
    }
  }

  private static long total(Map<String, long[]> counts) {
    return counts.values().stream().mapToLong(c -> c[0]).sum();
  }

  /** Each monitor's number of results and its newest planned_at, read in one transaction. */
  private static Map<String, long[]> perMonitor(Path db) throws SQLException {
    Map<String, long[]> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT monitor, COUNT(*), MAX(planned_at) FROM results GROUP BY monitor")) {
      while (rs.next()) {
        out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
      }
    }
    return out;
  }

  private static String query(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private static void execute(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

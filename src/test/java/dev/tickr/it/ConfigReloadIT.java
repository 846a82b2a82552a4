package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloading a running {@code tickr run} process as its operator would: a broken edit is refused
 * with the file, line and column while the running config stays; SIGHUP reloads even when the file
 * did not change (as after a change the watcher cannot see); a good edit is taken.
 */
class ConfigReloadIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final Pattern RELOADED = Pattern.compile("reloaded monitors=(\\d+)");

  @TempDir Path dir;

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @Test
  void a_broken_edit_is_refused_with_its_place_and_sighup_reloads() throws Exception {
    try (TestHttpServer target = TestHttpServer.plain().route("/ok", r -> Reply.status(200))) {
      Path config = dir.resolve("tickr.yml");
      Files.writeString(config, monitors(target, "a"));
      Path log = dir.resolve("run.log");
      Process daemon =
          children.start(
              TickrProcess.jar(
                      dir, "run", "-c", "tickr.yml", "--data", "data", "--listen", "127.0.0.1:0")
                  .redirectErrorStream(true)
                  .redirectOutput(log.toFile()));
      TickrProcess.port(daemon, log, LIMIT);
      // The watcher takes the content it compares with once it runs, just after start-up: edit
      // until an edit is seen, so the test's edits are not taken for the starting content.
      boolean watching = false;
      for (int i = 0; i < 10 && !watching; i++) {
        Files.writeString(config, monitors(target, "a") + "# edit " + i + "\n");
        watching = waitFor(Duration.ofSeconds(3), () -> reloads(log) > 0);
      }
      assertThat(watching).as("the running daemon took an edit").isTrue();
      // A late reload of an earlier edit would come within the watcher's settle time; wait until
      // none has come for a while (the edits are finite, so this ends).
      int before = settledReloads(log);

      Files.writeString(
          config,
          """
          monitors:
            - name: a
              url: %s
              interval: soon
          """
              .formatted(target.url("/ok")));
      awaitCount(log, "rejected, the previous config keeps running", 1);
      assertThat(TickrProcess.readOrEmpty(log)).containsPattern("tickr\\.yml:4:\\d+: .*interval");
      assertThat(daemon.isAlive()).isTrue();

      hangUp(daemon);
      awaitCount(log, "rejected, the previous config keeps running", 2);

      Files.writeString(config, monitors(target, "a", "b"));
      awaitReloads(log, before + 1, 2);

      hangUp(daemon);
      awaitReloads(log, before + 2, 2);

      daemon.destroy(); // SIGTERM
      assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      assertThat(daemon.exitValue()).isZero();
      assertThat(TickrProcess.readOrEmpty(log)).doesNotContain("Exception");
    }
  }

  private static String monitors(TestHttpServer target, String... names) {
    StringBuilder yaml = new StringBuilder("monitors:\n");
    for (String name : names) {
      yaml.append("  - name: ")
          .append(name)
          .append("\n    url: ")
          .append(target.url("/ok"))
          .append("\n    interval: 1m\n    timeout: 10s\n");
    }
    return yaml.toString();
  }

  private static void hangUp(Process daemon) throws Exception {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static void awaitCount(Path log, String text, int count) throws InterruptedException {
    TickrProcess.waitUntil(
        LIMIT,
        count + " × \"" + text + "\" in " + log,
        () -> TickrProcess.readOrEmpty(log).split(Pattern.quote(text), -1).length - 1 >= count);
  }

  private static int reloads(Path log) {
    Matcher m = RELOADED.matcher(TickrProcess.readOrEmpty(log));
    int seen = 0;
    while (m.find()) {
      seen++;
    }
    return seen;
  }

  /** The number of reloads once none has come for 1.5 s. */
  private static int settledReloads(Path log) throws InterruptedException {
    int seen = reloads(log);
    for (int i = 0; i < 20; i++) {
      int now = seen;
      if (!waitFor(Duration.ofMillis(1500), () -> reloads(log) > now)) {
        return now;
      }
      seen = reloads(log);
    }
    throw new AssertionError("reloads do not settle");
  }

  private static boolean waitFor(Duration limit, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return true;
  }

  /** Waits for the {@code count}th reload, which must have taken {@code monitors} monitors. */
  private static void awaitReloads(Path log, int count, int monitors) throws InterruptedException {
    TickrProcess.waitUntil(LIMIT, count + " reloads in " + log, () -> reloads(log) >= count);
    assertThat(reloads(log)).as("reloads").isEqualTo(count);
    String text = TickrProcess.readOrEmpty(log);
    assertThat(text.substring(text.lastIndexOf("reloaded monitors=")))
        .startsWith("reloaded monitors=" + monitors);
  }
}

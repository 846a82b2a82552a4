package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.cli.CliRunner;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.testing.HeadlessBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;

/**
 * A real {@code tickr run} for browser tests, started once per test class: the YAML is written into
 * {@code dir}, the daemon listens on a loopback port the kernel chose, with user {@value #ADMIN}
 * and {@link #PASSWORD}, and {@link #start} returns once it listens. It runs until {@link
 * #stop(RunningTickr)} in {@code @AfterAll}, which fails, with what it printed, if it had died
 * early or does not stop cleanly.
 *
 * <pre>{@code
 * @TempDir static Path dir;
 * static @Nullable RunningTickr tickr;
 *
 * @BeforeAll
 * static void start() throws Exception {
 *   tickr = RunningTickr.start(dir, "monitors: []\n");
 *   browser.baseUrl(tickr.url());
 * }
 *
 * @AfterAll
 * static void stop() throws Exception {
 *   RunningTickr.stop(tickr); // null when the class was skipped before starting it
 * }
 * }</pre>
 */
final class RunningTickr {
  static final String ADMIN = "admin";
  static final String PASSWORD = "browser-test-admin-9f3e";

  private final CliRunner cli;
  private final Path data;
  private final RunningDaemon daemon;

  private RunningTickr(CliRunner cli, Path data, RunningDaemon daemon) {
    this.cli = cli;
    this.data = data;
    this.daemon = daemon;
  }

  static RunningTickr start(Path dir, String yaml) throws InterruptedException {
    Path config;
    try {
      config = Files.writeString(dir.resolve("tickr.yml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", PASSWORD));
    Path data = dir.resolve("data");
    return new RunningTickr(cli, data, cli.start(config, data));
  }

  /** The port the dashboard listens on. */
  int port() {
    return daemon.port();
  }

  /** {@code http://127.0.0.1:PORT}, for {@link HeadlessBrowser#baseUrl}. */
  String url() {
    return daemon.url();
  }

  /** A new API token, as {@code tickr token create} prints it. */
  String token(String name, String role) {
    return cli.token(data, name, role);
  }

  /** Logs {@link #ADMIN} in through the login form and waits for the overview. */
  void logIn(HeadlessBrowser browser) {
    browser.open("/login");
    browser.type(By.id("username"), ADMIN);
    browser.type(By.id("password"), PASSWORD);
    browser.clickAndWaitForPage(By.cssSelector("form[action='/login'] button[type=submit]"));
    assertThat(browser.path()).isEqualTo("/");
  }

  /**
   * Stops the daemon (as SIGTERM would) and fails, with what it printed, if it had stopped before
   * (it died while the tests ran) or did not stop cleanly; nothing if {@code tickr} is null.
   */
  static void stop(@Nullable RunningTickr tickr) throws InterruptedException {
    if (tickr == null) {
      return;
    }
    boolean diedEarly = !tickr.daemon.isRunning();
    CliRunner.Run done = tickr.daemon.stop();
    if (diedEarly) {
      throw new AssertionError(
          "tickr run stopped early with exit code " + done.exitCode() + ":\n" + done.all());
    }
    assertThat(done.exitCode()).as("tickr run's exit code once stopped:\n%s", done.all()).isZero();
  }

  /** Polls {@code done} every 50 ms until it holds, failing after {@code timeout}. */
  static void eventually(Duration timeout, BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}

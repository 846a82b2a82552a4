package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.cli.CliRunner;
import dev.tickr.testing.Browser;
import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;

/**
 * A real {@code tickr run} for browser tests, started once per test class: the YAML is written into
 * {@code dir}, the daemon listens on a free loopback port with user {@value #ADMIN} and {@link
 * #PASSWORD}, and {@link #start} returns once it answers {@code /healthz}. It stops by itself after
 * {@code stopAfter}; {@link #assertStillRunning()} in {@code @AfterAll} tells whether it died
 * early, with what it printed.
 *
 * <pre>{@code
 * @TempDir static Path dir;
 * static RunningTickr tickr;
 *
 * @BeforeAll
 * static void start() throws Exception {
 *   tickr = RunningTickr.start(dir, "monitors: []\n", "120s");
 *   browser.baseUrl(tickr.url());
 * }
 * }</pre>
 */
final class RunningTickr {
  static final String ADMIN = "admin";
  static final String PASSWORD = "browser-test-admin-9f3e";

  final CliRunner cli;
  final Path data;
  final int port;
  private final CompletableFuture<CliRunner.Run> run;

  private RunningTickr(CliRunner cli, Path data, int port, CompletableFuture<CliRunner.Run> run) {
    this.cli = cli;
    this.data = data;
    this.port = port;
    this.run = run;
  }

  static RunningTickr start(Path dir, String yaml, String stopAfter) throws InterruptedException {
    Path config;
    try {
      config = Files.writeString(dir.resolve("tickr.yml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", PASSWORD));
    Path data = dir.resolve("data");
    int port = Ports.closed();
    CompletableFuture<CliRunner.Run> run = cli.daemon(config, data, port, stopAfter);
    RunningTickr tickr = new RunningTickr(cli, data, port, run);
    try (Browser http = new Browser(port)) {
      eventually(
          Duration.ofSeconds(30), () -> run.isDone() || CliRunner.up(http), "the daemon listening");
    }
    tickr.assertStillRunning();
    return tickr;
  }

  /** {@code http://127.0.0.1:PORT}, for {@link HeadlessBrowser#baseUrl}. */
  String url() {
    return "http://127.0.0.1:" + port;
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

  /** Fails, with what the daemon printed, if it has stopped already. */
  void assertStillRunning() {
    if (run.isDone()) {
      CliRunner.Run done = run.join();
      throw new AssertionError(
          "tickr run stopped early with exit code " + done.exitCode() + ":\n" + done.all());
    }
  }

  /** Polls {@code done} every 50 ms until it holds, failing after {@code timeout}. */
  static void eventually(Duration timeout, BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}

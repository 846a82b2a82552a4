package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon as a process, used with a password, a session and API tokens: none of those
 * secrets is in its log output (stdout and stderr) or anywhere in the data directory's files. The
 * one exception is by design: a generated first password is shown once on stdout.
 */
class SecretsAtRestIT {
  private static final String ADMIN_PASSWORD = "it-admin-password-0815";

  @TempDir Path dir;

  /** The daemons end after the test, also when an assertion fails halfway. */
  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  private int runs;

  /** A daemon on a port of the kernel's choice, which it tells in its output. */
  private record Daemon(Process process, int port) {}

  private Daemon daemon(boolean withPassword) throws IOException, InterruptedException {
    Path out = dir.resolve("run-" + runs + ".out");
    ProcessBuilder b =
        TickrProcess.jar(dir, "run", "-c", "tickr.yml", "--data", "data", "--listen", "127.0.0.1:0")
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("run-" + runs + ".err").toFile());
    runs++;
    b.environment().remove("TICKR_ADMIN_PASSWORD");
    if (withPassword) {
      b.environment().put("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }
    Process p = children.start(b);
    return new Daemon(p, TickrProcess.port(p, out, Duration.ofSeconds(60)));
  }

  private static void awaitListening(Browser browser) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      try {
        if (browser.get("/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("the daemon did not listen within 30 s");
  }

  private static void stop(Daemon daemon) throws InterruptedException {
    Process p = daemon.process();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stops within 20 s").isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private TickrProcess.Result tickr(String... args) throws Exception {
    return TickrProcess.run(TickrProcess.jar(dir, args), Duration.ofSeconds(30));
  }

  private String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("run-")).toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** Every byte of every file under the data directory, as Latin-1 so any byte sequence matches. */
  private String dataFiles() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Test
  void the_admin_password_tokens_and_session_ids_are_in_no_log_and_no_data_file() throws Exception {
    Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Daemon run = daemon(true);
    List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD));
    try (Browser browser = new Browser(run.port())) {
      awaitListening(browser);

      TickrProcess.Result made =
          tickr("token", "create", "--name", "ci", "--role", "admin", "--data", "data");
      assertThat(made.exitCode()).as(made.err()).isZero();
      String token = made.out().strip();
      secrets.add(token);
      secrets.add(token.substring(4));
      assertThat(made.err()).doesNotContain(token);

      String probe = "/api/v1/probe";
      assertThat(browser.get(probe, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(404);
      assertThat(browser.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
      secrets.add(browser.cookies.get("tickr_session"));
      String csrf = Browser.csrfField(browser.get("/").body());
      secrets.add(csrf);
      try (Browser other = new Browser(run.port())) {
        assertThat(other.login("admin", ADMIN_PASSWORD + "-wrong").statusCode()).isEqualTo(401);
      }
      secrets.add(ADMIN_PASSWORD + "-wrong");

      TickrProcess.Result revoked = tickr("token", "revoke", "ci", "--data", "data");
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(browser.get(probe, "Authorization", "Bearer " + token).statusCode())
          .as("revoked in another process: refused at the next request")
          .isEqualTo(401);
      assertThat(tickr("token", "list", "--json", "--data", "data").out()).doesNotContain(token);
    } finally {
      stop(run);
    }

    String logs = logs();
    assertThat(logs).contains("Created user admin with the password from TICKR_ADMIN_PASSWORD");
    String files = dataFiles();
    for (String secret : secrets) {
      assertThat(logs).as("the logs").doesNotContain(secret);
      assertThat(files).as("the data directory").doesNotContain(secret);
    }
    assertThat(files)
        .as("the password's hash is there")
        .contains("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void a_generated_first_password_is_shown_once_on_stdout_and_nowhere_else() throws Exception {
    Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Daemon first = daemon(false);
    try (Browser browser = new Browser(first.port())) {
      awaitListening(browser);
    } finally {
      stop(first);
    }
    String out = Files.readString(dir.resolve("run-0.out"));
    Matcher shown =
        Pattern.compile("Created user admin with password ([A-Za-z0-9_-]{24})\\R").matcher(out);
    assertThat(shown.find()).as(out).isTrue();
    String password = shown.group(1);

    Daemon second = daemon(false);
    try (Browser browser = new Browser(second.port())) {
      awaitListening(browser);
      assertThat(browser.login("admin", password).statusCode()).isEqualTo(303);
    } finally {
      stop(second);
    }
    assertThat(Files.readString(dir.resolve("run-0.err"))).doesNotContain(password);
    assertThat(Files.readString(dir.resolve("run-1.out")))
        .doesNotContain("Created user")
        .doesNotContain(password);
    assertThat(Files.readString(dir.resolve("run-1.err"))).doesNotContain(password);
    assertThat(dataFiles()).doesNotContain(password);
  }
}

package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.auth.LoginThrottle;
import dev.tickr.testing.Browser;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many wrong passwords for one user from one address, sent at once to a real {@code tickr run}: no
 * more of them are verified (401) than the throttle lets through one after the other; the others
 * wait (429) or find every hash permit taken (503). The real user at another address still logs in.
 */
class LoginBurstEndToEndTest {
  private static final String ADMIN_PASSWORD = "burst-test-admin-password";
  private static final int BURST = 24;

  @TempDir Path dir;

  @Test
  void a_burst_of_wrong_passwords_gets_no_more_verifications_than_the_free_attempts()
      throws Exception {
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD));
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    try (RunningDaemon tickr = cli.start(config, dir.resolve("data"))) {
      List<Browser> browsers = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < BURST; i++) {
          Browser b = new Browser(tickr.port());
          browsers.add(b);
          tokens.add(Browser.csrfField(b.get("/login").body()));
        }
        CountDownLatch ready = new CountDownLatch(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
          Browser b = browsers.get(i);
          Map<String, String> form =
              Map.of("username", "admin", "password", "guess-" + i, "csrf", tokens.get(i));
          answers.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    assertThat(go.await(60, TimeUnit.SECONDS)).isTrue();
                    return b.form("/login", form).statusCode();
                  }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get(120, TimeUnit.SECONDS));
        }
        assertThat(statuses).allMatch(s -> Set.of(401, 429, 503).contains(s), "401, 429 or 503");
        assertThat(statuses.stream().filter(s -> s == 401).count())
            .as("verified wrong passwords among %s", statuses)
            .isBetween(1L, (long) LoginThrottle.FREE);
      } finally {
        browsers.forEach(Browser::close);
      }
      try (Browser user = new Browser(tickr.port(), InetAddress.getByName("127.0.0.2"))) {
        assertThat(user.login("admin", ADMIN_PASSWORD).statusCode())
            .as("the real user, at another address")
            .isEqualTo(303);
      }
      CliRunner.Run done = tickr.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }
}

package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.SLACK;
import static dev.tickr.check.http.Probe.observe;
import static dev.tickr.check.http.Probe.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.http.Probe.Timed;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.SlowServer.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hard deadline while every core is busy: platform threads spin beside the check (two per core,
 * each for a bounded time). Isolated, so that the spinning slows no other test class.
 */
@Isolated
class HttpCheckUnderLoadTest {
  private static final Duration BUDGET = Duration.ofMillis(1500);

  /** The longest a spinner spins, should a test never stop it. */
  private static final Duration MAX_SPIN = Duration.ofSeconds(50);

  private static final HttpCheck check = Probe.check();

  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> spinners = new ArrayList<>();

  @BeforeEach
  void spin() {
    int count = 2 * Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < count; i++) {
      spinners.add(
          Thread.ofPlatform()
              .daemon()
              .name("cpu-hog-" + i)
              .start(
                  () -> {
                    long until = System.nanoTime() + MAX_SPIN.toNanos();
                    while (!stop.get() && System.nanoTime() < until) {
                      Thread.onSpinWait();
                    }
                  }));
    }
  }

  @AfterEach
  void stopSpinning() throws InterruptedException {
    stop.set(true);
    for (Thread spinner : spinners) {
      spinner.join(MAX_SPIN.toMillis());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Stall.class,
      names = {"RESOLVING", "CONNECTING", "WAITING", "TRICKLING_BODY"})
  void a_stalled_server_still_ends_the_check_at_its_deadline(Stall stall) {
    try (Stall.Stalled stalled = stall.open(check)) {
      Timed timed = observe(stalled.check(), stalled.target(), BUDGET);

      assertThat(timed.failure()).isEqualTo(timeout("timeout after 1.5s while " + stall.phrase));
      assertThat(timed.took()).isBetween(BUDGET, BUDGET.plus(SLACK));
    }
  }

  @Test
  void a_healthy_server_still_passes_with_a_timeout_of_seconds() {
    try (SlowServer server = SlowServer.plain().route("/", Answer.ok("up"))) {
      Timed timed = observe(check, Probe.get(server.url("/")), Duration.ofSeconds(10));

      assertThat(timed.observation().failure()).isNull();
      assertThat(timed.observation().status()).isEqualTo(200);
    }
  }
}

package dev.tickr.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.config.ConnectivitySpec;
import dev.tickr.config.ConnectivitySpec.Canary;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.TcpListener;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard against canaries that are real TCP listeners on loopback, stopped and started. */
class ConnectivityGuardTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final Ticker ticker = Ticker.system();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final TcpListener a = TcpListener.open();
  private final TcpListener b = TcpListener.open();
  private final List<LinkEvent> events = new CopyOnWriteArrayList<>();
  private final ConnectivityGuard guard =
      new ConnectivityGuard(
          new HttpCheck(clock, ticker, "Tickr/test"), new TcpCheck(ticker), clock, ticker, threads);

  ConnectivityGuardTest() {
    guard.listen(events::add);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    a.close();
    b.close();
  }

  private void guardBoth() {
    List<Canary> canaries =
        List.of(new Canary.Tcp("127.0.0.1", a.port()), new Canary.Tcp("127.0.0.1", b.port()));
    guard.reconfigure(
        new ConnectivitySpec(canaries, Duration.ofSeconds(10), Duration.ofSeconds(8)));
  }

  @Test
  void without_canaries_every_failure_counts_and_nothing_is_probed() {
    long now = ticker.nanos();

    assertThat(guard.explains(now, now)).isFalse();
    assertThat(guard.state()).isEqualTo(LinkState.OFF);
    assertThat(guard.rounds()).isZero();
  }

  @Test
  void an_http_canary_that_answers_500_still_says_the_link_works() {
    try (TestHttpServer broken = TestHttpServer.plain().text("/", 500, "oops")) {
      guard.reconfigure(
          new ConnectivitySpec(
              List.of(new Canary.Http(broken.url("/"))),
              Duration.ofSeconds(10),
              Duration.ofSeconds(8))); // a canary that answers is never near it, even on a busy box

      assertThat(guard.probeNow().up()).isTrue();
      assertThat(guard.state()).isEqualTo(LinkState.ONLINE);
    }
  }

  @Test
  void one_canary_answering_is_enough_and_the_failure_counts() {
    guardBoth();
    a.stop();
    long now = ticker.nanos();

    assertThat(guard.explains(now, now)).isFalse();
    assertThat(guard.state()).isEqualTo(LinkState.ONLINE);
    assertThat(events).isEmpty();
  }

  @Test
  void many_failures_at_once_share_rounds_and_the_loss_is_announced_once() throws Exception {
    guardBoth();
    assertThat(guard.probeNow().up()).isTrue();
    a.stop();
    b.stop();

    List<Future<Boolean>> failures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long failedAt = ticker.nanos();
      failures.add(threads.submit(() -> guard.explains(failedAt, failedAt)));
    }
    for (Future<Boolean> f : failures) {
      assertThat(f.get()).as("every failure is explained by the lost link").isTrue();
    }

    assertThat(guard.state()).isEqualTo(LinkState.LOST);
    assertThat(guard.rounds()).as("the first round, then one or two for all 200").isBetween(2L, 4L);
    assertThat(events).hasSize(1);
    LinkEvent.Lost lost = (LinkEvent.Lost) events.get(0);
    assertThat(lost.detail())
        .startsWith("all 2 canaries failed: tcp://127.0.0.1:" + a.port() + ": connect");
  }

  @Test
  void a_check_that_ran_while_the_link_was_lost_does_not_count_even_if_it_ends_after()
      throws Exception {
    guardBoth();
    a.stop();
    b.stop();
    assertThat(guard.probeNow().up()).isFalse();
    long startedWhileLost = ticker.nanos();

    a.start();
    assertThat(guard.probeNow().up()).isTrue();
    long failedAfter = ticker.nanos();

    assertThat(guard.state()).isEqualTo(LinkState.ONLINE);
    assertThat(events).hasSize(2);
    assertThat(events.get(1)).isInstanceOf(LinkEvent.Restored.class);
    assertThat(events.get(1).lostAt()).isEqualTo(events.get(0).lostAt());
    assertThat(guard.explains(startedWhileLost, failedAfter)).isTrue();
    long startedAfter = ticker.nanos();
    assertThat(guard.explains(startedAfter, ticker.nanos())).isFalse();
  }

  @Test
  void turning_the_guard_off_while_lost_brings_the_link_back() {
    guardBoth();
    a.stop();
    b.stop();
    assertThat(guard.probeNow().up()).isFalse();

    guard.reconfigure(ConnectivitySpec.OFF);

    assertThat(guard.state()).isEqualTo(LinkState.OFF);
    assertThat(events).hasSize(2).last().isInstanceOf(LinkEvent.Restored.class);
  }
}

package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.SLACK;
import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.measured;
import static dev.tickr.check.http.Probe.observe;
import static dev.tickr.check.http.Probe.tookAbout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Observation;
import dev.tickr.check.Timings;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.SlowServer.Answer;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestDnsServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Each phase timing of {@link HttpCheck} against a server that holds back exactly that phase by a
 * known amount: per phase (not cumulative), summed over redirect hops, ttfb from the request.
 */
class HttpCheckPhasesTest {
  private static final TestCa ca = TestCertificates.create().ca();
  private static final HttpCheck check = Probe.check();

  @Test
  void dns_is_the_time_the_lookup_took() {
    Duration delay = Duration.ofMillis(900);
    try (TestDnsServer dns = TestDnsServer.answeringAfter(delay).a("api.tickr.test", "127.0.0.1");
        SlowServer server = SlowServer.plain().route("/", Answer.ok("up"))) {
      Observation o = observe(Probe.asking(dns), get(server.url("api.tickr.test", "/")));

      assertThat(o.failure()).isNull();
      tookAbout(o.timings().dns(), "dns", delay);
      assertThat(o.timings().tls()).as("plain HTTP has no TLS").isNull();
      assertDisjoint(o.timings());
    }
  }

  @Test
  void an_ip_address_is_not_looked_up() {
    try (SlowServer server = SlowServer.plain().route("/", Answer.ok("up"))) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).isNull();
      assertThat(o.timings().dns()).isNull();
      assertThat(o.timings().connect()).isNotNull();
      assertThat(o.timings().ttfb()).isNotNull();
    }
  }

  @Test
  void connect_is_the_wait_until_the_server_accepts() throws Exception {
    Duration delay = Duration.ofMillis(500);
    try (SlowServer server = SlowServer.heldBacklog().route("/", Answer.ok("up"))) {
      AtomicReference<Thread> checking = new AtomicReference<>();
      CompletableFuture<Observation> result =
          CompletableFuture.supplyAsync(
              () -> {
                checking.set(Thread.currentThread());
                return observe(check, get(server.url("/")));
              },
              task -> Thread.ofPlatform().daemon().start(task));
      awaitConnecting(checking, result);
      server.releaseAfter(delay);
      Observation o = result.get(Probe.BUDGET.toSeconds() + 10, TimeUnit.SECONDS);

      assertThat(o.failure()).isNull();
      // The kernel dropped the SYN while the queue was full: the connect completes at its next
      // retransmission after the release (1 s, 3 s or 7 s after the first).
      assertThat(measured(o.timings().connect(), "connect"))
          .isBetween(delay, Duration.ofSeconds(7).plus(SLACK));
      assertDisjoint(o.timings());
    }
  }

  @Test
  void tls_is_the_time_the_handshake_took() {
    Duration delay = Duration.ofMillis(800);
    try (SlowServer server =
        SlowServer.tls(ca.leaf("127.0.0.1"), delay).route("/", Answer.ok("up"))) {
      Observation o = observe(check, get(server.url("/"), ca.certificate()));

      assertThat(o.failure()).isNull();
      tookAbout(o.timings().tls(), "tls", delay);
      assertThat(o.tls()).isNotNull();
      assertDisjoint(o.timings());
    }
  }

  @Test
  void ttfb_is_the_wait_for_the_answer_once_the_request_is_sent() {
    Duration delay = Duration.ofMillis(800);
    try (SlowServer server = SlowServer.plain().route("/", Answer.ok("up").headAfter(delay))) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).isNull();
      tookAbout(o.timings().ttfb(), "ttfb", delay);
      assertDisjoint(o.timings());
    }
  }

  @Test
  void ttfb_runs_from_the_request_not_from_the_start_of_the_check() {
    Duration lookup = Duration.ofSeconds(1);
    Duration handshake = Duration.ofSeconds(2);
    Duration answer = Duration.ofMillis(300);
    try (TestDnsServer dns = TestDnsServer.answeringAfter(lookup).a("api.tickr.test", "127.0.0.1");
        SlowServer server =
            SlowServer.tls(ca.leaf("api.tickr.test"), handshake)
                .route("/", Answer.ok("up").headAfter(answer))) {
      Observation o =
          observe(Probe.asking(dns), get(server.url("api.tickr.test", "/"), ca.certificate()));

      assertThat(o.failure()).isNull();
      tookAbout(o.timings().dns(), "dns", lookup);
      tookAbout(o.timings().tls(), "tls", handshake);
      assertThat(measured(o.timings().ttfb(), "ttfb"))
          .as("ttfb holds the answer's wait, and neither the lookup nor the handshake")
          .isBetween(answer, answer.plus(handshake));
      assertDisjoint(o.timings());
    }
  }

  @Test
  void the_body_is_in_the_total_but_not_in_ttfb() {
    Duration delay = Duration.ofSeconds(2);
    try (SlowServer server =
        SlowServer.plain().route("/", Answer.ok("the whole body").bodyAfter(delay))) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).isNull();
      assertThat(o.body().text()).isEqualTo("the whole body");
      assertThat(measured(o.timings().ttfb(), "ttfb")).isLessThan(delay);
      // The server holds the body back from when it sent the head, which comes after the
      // connection opened: the total ends after both. (Not connect + ttfb + delay: ttfb ends when
      // the client took the head in, and on a busy machine that is later than the server sent it.)
      Duration connect = measured(o.timings().connect(), "connect");
      assertThat(o.timings().total()).isGreaterThanOrEqualTo(connect.plus(delay));
      assertThat(o.timings().total()).isGreaterThan(connect.plus(o.timings().ttfb()));
    }
  }

  @Test
  void each_phase_is_summed_over_the_hops_of_a_redirect_chain() {
    Duration lookup = Duration.ofMillis(300);
    Duration handshake = Duration.ofMillis(400);
    Duration answer = Duration.ofMillis(500);
    try (TestDnsServer dns = TestDnsServer.answeringAfter(lookup).a("api.tickr.test", "127.0.0.1");
        SlowServer server = SlowServer.tls(ca.leaf("api.tickr.test"), handshake)) {
      server
          .route("/a", Answer.redirect(302, "/b").headAfter(answer))
          .route(
              "/b",
              Answer.redirect(301, server.url("api.tickr.test", "/c").toString()).headAfter(answer))
          .route("/c", Answer.ok("arrived").headAfter(answer));

      Observation o =
          observe(Probe.asking(dns), get(server.url("api.tickr.test", "/a"), ca.certificate()));

      assertThat(o.failure()).isNull();
      assertThat(o.body().text()).isEqualTo("arrived");
      assertThat(o.url()).isEqualTo(server.url("api.tickr.test", "/c"));
      assertThat(o.redirects())
          .containsExactly(server.url("api.tickr.test", "/a"), server.url("api.tickr.test", "/b"));
      assertThat(server.connections()).as("a fresh connection for every hop").isEqualTo(3);
      tookAbout(o.timings().dns(), "dns", lookup.multipliedBy(3));
      tookAbout(o.timings().tls(), "tls", handshake.multipliedBy(3));
      tookAbout(o.timings().ttfb(), "ttfb", answer.multipliedBy(3));
      assertDisjoint(o.timings());
    }
  }

  /** The phases are separate stretches of the check: together they fit in its total. */
  private static void assertDisjoint(Timings t) {
    Duration sum = Duration.ZERO;
    for (Duration phase : Arrays.asList(t.dns(), t.connect(), t.tls(), t.ttfb())) {
      sum = phase == null ? sum : sum.plus(phase);
    }
    assertThat(t.total()).as("total against the sum of the phases").isGreaterThanOrEqualTo(sum);
  }

  /**
   * Waits until the checking thread is inside a socket's connect, so that the time the server then
   * holds the connection back is all connect time.
   */
  private static void awaitConnecting(
      AtomicReference<Thread> checking, CompletableFuture<?> result) {
    long deadline = System.nanoTime() + Probe.BUDGET.toNanos();
    while (System.nanoTime() < deadline && !result.isDone()) {
      Thread thread = checking.get();
      if (thread != null
          && Arrays.stream(thread.getStackTrace()).anyMatch(HttpCheckPhasesTest::isConnect)) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    throw new AssertionError("the check never started to connect: " + result);
  }

  private static boolean isConnect(StackTraceElement frame) {
    return frame.getClassName().equals("java.net.Socket")
        && frame.getMethodName().equals("connect");
  }
}

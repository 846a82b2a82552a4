package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.SLACK;
import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static dev.tickr.check.http.Probe.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Observation;
import dev.tickr.check.http.Probe.Timed;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.SlowServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hard deadline: whatever the server does, a check is over at its timeout, says in which phase
 * it struck, and overshoots by no more than a loaded machine's scheduling.
 */
class HttpCheckDeadlineTest {
  private static final Duration BUDGET = Duration.ofMillis(1500);
  private static final HttpCheck check = Probe.check();

  @ParameterizedTest
  @EnumSource(Stall.class)
  void a_server_that_stalls_ends_the_check_at_its_deadline_naming_the_phase(Stall stall) {
    try (Stall.Stalled stalled = stall.open(check)) {
      Timed timed = observe(stalled.check(), stalled.target(), BUDGET);

      assertThat(timed.failure()).isEqualTo(timeout("timeout after 1.5s while " + stall.phrase));
      assertThat(timed.took()).isBetween(BUDGET, BUDGET.plus(SLACK));
      assertThat(timed.observation().timings().total()).isBetween(BUDGET, BUDGET.plus(SLACK));
    }
  }

  @Test
  void a_timeout_in_the_body_keeps_the_status_that_had_arrived() {
    try (Stall.Stalled stalled = Stall.TRICKLING_BODY.open(check)) {
      Observation o = observe(check, stalled.target(), BUDGET).observation();

      assertThat(o.status()).isEqualTo(200);
      assertThat(o.connected()).isTrue();
      assertThat(o.body().size()).isZero();
      assertThat(o.timings().ttfb()).isNotNull();
    }
  }

  @Test
  void a_timeout_while_connecting_never_connected() {
    try (Stall.Stalled stalled = Stall.CONNECTING.open(check)) {
      Observation o = observe(check, stalled.target(), BUDGET).observation();

      assertThat(o.connected()).isFalse();
      assertThat(o.status()).isNull();
      assertThat(o.timings().connect())
          .as("the wait is connect time (all of it but what came before connecting)")
          .isNotNull()
          .isGreaterThan(BUDGET.dividedBy(2));
    }
  }

  @Test
  void the_time_a_lookup_took_before_the_deadline_struck_is_dns_time() {
    try (Stall.Stalled stalled = Stall.RESOLVING.open(check)) {
      Observation o = observe(stalled.check(), stalled.target(), BUDGET).observation();

      assertThat(o.timings().dns())
          .as("the wait is dns time (all of it but what came before the lookup)")
          .isNotNull()
          .isGreaterThan(BUDGET.dividedBy(2));
      assertThat(o.connected()).isFalse();
    }
  }

  @Test
  void the_time_a_handshake_took_before_the_deadline_struck_is_tls_time() {
    try (Stall.Stalled stalled = Stall.HANDSHAKING.open(check)) {
      Observation o = observe(check, stalled.target(), BUDGET).observation();

      assertThat(o.connected()).as("TCP connected; the handshake hung").isTrue();
      assertThat(o.timings().tls()).isNotNull().isPositive();
    }
  }

  @Test
  void an_expired_deadline_starts_nothing() {
    try (SlowServer server = SlowServer.plain().route("/", Answer.ok("up"))) {
      Timed timed = observe(check, get(server.url("/")), Duration.ZERO);

      assertThat(timed.failure())
          .isEqualTo(timeout("timeout after 0ms while starting the request"));
      assertThat(timed.took()).isLessThan(SLACK);
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void one_deadline_covers_the_whole_redirect_chain() {
    Duration hop = Duration.ofMillis(500);
    try (SlowServer server = SlowServer.plain()) {
      server
          .route("/a", Answer.redirect(302, "/b").headAfter(hop))
          .route("/b", Answer.redirect(302, "/c").headAfter(hop))
          .route("/c", Answer.ok("too late").headAfter(SLACK));

      Timed timed = observe(check, get(server.url("/a")), BUDGET);

      assertThat(timed.failure())
          .isEqualTo(timeout("timeout after 1.5s while waiting for the response"));
      assertThat(timed.took()).isBetween(BUDGET, BUDGET.plus(SLACK));
      assertThat(timed.observation().redirects())
          .containsExactly(server.url("/a"), server.url("/b"));
      assertThat(timed.observation().url()).isEqualTo(server.url("/c"));
    }
  }
}

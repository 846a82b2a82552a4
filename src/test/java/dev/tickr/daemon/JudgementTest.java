package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.assertion.ReasonRule;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.Body;
import dev.tickr.check.Failure;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.RateLimited;
import dev.tickr.incident.Verdict;
import dev.tickr.testing.TestCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a judged check counts: OK, DEGRADED (only soft conditions failed) or FAILED. */
class JudgementTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Judge JUDGE = new Judge(Clock.fixed(NOW, ZoneOffset.UTC));

  /** Expires {@link TestCertificates#LEAF_LIFETIME} (90 days) after {@link #NOW}. */
  private static final X509Certificate CERTIFICATE =
      TestCertificates.at(NOW).selfSigned("api.example.test").leaf();

  private static final Observation FAST = answer(200, Duration.ofMillis(120));
  private static final Observation SLOW = answer(200, Duration.ofMillis(2500));
  private static final Observation SLOW_ERROR = answer(500, Duration.ofMillis(2500));
  private static final Observation REFUSED =
      observation(
          null, Duration.ofMillis(3), new Failure(Reason.CONNECT, "connection refused"), false);

  private static final List<Condition> STATUS_AND_SPEED =
      conditions("[STATUS] == 200", "[RESPONSE_TIME] < 1000");
  private static final List<Condition> STATUS_AND_CERTIFICATE =
      conditions("[STATUS] == 200", "[CERTIFICATE_EXPIRATION] > 120d");

  @ParameterizedTest(name = "degraded: {0}")
  @ValueSource(booleans = {true, false})
  void a_check_that_passes_is_ok(boolean degraded) {
    assertThat(verdict(FAST, STATUS_AND_SPEED, degraded)).isEqualTo(Verdict.OK);
    assertThat(verdict(FAST, List.of(), degraded)).isEqualTo(Verdict.OK);
  }

  @Test
  void a_rate_limited_check_is_degraded_unless_the_monitor_says_down() {
    CheckResult limited = JUDGE.judge(answer(429, Duration.ofMillis(40)), STATUS_AND_SPEED);

    assertThat(limited.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(Judgement.verdict(limited, STATUS_AND_SPEED, true, RateLimited.DEFAULT))
        .isEqualTo(Verdict.DEGRADED);
    assertThat(Judgement.verdict(limited, STATUS_AND_SPEED, false, RateLimited.DEGRADED))
        .isEqualTo(Verdict.DEGRADED);
    assertThat(Judgement.verdict(limited, STATUS_AND_SPEED, true, RateLimited.DOWN))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void a_refusal_recognised_in_a_good_answer_is_a_failure_not_degraded() {
    Judge judge =
        new Judge(
            Clock.fixed(NOW, ZoneOffset.UTC),
            ReasonRules.of(
                List.of(ReasonRule.of(Reason.IP_NOT_ALLOWED, "Error Code 4002", true, "test"))));
    Observation o =
        new Observation(
            FAST.url(),
            true,
            200,
            "",
            "HTTP/1.1",
            FAST.headers(),
            new Body(
                "Error Code 4002".getBytes(StandardCharsets.UTF_8),
                false,
                "text/plain",
                StandardCharsets.UTF_8),
            FAST.timings(),
            null,
            null,
            List.of(),
            null);

    CheckResult result = judge.judge(o, STATUS_AND_SPEED);

    assertThat(result.reason()).isEqualTo(Reason.IP_NOT_ALLOWED);
    assertThat(Judgement.verdict(result, STATUS_AND_SPEED, true, RateLimited.DEFAULT))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void a_check_too_slow_and_otherwise_fine_is_degraded() {
    assertThat(verdict(SLOW, STATUS_AND_SPEED, true)).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void a_certificate_too_close_to_expiry_on_an_otherwise_fine_check_is_degraded() {
    assertThat(verdict(FAST, STATUS_AND_CERTIFICATE, true)).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void slow_with_a_certificate_close_to_expiry_is_still_only_degraded() {
    List<Condition> soft =
        conditions("[STATUS] == 200", "[RESPONSE_TIME] < 1000", "[CERTIFICATE_EXPIRATION] > 120d");

    assertThat(verdict(SLOW, soft, true)).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void without_degraded_soft_failures_are_plain_failures() {
    assertThat(verdict(SLOW, STATUS_AND_SPEED, false)).isEqualTo(Verdict.FAILED);
    assertThat(verdict(FAST, STATUS_AND_CERTIFICATE, false)).isEqualTo(Verdict.FAILED);
  }

  @ParameterizedTest(name = "degraded: {0}")
  @ValueSource(booleans = {true, false})
  void a_failed_condition_on_anything_else_is_a_failure(boolean degraded) {
    assertThat(verdict(SLOW_ERROR, STATUS_AND_SPEED, degraded)).isEqualTo(Verdict.FAILED);
    assertThat(verdict(FAST, conditions("[BODY] == ok", "[RESPONSE_TIME] < 1000"), degraded))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void a_condition_on_response_time_and_something_else_is_not_soft() {
    // Looks at the status as well as the time, so its failure is not only about speed.
    List<Condition> mixed = conditions("[RESPONSE_TIME] < [STATUS]");

    assertThat(verdict(SLOW, mixed, true)).isEqualTo(Verdict.FAILED);
  }

  @Test
  void a_failed_condition_of_two_literals_is_not_soft() {
    // It looks at nothing in the answer, so nothing about it is only about speed or certificates.
    assertThat(verdict(FAST, conditions("1 == 2"), true)).isEqualTo(Verdict.FAILED);
  }

  @ParameterizedTest(name = "degraded: {0}")
  @ValueSource(booleans = {true, false})
  void no_answer_is_a_failure_even_when_only_soft_conditions_fail(boolean degraded) {
    assertThat(verdict(REFUSED, conditions("[RESPONSE_TIME] < 1000"), degraded))
        .isEqualTo(Verdict.FAILED);
    assertThat(verdict(REFUSED, List.of(), degraded)).isEqualTo(Verdict.FAILED);
  }

  private static final Observation TIMED_OUT =
      observation(
          null,
          Duration.ofSeconds(5),
          new Failure(Reason.TIMEOUT, "timeout after 5s while connecting"),
          false);

  @Test
  void a_timeout_is_explained_by_a_stall_of_at_least_a_fifth_of_the_timeout() {
    CheckResult result = JUDGE.judge(TIMED_OUT, STATUS_AND_SPEED);
    Duration timeout = Duration.ofSeconds(5);

    assertThat(stalled(result, timeout, Duration.ofSeconds(1))).isTrue();
    assertThat(stalled(result, timeout, Duration.ofMillis(999))).isFalse();
    assertThat(stalled(result, Duration.ofMillis(300), Duration.ofMillis(99)))
        .as("a stall under 100 ms explains nothing")
        .isFalse();
  }

  @Test
  void only_response_time_failures_are_explained_by_a_stall() {
    Duration stall = Duration.ofSeconds(2);
    Duration timeout = Duration.ofSeconds(5);

    assertThat(stalled(JUDGE.judge(SLOW, STATUS_AND_SPEED), timeout, stall)).isTrue();
    assertThat(stalled(JUDGE.judge(SLOW_ERROR, STATUS_AND_SPEED), timeout, stall))
        .as("a 500 is the target's")
        .isFalse();
    assertThat(stalled(JUDGE.judge(REFUSED, STATUS_AND_SPEED), timeout, stall)).isFalse();
    assertThat(stalled(JUDGE.judge(FAST, STATUS_AND_SPEED), timeout, stall))
        .as("a passing check needs no excuse")
        .isFalse();
  }

  @Test
  void a_check_not_counted_says_why_and_what_it_saw() {
    CheckResult result = JUDGE.judge(TIMED_OUT, STATUS_AND_SPEED);
    var outcome = Judgement.inconclusive(NOW, result, Duration.ofMillis(1500));

    assertThat(outcome.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(outcome.reason()).isEqualTo(Reason.INTERNAL);
    assertThat(outcome.detail())
        .isEqualTo(
            "not counted: Tickr itself could not run for 1.5s during the check"
                + " (timeout after 5s while connecting)");
  }

  private static boolean stalled(CheckResult result, Duration timeout, Duration stall) {
    return Judgement.explainedByStall(result, STATUS_AND_SPEED, timeout, stall);
  }

  private static Verdict verdict(
      Observation observation, List<Condition> conditions, boolean degraded) {
    CheckResult result = JUDGE.judge(observation, conditions);
    return Judgement.verdict(result, conditions, degraded);
  }

  private static List<Condition> conditions(String... texts) {
    List<Condition> out = new ArrayList<>();
    for (String text : texts) {
      try {
        out.add(ConditionParser.parse(text));
      } catch (ConditionSyntaxException e) {
        throw new AssertionError(e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  /** An HTTPS answer with {@link #CERTIFICATE}, taking {@code total}. */
  private static Observation answer(int status, Duration total) {
    return observation(status, total, null, true);
  }

  private static Observation observation(
      @Nullable Integer status, Duration total, @Nullable Failure failure, boolean connected) {
    return new Observation(
        URI.create("https://api.example.test/v1/status"),
        connected,
        status,
        status == null ? null : "",
        status == null ? null : "HTTP/1.1",
        Headers.NONE,
        Body.EMPTY,
        Timings.totalOnly(total),
        connected ? new TlsInfo(List.of(CERTIFICATE), "TLSv1.3", "TLS_AES_128_GCM_SHA256") : null,
        connected ? InetAddress.getLoopbackAddress() : null,
        List.of(),
        failure);
  }
}

package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.CLOCK;
import static dev.tickr.assertion.Responses.json;
import static dev.tickr.assertion.Responses.judge;
import static dev.tickr.assertion.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {

  @Test
  void succeeds_when_every_condition_holds() {
    CheckResult result =
        judge(json("{\"ok\":true}").build(), "[STATUS] == 200", "[BODY].ok == true");
    assertThat(result.success()).isTrue();
    assertThat(result.reason()).isNull();
    assertThat(result.error()).isNull();
    assertThat(result.conditions())
        .containsExactly(
            new ConditionResult("[STATUS] == 200", true, "200"),
            new ConditionResult("[BODY].ok == true", true, "true"));
  }

  @Test
  void takes_reason_and_error_from_a_failed_exchange_and_still_lists_every_condition() {
    CheckResult result = judge(Responses.refused(), "[STATUS] < 400", "[CONNECTED] == false");
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.CONNECT);
    assertThat(result.error()).isEqualTo("connection refused");
    assertThat(result.conditions())
        .containsExactly(
            new ConditionResult("[STATUS] < 400", false, "no response (connection refused)"),
            new ConditionResult("[CONNECTED] == false", true, "false"));
  }

  @Test
  void fails_a_failed_exchange_even_when_every_condition_holds() {
    Observation timedOut =
        new Responses.Builder().status(200).truncatedBody("{\"a\":1}", 5).build();
    Observation withFailure =
        new Observation(
            timedOut.url(),
            true,
            200,
            "",
            "HTTP/1.1",
            timedOut.headers(),
            timedOut.body(),
            timedOut.timings(),
            null,
            timedOut.ip(),
            List.of(),
            new Failure(Reason.TIMEOUT, "timeout after 10s while reading the body"));
    CheckResult result = judge(withFailure, "[STATUS] == 200", "[BODY].a == 1");
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(result.error()).isEqualTo("timeout after 10s while reading the body");
    assertThat(result.conditions())
        .containsExactly(
            new ConditionResult("[STATUS] == 200", true, "200"),
            new ConditionResult(
                "[BODY].a == 1", false, "body is not valid JSON (truncated at 5 bytes)"));
  }

  @Test
  void with_no_conditions_judges_only_the_exchange() {
    assertThat(new Judge(CLOCK).judge(status(500).build(), List.of()).success()).isTrue();
    assertThat(new Judge(CLOCK).judge(Responses.refused(), List.of()).success()).isFalse();
  }

  @ParameterizedTest(name = "status {0} with {1} fails as {2}: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          401 | [STATUS] < 400 | auth-rejected | HTTP 401 Unauthorized: condition failed: [STATUS] < 400 (actual 401)
          403 | [STATUS] < 400 | access-denied | HTTP 403 Forbidden: condition failed: [STATUS] < 400 (actual 403)
          429 | [STATUS] < 400 | rate-limited  | HTTP 429 Too Many Requests: condition failed: [STATUS] < 400 (actual 429)
          500 | [STATUS] < 400 | http-status   | condition failed: [STATUS] < 400 (actual 500)
          404 | [BODY].ok == true | http-status | condition failed: [BODY].ok == true (actual no field "ok" at [BODY].ok)
          401 | [BODY].ok == true | auth-rejected | HTTP 401 Unauthorized: condition failed: [BODY].ok == true (actual no field "ok" at [BODY].ok)
          302 | [STATUS] == 200 | http-status   | condition failed: [STATUS] == 200 (actual 302)
          200 | [BODY].ok == true | body-error  | condition failed: [BODY].ok == true (actual no field "ok" at [BODY].ok)
          200 | [RESPONSE_TIME] < 100 | condition | condition failed: [RESPONSE_TIME] < 100 (actual 123ms)
          200 | [HEADER].ETag == x | condition   | condition failed: [HEADER].ETag == x (actual no header "ETag")
          200 | [CERTIFICATE_EXPIRATION] > 48h | condition | condition failed: [CERTIFICATE_EXPIRATION] > 48h (actual no certificate (the server presented none))
          200 | age([BODY].at) < 1h | stale-data | condition failed: age([BODY].at) < 1h (actual 2h)
          200 | age([BODY].gone) < 1h | body-error | condition failed: age([BODY].gone) < 1h (actual no field "gone" at [BODY].gone)
          200 | age([HEADER].Date) < 1h | condition | condition failed: age([HEADER].Date) < 1h (actual no header "Date")
          """)
  void classifies_the_reason(int code, String condition, String reason, String error) {
    Observation o = json("{\"at\":\"2026-11-24T10:00:00Z\"}").status(code).build();
    CheckResult result = judge(o, condition);
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).extracting(Reason::code).isEqualTo(reason);
    assertThat(result.error()).isEqualTo(error);
  }

  @Test
  void prefers_stale_data_over_a_body_error_over_a_status() {
    Observation o = json("{\"at\":\"2026-11-24T10:00:00Z\"}").status(200).build();
    CheckResult result = judge(o, "[STATUS] == 201", "[BODY].ok == true", "age([BODY].at) < 1h");
    assertThat(result.reason()).isEqualTo(Reason.STALE_DATA);
    assertThat(result.error())
        .isEqualTo("condition failed: [STATUS] == 201 (actual 200) (+2 more)");
    assertThat(judge(o, "[STATUS] == 201", "[BODY].ok == true").reason())
        .isEqualTo(Reason.BODY_ERROR);
  }

  @Test
  void a_status_the_conditions_expect_is_not_a_failure() {
    assertThat(judge(status(401).build(), "[STATUS] == 401").success()).isTrue();
  }

  @Test
  void judges_many_observations_with_the_same_conditions_at_once() throws Exception {
    List<Condition> conditions =
        List.of(
            Responses.parse("[STATUS] == 200"),
            Responses.parse("[BODY].n == [BODY].expected"),
            Responses.parse("len([BODY].items) == 2"));
    Judge judge = new Judge(CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks =
          IntStream.range(0, 200)
              .<Callable<Boolean>>mapToObj(
                  i -> {
                    String body =
                        "{\"n\":"
                            + i
                            + ",\"expected\":"
                            + (i % 2 == 0 ? i : -1)
                            + ",\"items\":[1,2]}";
                    Observation o = json(body).responseTime(Duration.ofMillis(i)).build();
                    return () -> judge.judge(o, conditions).success() == (i % 2 == 0);
                  })
              .toList();
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

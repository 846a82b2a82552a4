package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.affiliate.AffiliateReasons;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reason table: the built-in error messages of affiliate platforms as the composition root
 * hands them to the judge, and a monitor's own {@code reasons:} before them.
 */
class ReasonRulesTest {
  private static final Judge JUDGE = new Judge(CLOCK, AffiliateReasons.RULES);

  private static CheckResult judge(Observation o, ReasonRules own, String... conditions) {
    List<Condition> parsed = new ArrayList<>();
    for (String c : conditions) {
      parsed.add(Responses.parse(c));
    }
    return JUDGE.judge(o, parsed, own);
  }

  private static Observation answer(int status, String body) {
    return Responses.text(body).status(status).build();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          200 | Error: Invalid Account - Error Code 4002 - 203.0.113.9 | ip-not-allowed | HTTP 200: the body reads "Error: Invalid Account - Error Code 4002 - 203.0.113.9"
          403 | {"error":"IP address 203.0.113.9 is not whitelisted"} | ip-not-allowed | HTTP 403 Forbidden: the body reads "{"error":"IP address 203.0.113.9 is not whitelisted"}"; condition failed: [STATUS] < 400 (actual 403)
          403 | Your IP is not allowed to access this API | ip-not-allowed | HTTP 403 Forbidden: the body reads "Your IP is not allowed to access this API"; condition failed: [STATUS] < 400 (actual 403)
          401 | Unauthorized IP address | ip-not-allowed | HTTP 401 Unauthorized: the body reads "Unauthorized IP address"; condition failed: [STATUS] < 400 (actual 401)
          403 | {"Error":"Request not on the IP allow list"} | ip-not-allowed | HTTP 403 Forbidden: the body reads "{"Error":"Request not on the IP allow list"}"; condition failed: [STATUS] < 400 (actual 403)
          403 | {"error":"Out of realm"} | access-denied | HTTP 403 Forbidden: the body reads "{"error":"Out of realm"}"; condition failed: [STATUS] < 400 (actual 403)
          403 | {"error":"token not allowed on this endpoint"} | access-denied | HTTP 403 Forbidden: condition failed: [STATUS] < 400 (actual 403)
          401 | {"error":"invalid api key"} | auth-rejected | HTTP 401 Unauthorized: condition failed: [STATUS] < 400 (actual 401)
          429 | slow down | rate-limited | HTTP 429 Too Many Requests: condition failed: [STATUS] < 400 (actual 429)
          500 | upstream IP not allowed | ip-not-allowed | HTTP 500: the body reads "upstream IP not allowed"; condition failed: [STATUS] < 400 (actual 500)
          """)
  void names_the_reason_a_platform_s_answer_means(
      int status, String body, String reason, String error) {
    CheckResult result = judge(answer(status, body), ReasonRules.NONE, "[STATUS] < 400");

    assertThat(result.success()).isFalse();
    assertThat(result.reason()).extracting(Reason::code).isEqualTo(reason);
    assertThat(result.error()).isEqualTo(error);
  }

  @Test
  void a_whitelist_error_in_a_200_fails_even_when_every_condition_holds() {
    Observation shareasale =
        answer(200, "Error: Invalid Account - Error Code 4002 - 203.0.113.9\n");

    CheckResult result = judge(shareasale, ReasonRules.NONE, "[STATUS] < 400");

    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.IP_NOT_ALLOWED);
    assertThat(result.conditions()).allSatisfy(c -> assertThat(c.success()).isTrue());
  }

  @Test
  void an_ip_phrase_in_a_good_answer_is_not_an_error() {
    CheckResult result =
        judge(answer(200, "{\"note\":\"IP not allowed errors are rare\"}"), ReasonRules.NONE);

    assertThat(result.success()).isTrue();
  }

  @Test
  void an_error_status_the_conditions_expect_stays_a_success() {
    CheckResult result =
        judge(answer(403, "IP address not whitelisted"), ReasonRules.NONE, "[STATUS] == 403");

    assertThat(result.success()).isTrue();
  }

  @Test
  void a_monitors_own_messages_come_first_and_fail_any_answer() {
    ReasonRules own =
        ReasonRules.of(
            List.of(
                ReasonRule.of(Reason.IP_NOT_ALLOWED, "caller .* unknown", true, "tickr.yml:7:9"),
                ReasonRule.of(Reason.ACCESS_DENIED, "Error Code 4002", true, "tickr.yml:8:9")));

    CheckResult ip = judge(answer(200, "{\"msg\":\"Caller 10.0.0.1 unknown\"}"), own);
    CheckResult mine = judge(answer(200, "Error Code 4002"), own);

    assertThat(ip.reason()).isEqualTo(Reason.IP_NOT_ALLOWED);
    assertThat(ip.error())
        .isEqualTo("HTTP 200: the body reads \"{\"msg\":\"Caller 10.0.0.1 unknown\"}\"");
    assertThat(mine.reason()).isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void quotes_the_line_around_the_match_and_no_more() {
    String body = "x".repeat(500) + " Error Code 4002 - 198.51.100.7 " + "y".repeat(500) + "\nz";

    String error = String.valueOf(judge(answer(200, body), ReasonRules.NONE).error());

    assertThat(error)
        .contains("Error Code 4002 - 198.51.100.7")
        .startsWith("HTTP 200: the body reads \"…");
    assertThat(error.length()).isLessThan(200);
  }

  @Test
  void a_rate_limited_answer_tells_its_limits() {
    Observation o =
        Responses.text("slow down")
            .status(429)
            .header("Retry-After", "120")
            .header("X-RateLimit-Limit-hour", "1000")
            .header("X-RateLimit-Remaining-hour", "0")
            .header("Content-Type", "text/plain")
            .build();

    CheckResult result = judge(o, ReasonRules.NONE, "[STATUS] < 400");

    assertThat(result.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(result.error())
        .isEqualTo(
            "HTTP 429 Too Many Requests: condition failed: [STATUS] < 400 (actual 429);"
                + " Retry-After: 120; X-RateLimit-Limit-hour: 1000; X-RateLimit-Remaining-hour: 0");
  }

  @Test
  void a_table_names_only_reasons_a_body_can_tell() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReasonRules.of(List.of(ReasonRule.of(Reason.DNS, "x", true, "built-in"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.json;
import static dev.tickr.assertion.Responses.judge;
import static dev.tickr.assertion.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import org.junit.jupiter.api.Test;

/** The failures affiliate networks hide inside a 200, caught with conditions. */
class AffiliateExamplesTest {

  @Test
  void tune_reports_an_invalid_network_token_as_a_body_error() {
    String body =
        "{\"response\":{\"status\":-1,\"errors\":[{\"err_msg\":\"Invalid NetworkToken\"}]}}";
    CheckResult result =
        judge(
            json(body).build(),
            "[STATUS] == 200",
            "[BODY].response.status != -1",
            "has([BODY].response.errors[0]) == false");
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(result.error())
        .isEqualTo("condition failed: [BODY].response.status != -1 (actual -1) (+1 more)");
  }

  @Test
  void tune_passes_a_good_answer() {
    String body = "{\"response\":{\"status\":1,\"data\":{\"count\":12},\"errors\":[]}}";
    CheckResult result =
        judge(
            json(body).build(), "[BODY].response.status != -1", "len([BODY].response.errors) == 0");
    assertThat(result.success()).isTrue();
  }

  @Test
  void shareasale_reports_an_error_page_served_as_text() {
    String body = "Error: Invalid Account - Error Code 4002 - 1.2.3.4";
    CheckResult result = judge(text(body).build(), "[BODY] != pat(*Error Code*)");
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(result.conditions().get(0).actual()).isEqualTo(body);
    assertThat(result.error())
        .isEqualTo("condition failed: [BODY] != pat(*Error Code*) (actual " + body + ")");
  }

  @Test
  void shareasale_passes_a_report() {
    String body = "Date|Clicks|Sales\n2026-11-23|120|4\n";
    assertThat(judge(text(body).build(), "[BODY] != pat(*Error Code*)").success()).isTrue();
  }

  @Test
  void impact_accepts_any_of_several_statuses() {
    assertThat(
            judge(json("{\"Status\":\"QUEUED\"}").build(), "[BODY].Status == any(OK, QUEUED)")
                .success())
        .isTrue();
    CheckResult failed =
        judge(json("{\"Status\":\"FAILED\"}").build(), "[BODY].Status == any(OK, QUEUED)");
    assertThat(failed.reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(failed.conditions().get(0).actual()).isEqualTo("FAILED");
  }

  @Test
  void impact_pages_are_counted_with_their_at_sign_keys() {
    String body = "{\"@numpages\":3,\"@page\":1,\"Actions\":[{\"Id\":\"1\"},{\"Id\":\"2\"}]}";
    CheckResult result =
        judge(json(body).build(), "[BODY].@numpages >= 1", "len([BODY].Actions) > 0");
    assertThat(result.success()).isTrue();
  }

  @Test
  void fresh_conversion_data_passes() {
    String body = "{\"data\":{\"updated_at\":\"2026-11-24T11:15:00Z\"}}";
    CheckResult result = judge(json(body).build(), "age([BODY].data.updated_at) < 2h");
    assertThat(result.success()).isTrue();
    assertThat(result.conditions().get(0).actual()).isEqualTo("45m");
  }

  @Test
  void stale_conversion_data_fails_as_stale_data() {
    String body = "{\"data\":{\"updated_at\":\"2026-11-23T09:00:00Z\"}}";
    CheckResult result = judge(json(body).build(), "age([BODY].data.updated_at) < 2h");
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.STALE_DATA);
    assertThat(result.error())
        .isEqualTo("condition failed: age([BODY].data.updated_at) < 2h (actual 27h)");
  }
}

package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.NOW;
import static dev.tickr.assertion.Responses.evaluate;
import static dev.tickr.assertion.Responses.json;
import static dev.tickr.assertion.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Observation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions on status, response time, certificate, connection, address and headers. */
class PlaceholderConditionsTest {

  private static void assertResult(Observation o, String condition, boolean holds, String actual) {
    ConditionResult result = evaluate(o, condition);
    assertThat(result.success()).as(result.actual()).isEqualTo(holds);
    assertThat(result.actual()).isEqualTo(actual);
  }

  @ParameterizedTest(name = "{1} with status {0} holds: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          200 | [STATUS] == 200              | true
          201 | [STATUS] == 200              | false
          200 | [STATUS]==200                | true
          299 | [STATUS] < 300               | true
          301 | [STATUS] < 300               | false
          299 | [STATUS] <= 299              | true
          401 | [STATUS] > 400               | true
          400 | [STATUS] > 400               | false
          200 | [STATUS] >= 200              | true
          500 | [STATUS] != 500              | false
          429 | [STATUS] == any(200, 429)    | true
          201 | [STATUS] == any(200, 429)    | false
          204 | [STATUS] == pat(2*)          | true
          404 | [STATUS] == pat(2*)          | false
          399 | [STATUS] < 400               | true
          """)
  void judges_the_status(int code, String condition, boolean holds) {
    assertResult(status(code).build(), condition, holds, Integer.toString(code));
  }

  @ParameterizedTest(name = "{1} after {0}ms holds: {2}, actual {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          123  | [RESPONSE_TIME] < 500      | true  | 123ms
          500  | [RESPONSE_TIME] < 500      | false | 500ms
          501  | [RESPONSE_TIME] < 500      | false | 501ms
          500  | [RESPONSE_TIME] <= 500ms   | true  | 500ms
          1500 | [RESPONSE_TIME] < 1s       | false | 1.5s
          999  | [RESPONSE_TIME] < 1s       | true  | 999ms
          1234 | [RESPONSE_TIME] > 1s       | true  | 1.234s
          90000| [RESPONSE_TIME] < 2m       | true  | 1m30s
          250  | [RESPONSE_TIME] == 250     | true  | 250ms
          """)
  void judges_the_response_time_in_milliseconds(
      long millis, String condition, boolean holds, String actual) {
    assertResult(
        status(200).responseTime(Duration.ofMillis(millis)).build(), condition, holds, actual);
  }

  @ParameterizedTest(name = "{1} with a certificate expiring in {0} holds: {2}, actual {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PT71H59M     | [CERTIFICATE_EXPIRATION] > 48h        | true  | 71h59m
          PT24H        | [CERTIFICATE_EXPIRATION] > 48h        | false | 24h
          PT49H        | [CERTIFICATE_EXPIRATION] > 172800000  | true  | 49h
          P30D         | [CERTIFICATE_EXPIRATION] > 7d         | true  | 30d
          -PT74H       | [CERTIFICATE_EXPIRATION] > 0          | false | -3d2h
          PT1H30M      | [CERTIFICATE_EXPIRATION] < 1h30m      | false | 1h30m
          """)
  void judges_the_certificate_expiration(
      String untilExpiry, String condition, boolean holds, String actual) {
    Observation o = status(200).certificateExpiring(NOW.plus(Duration.parse(untilExpiry))).build();
    assertResult(o, condition, holds, actual);
  }

  @ParameterizedTest(name = "{0} on plain HTTP: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [CERTIFICATE_EXPIRATION] > 48h         | no certificate (not a TLS connection)
          has([CERTIFICATE_EXPIRATION]) == true  | false
          """)
  void has_no_certificate_without_tls(String condition, String actual) {
    assertResult(status(200).url("http://api.example.test/").build(), condition, false, actual);
  }

  @ParameterizedTest(name = "{1} from {0} holds: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          127.0.0.1     | [IP] == 127.0.0.1                | true  | 127.0.0.1
          10.0.0.1      | [IP] == 127.0.0.1                | false | 10.0.0.1
          192.168.1.20  | [IP] == pat(192.168.*)           | true  | 192.168.1.20
          ::1           | [IP] == any(127.0.0.1, ::1)      | true  | ::1
          2001:db8::1   | [IP] == 2001:db8::1              | true  | 2001:db8::1
          2001:db8:0:1:0:0:0:1 | [IP] == 2001:db8:0:1::1   | true  | 2001:db8:0:1::1
          """)
  void judges_the_address(String ip, String condition, boolean holds, String actual) {
    assertResult(status(200).ip(ip).build(), condition, holds, actual);
  }

  @ParameterizedTest(name = "{0} holds: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [CONNECTED] == true    | true  | true
          [CONNECTED] != false   | true  | true
          [CONNECTED] == false   | false | true
          """)
  void judges_the_connection(String condition, boolean holds, String actual) {
    assertResult(status(200).build(), condition, holds, actual);
  }

  @ParameterizedTest(name = "{0} holds: {1}, actual {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          [HEADER].Content-Type == pat(application/json*)   | true  | application/json; charset=utf-8
          [HEADER].content-type == pat(application/json*)   | true  | application/json; charset=utf-8
          [HEADER].Vary == "Accept, Origin"                 | true  | Accept, Origin
          [HEADER].X-RateLimit-Remaining > 10               | true  | 42
          [HEADER].X-RateLimit-Remaining < 10               | false | 42
          len([HEADER].ETag) == 5                           | true  | 5
          has([HEADER].X-Debug) == false                    | true  | false
          has([HEADER].ETag) == true                        | true  | true
          [HEADER].X-Debug == on                            | false | no header "X-Debug"
          age([HEADER].Last-Modified) < 1d                  | true  | 12h
          [HEADER].Set-Cookie == pat(session=*)             | true  | ***
          [HEADER].Set-Cookie == other                      | false | ***
          [HEADER].Set-Cookie > 1                           | false | not a number: "***"
          """)
  void judges_headers(String condition, boolean holds, String actual) {
    Observation o =
        status(200)
            .body("{}")
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Vary", "Accept")
            .header("vary", "Origin")
            .header("X-RateLimit-Remaining", "42")
            .header("ETag", "\"abc\"")
            .header("Last-Modified", "Tue, 24 Nov 2026 00:00:00 GMT")
            .secretHeader("Set-Cookie", "session=s3cr3t")
            .build();
    assertResult(o, condition, holds, actual);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [STATUS] == 200                   | false | no response (connection refused)
          [RESPONSE_TIME] < 500             | false | no response (connection refused)
          [BODY] == pat(*ok*)               | false | no response (connection refused)
          [BODY].data.x == 1                | false | no response (connection refused)
          len([BODY]) > 0                   | false | no response (connection refused)
          [HEADER].ETag == x                | false | no response (connection refused)
          age([BODY].updated_at) < 1h       | false | no response (connection refused)
          [IP] == 127.0.0.1                 | false | no IP address (connection refused)
          [CERTIFICATE_EXPIRATION] > 48h    | false | no certificate (connection refused)
          [CONNECTED] == true               | false | false
          [CONNECTED] == false              | true  | false
          has([BODY].errors) == false       | true  | false
          [STATUS] == [STATUS]              | false | no response (connection refused) vs no response (connection refused)
          """)
  void says_why_there_is_nothing_to_judge_without_a_response(
      String condition, boolean holds, String actual) {
    assertResult(Responses.refused(), condition, holds, actual);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [BODY].a == 1    | body is not valid JSON (truncated at 9 bytes)
          [BODY] == pat({*) | {"a":[1,2
          """)
  void says_when_a_truncated_body_is_not_json(String condition, String actual) {
    Observation o = json("").truncatedBody("{\"a\":[1,2,3]}", 9).build();
    ConditionResult result = evaluate(o, condition);
    assertThat(result.actual()).isEqualTo(actual);
  }

  @Test
  void shows_at_most_a_hundred_characters_of_a_value() {
    String body = "x".repeat(500);
    ConditionResult result = evaluate(Responses.text(body).build(), "[BODY] == y");
    assertThat(result.actual()).isEqualTo("x".repeat(100) + "…");
  }
}

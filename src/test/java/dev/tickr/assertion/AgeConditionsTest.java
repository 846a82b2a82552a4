package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.evaluate;
import static dev.tickr.assertion.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code age()} reads every timestamp form an API is likely to send, judged at a fixed now. */
class AgeConditionsTest {

  @ParameterizedTest(name = "updated_at {0} is {2} old")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # now is 2026-11-24T12:00:00Z (epoch 1795521600)
          "2026-11-24T11:30:00Z"           | true  | 30m
          "2026-11-24T11:30:00.250Z"       | true  | 29m59s
          "2026-11-24T13:30:00+02:00"      | true  | 30m
          "2026-11-24T06:30:00-0500"       | true  | 30m
          "2026-11-24T11:30:00"            | true  | 30m
          "2026-11-24 11:30:00"            | true  | 30m
          "2026-11-24"                     | false | 12h
          "Tue, 24 Nov 2026 11:30:00 GMT"  | true  | 30m
          1795519800                       | true  | 30m
          1795519800.5                     | true  | 29m59s
          "1795519800"                     | true  | 30m
          1795519800000                    | true  | 30m
          "1795519800000"                  | true  | 30m
          "2026-11-24T08:00:00Z"           | false | 4h
          "2026-11-21T10:00:00Z"           | false | 3d2h
          "2026-11-24T12:00:00Z"           | true  | 0ms
          "2026-11-24T13:00:00Z"           | true  | -1h
          "2026-11-24T11:59:59.150Z"       | true  | 850ms
          """)
  void reads_timestamps(String updatedAt, boolean fresh, String age) {
    String body = "{\"data\":{\"updated_at\":" + updatedAt + "}}";
    ConditionResult result = evaluate(json(body).build(), "age([BODY].data.updated_at) < 2h");
    assertThat(result.actual()).isEqualTo(age);
    assertThat(result.success()).isEqualTo(fresh);
  }

  @ParameterizedTest(name = "updated_at {0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          "abc"                  | not a timestamp: "abc"
          "2026-13-01"           | not a timestamp: "2026-13-01"
          "2026-02-30T00:00:00Z" | not a timestamp: "2026-02-30T00:00:00Z"
          true                   | not a timestamp: "true"
          1e999999999            | not a timestamp: "1E+999999999"
          "99999999999999999999" | not a timestamp: "99999999999999999999"
          {"at":1}               | not a timestamp: "{"at":1}"
          """)
  void explains_what_is_not_a_timestamp(String updatedAt, String actual) {
    String body = "{\"data\":{\"updated_at\":" + updatedAt + "}}";
    ConditionResult result = evaluate(json(body).build(), "age([BODY].data.updated_at) < 2h");
    assertThat(result.success()).isFalse();
    assertThat(result.actual()).isEqualTo(actual);
  }

  @ParameterizedTest(name = "{0} holds")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          age([BODY].at) < 7200000
          age([BODY].at) >= 30m
          age([BODY].at) == 1800000
          age([BODY].at) == 30m
          age([BODY].at) > [BODY].limit
          """)
  void compares_ages_as_durations(String condition) {
    String body = "{\"at\":\"2026-11-24T11:30:00Z\",\"limit\":60000}";
    ConditionResult result = evaluate(json(body).build(), condition);
    assertThat(result.success()).as(result.actual()).isTrue();
  }
}

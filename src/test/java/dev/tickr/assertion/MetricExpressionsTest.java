package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metrics read from an answer, and the aggregates and {@code [*]} that read them. */
class MetricExpressionsTest {
  private static final String ACTIONS =
      """
      {"Actions": [
        {"Id": "a1", "State": "APPROVED", "Payout": 12.5, "EventDate": "2026-11-24T11:00:00Z"},
        {"Id": "a2", "State": "PENDING", "Payout": "7.25", "EventDate": "2026-11-24T10:00:00Z"},
        {"Id": "a3", "State": "APPROVED", "Payout": 0.25, "EventDate": "2026-11-24T11:30:00Z"},
        {"Id": "a4", "State": "REVERSED", "Payout": null, "EventDate": "2026-11-23T09:00:00Z"}
      ], "Total": "4", "@page": 1}
      """;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          len([BODY].Actions)                                 | 4.0
          sum([BODY].Actions[*].Payout)                       | 20.0
          min([BODY].Actions[*].Payout)                       | 0.25
          max([BODY].Actions[*].Payout)                       | 12.5
          count([BODY].Actions[*].Payout)                     | 3.0
          count([BODY].Actions[*].State == "APPROVED")        | 2.0
          count([BODY].Actions[*].State != APPROVED)          | 2.0
          count([BODY].Actions[*].Payout > 1)                 | 2.0
          count([BODY].Actions)                               | 4.0
          [BODY].Actions[0].EventDate                         | 1795518000.0
          max([BODY].Actions[*].EventDate)                    | 1795519800.0
          [BODY].Total                                        | 4.0
          [STATUS]                                            | 200.0
          """)
  void reads_a_number_from_the_answer(String expression, double expected) {
    assertThat(read(expression, ACTIONS)).containsEntry("m", expected);
  }

  @Test
  void a_metric_without_a_value_is_left_out_and_noted() {
    CheckResult result = judgeMetrics(Map.of("m", "[BODY].Actions[9].Payout"), ACTIONS);
    assertThat(result.metrics()).isEmpty();
    assertThat(result.notes())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("metric m has no value: index 9 out of range");
  }

  @Test
  void an_empty_array_sums_to_zero_and_has_no_max() {
    CheckResult result =
        judgeMetrics(
            Map.of("s", "sum([BODY].Actions[*].Payout)", "x", "max([BODY].Actions[*].Payout)"),
            "{\"Actions\": []}");
    assertThat(result.metrics()).containsExactly(Map.entry("s", 0.0));
    assertThat(result.notes())
        .containsExactly("metric x has no value: no values at [BODY].Actions[*].Payout");
  }

  @Test
  void conditions_compare_aggregates_of_the_body_too() {
    CheckResult result =
        Responses.judge(
            json(ACTIONS).build(),
            "sum([BODY].Actions[*].Payout) > 10",
            "count([BODY].Actions[*].State == \"REVERSED\") == 0");
    assertThat(result.conditions())
        .extracting(ConditionResult::success, ConditionResult::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, "20"),
            org.assertj.core.groups.Tuple.tuple(false, "1"));
  }

  @ParameterizedTest(name = "{0}: column {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          sum([BODY].Actions[x].Payout)           | 20 | bad index [x]
          sum([BODY].a) > 3                       | 15 | not a condition
          sum([HEADER].X)                         | 5  | reads [BODY] paths
          [METRIC].other                          | 1  | not from other metrics
          ''                                      | 1  | empty metric
          count([BODY].a[*] ~ 3)                  | 19 | unexpected ~ 3
          """)
  void rejects_what_is_not_a_metric(String expression, int column, String message) {
    assertThatThrownBy(() -> MetricExpression.parse(expression))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).contains(message);
              assertThat(e.column()).isEqualTo(column);
            });
  }

  private static Map<String, Double> read(String expression, String body) {
    return judgeMetrics(Map.of("m", expression), body).metrics();
  }

  static CheckResult judgeMetrics(Map<String, String> expressions, String body) {
    Map<String, MetricExpression> declared = new LinkedHashMap<>();
    expressions.forEach(
        (name, text) -> {
          try {
            declared.put(name, MetricExpression.parse(text));
          } catch (ConditionSyntaxException e) {
            throw new AssertionError(e.getMessage() + "\n" + e.pointer(), e);
          }
        });
    Observation observation = json(body).build();
    return new Judge(Responses.CLOCK)
        .judge(
            observation,
            List.of(),
            ReasonRules.NONE,
            MetricPlan.of("reports", declared, MetricHistory.NONE));
  }
}

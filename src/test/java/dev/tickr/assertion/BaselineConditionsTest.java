package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conditions over metrics and their history, on a synthetic series with daily and weekly
 * seasonality, judged once a minute on an injected clock.
 */
class BaselineConditionsTest {
  /** A Monday, 14:10 UTC. */
  private static final Instant MONDAY_1410 = Instant.parse("2026-12-07T14:10:00Z");

  private static final String BASELINE = "[METRIC].conversions >= 0.3 * baseline(conversions, 4w)";
  private static final Instant FIVE_WEEKS_AGO = MONDAY_1410.minus(Duration.ofDays(35));

  private final MutableClock clock = new MutableClock(MONDAY_1410);

  @Test
  void a_drop_to_zero_in_a_busy_hour_alerts_at_the_first_check_after_it() {
    Instant drop = MONDAY_1410;
    clock.set(drop.minus(Duration.ofMinutes(30)));
    CheckResult first = null;
    for (int minute = 0; minute < 60 && first == null; minute++) {
      Instant now = clock.instant();
      double current = now.isBefore(drop) ? SeasonalSeries.usual(now, now) : 0;
      CheckResult r = judge(current, SeasonalSeries.recorded(FIVE_WEEKS_AGO, now), BASELINE);
      if (!r.success()) {
        first = r;
        assertThat(now).isEqualTo(drop);
      }
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(first).isNotNull();
    CheckResult alert = java.util.Objects.requireNonNull(first);
    assertThat(alert.reason()).isEqualTo(Reason.VOLUME_ANOMALY);
    assertThat(alert.error())
        .isEqualTo(
            "conversions 0; usual for Monday 14:00 UTC: 40 (4 weeks) (condition " + BASELINE + ")");
  }

  @Test
  void a_normal_night_time_low_does_not_alert() {
    clock.set(Instant.parse("2026-12-08T03:00:00Z"));
    for (int minute = 0; minute < 120; minute++) {
      Instant now = clock.instant();
      CheckResult r =
          judge(
              SeasonalSeries.usual(now, now),
              SeasonalSeries.recorded(FIVE_WEEKS_AGO, now),
              BASELINE);
      assertThat(r.success()).as("at %s", now).isTrue();
      assertThat(r.notes()).isEmpty();
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void a_weekend_low_does_not_alert_but_a_weekday_value_as_low_does() {
    clock.set(Instant.parse("2026-12-12T14:00:00Z"));
    Instant saturday = clock.instant();
    assertThat(judge(10, SeasonalSeries.recorded(FIVE_WEEKS_AGO, saturday), BASELINE).success())
        .isTrue();
    clock.set(MONDAY_1410);
    CheckResult monday = judge(10, SeasonalSeries.recorded(FIVE_WEEKS_AGO, MONDAY_1410), BASELINE);
    assertThat(monday.success()).isFalse();
    assertThat(monday.reason()).isEqualTo(Reason.VOLUME_ANOMALY);
  }

  @Test
  void a_short_history_says_so_instead_of_alerting() {
    Instant nineDaysAgo = MONDAY_1410.minus(Duration.ofDays(9));
    CheckResult r = judge(0, SeasonalSeries.recorded(nineDaysAgo, MONDAY_1410), BASELINE);
    assertThat(r.success()).isTrue();
    assertThat(r.conditions().get(0).actual())
        .isEqualTo(
            "not judged yet: baseline(conversions, 4w) has 1 of the 2 weeks of history it needs at"
                + " Monday 14:00 UTC");
    assertThat(r.notes()).singleElement().asString().startsWith(BASELINE + ": not judged yet");
  }

  @Test
  void a_stale_newest_timestamp_alerts_as_stale_data() {
    Map<String, String> metrics = Map.of("newest", "[BODY].Actions[0].EventDate");
    String body = "{\"Actions\": [{\"EventDate\": \"2026-12-07T09:10:00Z\"}]}";
    CheckResult r = judge(metrics, body, MetricHistory.NONE, "age([METRIC].newest) < 2h");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.STALE_DATA);
    assertThat(r.error())
        .isEqualTo("newest is 5h old (2026-12-07T09:10:00Z) (condition age([METRIC].newest) < 2h)");
  }

  @Test
  void a_look_back_averages_the_window_with_this_value() {
    Instant drop = MONDAY_1410.minus(Duration.ofMinutes(30));
    MetricHistory history =
        new SeasonalSeries(FIVE_WEEKS_AGO, MONDAY_1410, t -> t.isBefore(drop) ? 40 : 0);
    CheckResult r = judge(0, history, "avg(conversions, 1h) >= 25");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.VOLUME_ANOMALY);
    assertThat(r.error()).startsWith("avg(conversions, 1h) 19.6721 (61 values)");
    assertThat(r.conditions().get(0).actual()).isEqualTo("19.6721");
  }

  @Test
  void metric_conditions_on_a_monitor_without_metrics_say_what_is_missing() {
    CheckResult r = Responses.judge(json("{}").build(), "[METRIC].conversions > 0");
    assertThat(r.conditions().get(0).actual()).isEqualTo("no metric named conversions this time");
  }

  private CheckResult judge(double conversions, MetricHistory history, String condition) {
    return judge(
        Map.of("conversions", "[BODY].count"),
        "{\"count\": " + conversions + "}",
        history,
        condition);
  }

  private CheckResult judge(
      Map<String, String> metrics, String body, MetricHistory history, String condition) {
    Map<String, MetricExpression> declared = new java.util.LinkedHashMap<>();
    metrics.forEach(
        (name, text) -> {
          try {
            declared.put(name, MetricExpression.parse(text));
          } catch (ConditionSyntaxException e) {
            throw new AssertionError(e);
          }
        });
    return new Judge(clock)
        .judge(
            json(body).build(),
            List.of(Responses.parse(condition)),
            ReasonRules.NONE,
            MetricPlan.of("report", declared, history));
  }
}

package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code revenue:} key: what a monitor carries, each problem at its place. */
class RevenueConfigTest {

  private static final String REPORT =
      """
      monitors:
        - name: actions
          url: http://127.0.0.1:1/actions
          metrics:
            conversions: "len([BODY].Actions)"
            payout-total: "sum([BODY].Actions[*].Payout)"
      """;

  @Test
  void a_pixel_reads_its_volume_from_the_report_monitors_metrics() throws ConfigException {
    Config config =
        Fixtures.parse(
            REPORT
                + """
                  - name: pixel
                    url: http://127.0.0.1:1/pixel
                    revenue:
                      conversions-per-hour: conversions
                      payout: payout-total
                      currency: EUR
                      volume-from: actions
                      claim-within: 30d
                """);

    Revenue r = java.util.Objects.requireNonNull(config.monitor("pixel").orElseThrow().revenue());
    assertThat(r.conversionsPerHour()).isEqualTo(new Revenue.Metric("conversions"));
    assertThat(r.payout()).isEqualTo(new Revenue.Metric("payout-total"));
    assertThat(r.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(r.volumeFrom()).isEqualTo("actions");
    assertThat(r.claimWithin()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void fixed_figures_need_no_metrics() throws ConfigException {
    MonitorSpec m =
        Fixtures.only(
            """
            monitors:
              - name: postback
                url: http://127.0.0.1:1/postback
                revenue: {conversions-per-hour: 12.5, payout: 4, currency: USD}
            """);

    Revenue r = java.util.Objects.requireNonNull(m.revenue());
    assertThat(r.conversionsPerHour()).isEqualTo(new Revenue.Fixed(12.5));
    assertThat(r.volumeFrom()).isNull();
  }

  @Test
  void a_metric_the_source_monitor_does_not_read_is_named_at_revenue() {
    List<String> problems =
        Fixtures.problems(
            REPORT
                + """
                  - name: pixel
                    url: http://127.0.0.1:1/pixel
                    revenue:
                      conversions-per-hour: conversion
                      payout: 4
                      currency: EUR
                      volume-from: actions
                """);

    assertThat(problems)
        .containsExactly(
            "tickr.yml:10:7: revenue reads the metric \"conversion\" but monitor \"actions\" has"
                + " only conversions, payout-total (did you mean \"conversions\"?); declare it"
                + " under metrics: or give a number");
  }

  @Test
  void without_volume_from_the_metric_must_be_the_monitors_own() {
    List<String> problems =
        Fixtures.problems(
            """
            monitors:
              - name: pixel
                url: http://127.0.0.1:1/pixel
                revenue: {conversions-per-hour: conversions, payout: 4, currency: EUR}
            """);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("tickr.yml:4:14: revenue reads the metric \"conversions\"")
        .contains("monitor \"pixel\" declares no metrics");
  }

  @Test
  void an_unknown_volume_monitor_and_bad_figures_are_each_named() {
    List<String> problems =
        Fixtures.problems(
            REPORT
                + """
                  - name: pixel
                    url: http://127.0.0.1:1/pixel
                    revenue:
                      conversions-per-hour: -3
                      payout: 4
                      currency: EURO
                  - name: postback
                    url: http://127.0.0.1:1/postback
                    revenue: {conversions-per-hour: 5, payout: 4, currency: EUR, volume-from: action}
                """);

    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p).startsWith("tickr.yml:10:29: conversions-per-hour must be 0 or more"))
        .anySatisfy(
            p -> assertThat(p).startsWith("tickr.yml:12:17: currency must be an ISO 4217 code"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("tickr.yml:15:79:")
                    .contains("volume-from names no monitor: \"action\"")
                    .contains("did you mean \"actions\"?"));
  }
}

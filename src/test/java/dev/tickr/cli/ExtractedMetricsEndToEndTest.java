package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of extracted metrics in a running Tickr: the series in the API, the last value
 * on {@code /metrics}, the chart's section on the monitor page; and a bad expression refused at
 * load with its place.
 */
class ExtractedMetricsEndToEndTest {
  private static final String ACTIONS =
      """
      {"Actions": [
        {"State": "APPROVED", "Payout": "12.50", "EventDate": "2026-12-07T11:00:00Z"},
        {"State": "PENDING", "Payout": 7.5, "EventDate": "2026-12-07T10:00:00Z"}
      ]}
      """;

  @TempDir Path dir;

  private final TestHttpServer target = TestHttpServer.plain();
  private final CliRunner cli = new CliRunner(Map.of());

  ExtractedMetricsEndToEndTest() {
    target.json("/actions", 200, ACTIONS);
  }

  @AfterEach
  void close() {
    target.close();
  }

  private static String get(URI uri, String token) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /** Waits until the series at {@code uri} holds a point: a check was judged and stored. */
  private static void awaitPoints(URI uri, String token, String what) throws InterruptedException {
    AlertingEndToEndTest.eventually(
        Duration.ofSeconds(30),
        () -> {
          try {
            return AlertingEndToEndTest.JSON.readTree(get(uri, token)).path("points").size() > 0;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        what);
  }

  @Test
  void metrics_read_from_answers_show_in_the_api_on_metrics_and_on_the_page() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        monitors:
          - name: impact-actions
            url: %s
            interval: 1s
            metrics:
              conversions: "len([BODY].Actions)"
              revenue: "sum([BODY].Actions[*].Payout)"
              newest: "max([BODY].Actions[*].EventDate)"
        """
            .formatted(target.url("/actions")));
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      String token = cli.token(dir.resolve("data"), "reader", "viewer");
      URI series = running.uri("/api/v1/monitors/impact-actions/metrics/revenue?since=1h");
      awaitPoints(series, token, "a stored value of revenue");
      JsonNode answer = AlertingEndToEndTest.JSON.readTree(get(series, token));
      assertThat(answer.path("expression").asText()).isEqualTo("sum([BODY].Actions[*].Payout)");
      assertThat(answer.path("resolution").asText()).isEqualTo("raw");
      assertThat(answer.path("points").get(0).path("mean").asDouble()).isEqualTo(20.0);
      assertThat(get(running.uri("/api/v1/monitors/impact-actions/metrics/nope"), token))
          .contains("no metric named \\\"nope\\\"; it declares conversions, revenue, newest");

      assertThat(get(running.uri("/metrics"), token))
          .contains("tickr_metric_value{metric=\"conversions\",monitor=\"impact-actions\"} 2.0")
          .contains("tickr_metric_value{metric=\"newest\",monitor=\"impact-actions\"} 1.7966412E9");
      assertThat(get(running.uri("/monitors/impact-actions"), token))
          .contains("<h2 id=\"metrics-h\">Metrics</h2>")
          .contains("sum([BODY].Actions[*].Payout)");
      assertThat(running.stop().exitCode()).isZero();
    }
  }

  @Test
  void a_flows_named_durations_are_stored_as_a_series_and_judged_as_metrics() throws Exception {
    target.json("/convert", 200, "{\"ok\": true}");
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        monitors:
          - name: conversion
            type: flow
            interval: 1s
            durations:
              attribution-latency: {from: convert, to: report}
            conditions:
              - "[METRIC].attribution-latency < 3600"
            steps:
              - name: convert
                url: %s
              - name: report
                url: %s
        """
            .formatted(target.url("/convert"), target.url("/actions")));
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      String token = cli.token(dir.resolve("data"), "reader", "viewer");
      URI series = running.uri("/api/v1/monitors/conversion/metrics/attribution-latency?since=1h");
      awaitPoints(series, token, "a stored attribution latency");
      JsonNode answer = AlertingEndToEndTest.JSON.readTree(get(series, token));
      assertThat(answer.path("expression").asText()).isEqualTo("measured by the flow monitor");
      assertThat(answer.path("points").get(0).path("mean").asDouble()).isBetween(0.0, 30.0);
      JsonNode monitor =
          AlertingEndToEndTest.JSON.readTree(
              get(running.uri("/api/v1/monitors/conversion"), token));
      assertThat(monitor.path("state").asText()).as("%s", monitor).isNotEqualTo("DOWN");
      assertThat(get(running.uri("/monitors/conversion"), token))
          .contains("<h2 id=\"metrics-h\">Metrics</h2>")
          .contains("attribution-latency");
      assertThat(running.stop().exitCode()).isZero();
    }
  }

  @Test
  void a_bad_expression_is_refused_at_load_with_its_place() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        monitors:
          - name: impact-actions
            url: https://api.example.com/actions
            metrics:
              revenue: "sum([BODY].Actions[x].Payout)"
        """);

    CliRunner.Run run = cli.run("validate", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.all())
        .contains(config + ":5:36: metrics.revenue: bad index [x]: expected [*], [0] or [-1]");
  }

  @Test
  void a_condition_on_an_undeclared_metric_is_refused_at_load_with_its_place() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        monitors:
          - name: impact-actions
            url: https://api.example.com/actions
            metrics:
              conversions: "len([BODY].Actions)"
            conditions:
              - "[METRIC].conversions >= 0.3 * baseline(conversion, 4w)"
        """);

    CliRunner.Run run = cli.run("validate", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.all())
        .contains(
            config + ":7:40: no metric named \"conversion\" in metrics: (declared: conversions)");
  }
}

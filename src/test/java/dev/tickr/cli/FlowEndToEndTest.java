package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow on a real daemon: its failing middle step is named in the incident, its clean-up step runs
 * after it, and the API shows its steps with the step's token masked.
 */
class FlowEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final TestHttpServer target = TestHttpServer.plain();

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void a_failing_middle_step_is_named_in_the_incident_and_clean_up_still_runs() throws Exception {
    target
        .json("/login", 200, "{\"session\": \"s-81\"}")
        .text("/convert/s-81", 500, "boom")
        .text("/cleanup/s-81", 200, "ok");
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: conversion
                type: flow
                interval: 1s
                failure-threshold: 1
                steps:
                  - name: login
                    url: %1$slogin
                    auth: {bearer: flow-token-3c9e1a}
                    extract: {SESSION: "[BODY].session"}
                  - name: convert
                    url: %1$sconvert/{{SESSION}}
                    method: POST
                    body: '{"order": "{{uuid}}"}'
                  - name: cleanup
                    url: %1$scleanup/{{SESSION}}
                    always: true
            """
                .formatted(target.url("/")));
    CliRunner cli = new CliRunner();
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser viewer = new Browser(tickr.port())) {
      String bearer = "Bearer " + cli.token(data, "reader", "viewer");

      eventually(
          Duration.ofSeconds(20),
          () -> monitor(viewer, bearer).path("state").asText().equals("DOWN"),
          "the flow DOWN");

      JsonNode m = monitor(viewer, bearer);
      assertThat(m.at("/incident/reason").asText()).isEqualTo("http-status");
      assertThat(m.at("/steps/1/name").asText()).isEqualTo("convert");
      assertThat(m.toString()).doesNotContain("flow-token-3c9e1a");
      String page = viewer.get("/monitors/conversion", "Authorization", bearer).body();
      assertThat(page)
          .contains("step &quot;convert&quot;: HTTP 500")
          .doesNotContain("flow-token-3c9e1a");
      assertThat(target.requests())
          .extracting(RecordedRequest::path)
          .contains("/login", "/convert/s-81", "/cleanup/s-81");
    }
  }

  @Test
  void each_step_and_duration_is_shown_in_the_api_the_page_and_test_now_with_secrets_masked()
      throws Exception {
    String configToken = "flow-token-3c9e1a";
    String runToken = "tok-extracted-77aa0f";
    target
        .route(
            "/login",
            r ->
                Reply.status(200)
                    .json(
                        "{\"session\": \"s-81\", \"echo\": \"" + r.header("Authorization") + "\"}"))
        .route(
            "/token", r -> Reply.status(200).header("X-Api-Key", runToken).json("{\"ok\": true}"))
        .route(
            "/report/s-81",
            r ->
                Reply.status(200)
                    .json("{\"amount\": 11, \"echo\": \"" + r.header("Authorization") + "\"}"));
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: conversion
                type: flow
                interval: 1s
                failure-threshold: 1
                durations:
                  login-to-token: {from: login, to: token}
                  attribution-latency: {from: login, to: report}
                steps:
                  - name: login
                    url: %1$slogin
                    auth: {bearer: %2$s}
                    conditions: ["[BODY].echo != nothing"]
                    extract: {SESSION: "[BODY].session"}
                  - name: token
                    url: %1$stoken
                    extract: {KEY: "[HEADER].X-Api-Key"}
                  - name: report
                    url: %1$sreport/{{SESSION}}
                    headers:
                      Authorization: Bearer {{KEY}}
                    conditions:
                      - "[BODY].amount == 12"
                      - "[BODY].echo == nothing"
                  - name: never
                    url: %1$snever
            """
                .formatted(target.url("/"), configToken));
    CliRunner cli = new CliRunner();
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser b = new Browser(tickr.port())) {
      String bearer = "Bearer " + cli.token(data, "admin", "admin");

      eventually(
          Duration.ofSeconds(20),
          () -> monitor(b, bearer).has("last_run"),
          "the flow's last run in its JSON");

      JsonNode run = monitor(b, bearer).path("last_run");
      assertThat(run.path("verdict").asText()).isEqualTo("FAILED");
      assertThat(run.path("steps"))
          .extracting(s -> s.path("name").asText() + " " + s.path("status").asText())
          .containsExactly("login PASSED", "token PASSED", "report FAILED", "never SKIPPED");
      JsonNode report = run.at("/steps/2");
      assertThat(report.path("attempts").asInt()).isEqualTo(1);
      assertThat(report.path("reason").isTextual()).isTrue();
      assertThat(report.path("message").asText()).startsWith("step \"report\"");
      assertThat(report.at("/conditions/0/actual").asText()).isEqualTo("11");
      assertThat(report.at("/conditions/1/actual").asText()).contains("***");
      assertThat(run.at("/steps/0/conditions/0/actual").asText()).contains("***");
      assertThat(run.path("durations_s").has("login-to-token")).isTrue();
      assertThat(run.path("durations_s").has("attribution-latency"))
          .as("report did not pass")
          .isFalse();

      String results = b.get("/api/v1/monitors/conversion/results", "Authorization", bearer).body();
      assertThat(results).contains("\"steps\"", "login-to-token");
      String page = b.get("/monitors/conversion", "Authorization", bearer).body();
      assertThat(page).contains("Last run's steps", "[BODY].amount == 12", "login-to-token");
      JsonNode m = monitor(b, bearer);
      String incident =
          b.get("/api/v1/incidents/" + m.at("/incident/id").asLong(), "Authorization", bearer)
              .body();
      String trial =
          b.post(
                  "/api/v1/monitors/test",
                  JSON.writeValueAsString(
                      JSON.createObjectNode()
                          .put("name", "conversion-trial")
                          .put("type", "flow")
                          .set("steps", m.path("steps"))),
                  "Authorization",
                  bearer)
              .body();
      assertThat(JSON.readTree(trial).path("steps"))
          .as(trial)
          .extracting(s -> s.path("status").asText())
          .containsExactly("PASSED", "PASSED", "FAILED", "SKIPPED");
      String metrics = b.get("/metrics").body();
      assertThat(metrics)
          .contains("tickr_flow_duration_seconds{monitor=\"conversion\",name=\"login-to-token\"}");
      for (String answer : List.of(m.toString(), results, page, incident, trial, metrics)) {
        assertThat(answer).doesNotContain(configToken).doesNotContain(runToken);
      }
      try (var db =
              java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tickr.db"));
          var rows = db.createStatement().executeQuery("SELECT flow, error FROM results")) {
        int n = 0;
        while (rows.next()) {
          n++;
          assertThat(rows.getString(1) + rows.getString(2))
              .contains("report")
              .doesNotContain(configToken)
              .doesNotContain(runToken);
        }
        assertThat(n).isPositive();
      }
    }
  }

  private static JsonNode monitor(Browser b, String bearer) {
    try {
      HttpResponse<String> answer = b.get("/api/v1/monitors/conversion", "Authorization", bearer);
      return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.createObjectNode();
    }
  }
}

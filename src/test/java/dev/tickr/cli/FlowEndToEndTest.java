package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Ports;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public status page of a real daemon, read without logging in and without JavaScript: state,
 * banner, daily uptime, incidents with their public notes only, the JSON form and badges; no URL,
 * secret, reason or monitor not on the page.
 */
class StatusPageEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "status-page-key-1b2c3d4e";

  @TempDir Path dir;

  @Test
  void a_public_status_page_shows_state_uptime_and_public_notes_and_leaks_nothing()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target
          .text("/fine", 200, "ok")
          .route(
              "/internal-reports",
              r -> Reply.status(500).text("error for key " + r.header("X-Api-Key")));
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 1s, timeout: 900ms}
              monitors:
                - {name: tracking, url: "%s"}
                - name: payout-reports
                  url: "%s?api_key=${API_KEY}"
                  headers: {X-Api-Key: "${API_KEY}"}
                  failure-threshold: 1
                - {name: hidden-internal, url: "%s"}
              status-pages:
                - slug: partners
                  title: Partner status
                  monitors: [tracking, payout-reports]
                  groups:
                    - {name: Tracking, monitors: [tracking]}
                    - {name: Reports, monitors: [payout-reports]}
              """
                  .formatted(
                      target.url("/fine"), target.url("/internal-reports"), target.url("/fine")));
      CliRunner cli =
          new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "status-admin-pass", "API_KEY", API_KEY));
      Path data = dir.resolve("data");
      int port = Ports.closed();
      CompletableFuture<CliRunner.Run> running = cli.daemon(config, data, port, "30s");
      try (Browser b = new Browser(port)) {
        eventually(Duration.ofSeconds(20), () -> CliRunner.up(b), "the daemon listening");
        CliRunner.Run made =
            cli.run(
                "token", "create", "--name", "ops", "--role", "admin", "--data", data.toString());
        String admin = made.out().strip();

        eventually(
            Duration.ofSeconds(20),
            () -> body(b, "/status/partners").contains("Some systems are down"),
            "the page shows the outage");
        JsonNode incidents =
            JSON.readTree(
                    b.get("/api/v1/incidents?open=true", "Authorization", "Bearer " + admin).body())
                .path("incidents");
        long id = incidents.get(0).path("id").asLong();
        b.post(
            "/api/v1/incidents/" + id + "/notes",
            "{\"text\": \"Report exports are delayed; conversions are recorded.\", \"public\": true}",
            "Authorization",
            "Bearer " + admin);
        b.post(
            "/api/v1/incidents/" + id + "/notes",
            "{\"text\": \"internal: db replica lag on reports-3\"}",
            "Authorization",
            "Bearer " + admin);
        eventually(
            Duration.ofSeconds(15),
            () -> body(b, "/status/partners").contains("conversions are recorded"),
            "the public note on the page");

        HttpResponse<String> page = b.get("/status/partners");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("public");
        String html = page.body();
        assertThat(html)
            .contains("Partner status", "Tracking", "Reports", "tracking", "payout-reports")
            .contains("Operational", "Down")
            .doesNotContain("<script");
        assertThat(html.split("<span class=\"", -1).length - 1).isEqualTo(2 * 90);

        JsonNode json = JSON.readTree(b.get("/status/partners.json").body());
        assertThat(json.path("status").asText()).isEqualTo("outage");
        assertThat(json.at("/groups/1/monitors/0/state").asText()).isEqualTo("DOWN");
        assertThat(json.at("/groups/0/monitors/0/days").size()).isEqualTo(90);
        assertThat(json.at("/incidents/0/notes").size()).isEqualTo(1);

        HttpResponse<String> badge = b.get("/badge/payout-reports.svg");
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type").orElse(""))
            .startsWith("image/svg+xml");
        assertThat(badge.body()).contains("<svg").contains("down");
        assertThat(b.get("/badge/hidden-internal.svg").statusCode()).isEqualTo(404);
        assertThat(b.get("/status/nope").statusCode()).isEqualTo(404);
        assertThat(b.get("/status").body()).contains("/status/partners");

        List<String> secret =
            List.of(
                API_KEY,
                "hidden-internal",
                "/internal-reports",
                "127.0.0.1:" + target.port(),
                "http-status",
                "replica lag",
                "error for key");
        for (String publicText :
            List.of(html, json.toString(), badge.body(), b.get("/status").body())) {
          assertThat(publicText).doesNotContain(secret);
        }
      }
      CliRunner.Run done = running.get(60, TimeUnit.SECONDS);
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  @Test
  void validate_and_run_name_each_group_entry_that_is_not_a_monitor_of_the_page() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - {name: campaigns, url: "http://127.0.0.1:9/c"}
              - {name: postback, url: "http://127.0.0.1:9/p"}
            status-pages:
              - slug: partners
                monitors: [campaigns]
                groups:
                  - {name: Tracking, monitors: [postback, clicks]}
            """);

    CliRunner.Run validate = new CliRunner().run("validate", "-c", config.toString());
    CliRunner.Run run =
        new CliRunner()
            .run("run", "-c", config.toString(), "--data", dir.resolve("data").toString());

    String problems =
        config
            + ":8:37: monitor \"postback\" is not on this page: add it to the page's monitors to"
            + " show it in a group\n"
            + config
            + ":8:47: unknown monitor \"clicks\"\n";
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.err()).startsWith(problems).endsWith(config + ": 2 problems\n");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(problems);
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }
}

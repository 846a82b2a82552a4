package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  private static final String PUBLIC_NOTE = "Report exports are delayed; conversions are recorded.";
  private static final String PRIVATE_NOTE = "internal: db replica lag on reports-3";

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
              defaults: {interval: 2s, timeout: 2s}
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
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        String admin = cli.token(data, "ops", "admin");
        String[] auth = {"Authorization", "Bearer " + admin};

        // Through the API, not the page: a page read now would be cached without the notes.
        eventually(
            Duration.ofSeconds(20),
            () ->
                state(b, auth, "tracking").equals("UP")
                    && state(b, auth, "payout-reports").equals("DOWN"),
            "tracking UP and payout-reports DOWN");
        JsonNode incidents =
            JSON.readTree(b.get("/api/v1/incidents?open=true", auth).body()).path("incidents");
        assertThat(incidents.findValuesAsText("monitor")).containsExactly("payout-reports");
        long id = incidents.get(0).path("id").asLong();
        // The private note first: a page that shows the public one was made after both existed.
        IncidentNotes.add(b, auth, id, PRIVATE_NOTE, false);
        IncidentNotes.add(b, auth, id, PUBLIC_NOTE, true);
        // Both notes are there for whom they are meant: the API and the dashboard show them.
        JsonNode notes = JSON.readTree(b.get("/api/v1/incidents/" + id, auth).body()).path("notes");
        Map<String, Boolean> shownTo = new java.util.HashMap<>();
        notes.forEach(n -> shownTo.put(n.path("text").asText(), n.path("public").asBoolean()));
        assertThat(shownTo).isEqualTo(Map.of(PRIVATE_NOTE, false, PUBLIC_NOTE, true));
        HttpResponse<String> dashboard = b.get("/monitors/payout-reports", auth);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(PRIVATE_NOTE, PUBLIC_NOTE);
        eventually(
            Duration.ofSeconds(15),
            () -> body(b, "/status/partners").contains(PUBLIC_NOTE),
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
                PRIVATE_NOTE,
                "replica lag",
                "error for key");
        for (String publicText :
            List.of(html, json.toString(), badge.body(), b.get("/status").body())) {
          assertThat(publicText).doesNotContain(secret);
        }
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
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

  private static String state(Browser b, String[] auth, String monitor) {
    try {
      return JSON.readTree(b.get("/api/v1/monitors/" + monitor, auth).body())
          .path("state")
          .asText();
    } catch (IOException | InterruptedException notYet) {
      return "";
    }
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }
}

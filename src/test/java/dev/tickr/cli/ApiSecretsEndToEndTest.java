package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A monitor created through the API with recognisable secrets everywhere a secret can go (its
 * {@code secrets} used in the URL's path and query, a header and the body; a bearer token), probing
 * a target that fails and echoes them back. It opens an incident, alerts, is acknowledged and noted
 * through the API; none of the secrets may appear in any API answer, the log, the database or the
 * alert. Also covers the incident, channel, maintenance and token routes. Isolated because it reads
 * Tickr's log from {@code System.err}.
 */
@Isolated
class ApiSecretsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "apikey-api-7e6d5c4b";
  private static final String PARTNER = "partner-api-3c2b1a09";
  private static final String BEARER = "bearer-api-literal-8a7b6c5d";
  private static final List<String> SECRETS = List.of(API_KEY, PARTNER, BEARER);

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  @Test
  void no_secret_of_an_api_monitor_reaches_an_answer_the_log_the_database_or_an_alert()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer receivers = TestHttpServer.plain()) {
      target.route(
          "/echo/" + PARTNER,
          r ->
              Reply.status(500)
                  .header("X-Debug", "token " + r.header("Authorization"))
                  .text(
                      "failed "
                          + r.target()
                          + " with "
                          + r.header("Authorization")
                          + " for "
                          + r.header("X-Partner")
                          + " body "
                          + r.body()));
      receivers.text("/hook", 200, "ok");
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              "channels:\n  - {name: hook, type: webhook, url: \""
                  + receivers.url("/hook")
                  + "\"}\nmonitors: []\n");
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "api-secrets-admin-1"));
      Path data = dir.resolve("data");
      List<String> answers = new ArrayList<>();
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream err = System.err;
      CliRunner.Run run;
      try (PrintStream tee = new PrintStream(log, true, StandardCharsets.UTF_8)) {
        System.setErr(tee);
        try (RunningDaemon running = cli.start(config, data);
            Browser b = new Browser(running.port())) {
          String admin = cli.token(data, "admin-ci", "admin");
          String viewer = cli.token(data, "viewer-ci", "viewer");

          String monitor =
              """
            {"name": "payout-report", "url": "%s/${PARTNER}?api_key=${API_KEY}",
             "method": "POST", "body": "{\\"key\\": \\"${API_KEY}\\"}",
             "headers": {"X-Partner": "${PARTNER}", "Content-Type": "application/json"},
             "auth": {"bearer": "%s"}, "interval": "3s", "timeout": "3s",
             "failure-threshold": 1, "alerts": ["hook"],
             "secrets": {"PARTNER": "%s", "API_KEY": "%s"}}
            """
                  .formatted(target.url("/echo"), BEARER, PARTNER, API_KEY);
          HttpResponse<String> created = b.post("/api/v1/monitors", monitor, bearer(admin));
          assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
          answers.add(created.body());

          eventually(
              Duration.ofSeconds(30),
              () -> !receivers.requests().isEmpty(),
              "the DOWN alert at the webhook");
          HttpResponse<String> open = b.get("/api/v1/incidents?open=true", bearer(viewer));
          answers.add(open.body());
          JsonNode incidents = json(open).path("incidents");
          assertThat(incidents.size()).as(open.body()).isEqualTo(1);
          long id = incidents.get(0).path("id").asLong();
          assertThat(incidents.get(0).path("reason").asText()).isEqualTo("http-status");

          // Incidents: get with evidence, acknowledge, notes.
          HttpResponse<String> one = b.get("/api/v1/incidents/" + id, bearer(viewer));
          answers.add(one.body());
          assertThat(json(one).at("/evidence/status").asInt()).isEqualTo(500);
          assertThat(json(one).at("/evidence/body").asText()).contains("failed");
          assertThat(
                  b.post("/api/v1/incidents/" + id + "/acknowledge", "", bearer(viewer))
                      .statusCode())
              .isEqualTo(403);
          HttpResponse<String> acked =
              b.post("/api/v1/incidents/" + id + "/acknowledge", "", bearer(admin));
          assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
          assertThat(json(acked).path("acknowledged_by").asText()).isEqualTo("token:admin-ci");
          HttpResponse<String> note =
              b.post(
                  "/api/v1/incidents/" + id + "/notes",
                  "{\"text\": \"Partner API returns 500; reported to them\", \"public\": true}",
                  bearer(admin));
          assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
          assertThat(
                  b.post("/api/v1/incidents/" + id + "/notes", "{\"txt\": \"x\"}", bearer(admin))
                      .statusCode())
              .isEqualTo(400);
          assertThat(
                  b.post("/api/v1/incidents/" + id + "/notes", "{\"text\": 5}", bearer(admin))
                      .statusCode())
              .isEqualTo(400);
          JsonNode withNote = json(b.get("/api/v1/incidents/" + id, bearer(viewer)));
          assertThat(withNote.at("/notes/0/text").asText()).startsWith("Partner API returns 500");
          assertThat(withNote.at("/notes/0/public").asBoolean()).isTrue();
          assertThat(b.get("/api/v1/incidents/999999", bearer(viewer)).statusCode()).isEqualTo(404);
          assertThat(b.get("/api/v1/incidents/abc", bearer(viewer)).statusCode()).isEqualTo(404);
          assertThat(b.get("/api/v1/incidents?open=maybe", bearer(viewer)).statusCode())
              .isEqualTo(400);

          // Every other answer about the monitor.
          for (String path :
              List.of(
                  "/api/v1/monitors",
                  "/api/v1/monitors/payout-report",
                  "/api/v1/monitors/payout-report/results",
                  "/api/v1/monitors/payout-report/uptime?window=1h",
                  "/api/v1/incidents",
                  "/api/v1/channels")) {
            HttpResponse<String> answer = b.get(path, bearer(viewer));
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            answers.add(answer.body());
          }
          HttpResponse<String> checked =
              b.post("/api/v1/monitors/payout-report/check", "", bearer(admin));
          assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
          assertThat(json(checked).path("success").asBoolean()).isFalse();
          answers.add(checked.body());
          JsonNode results = json(b.get("/api/v1/monitors/payout-report/results", bearer(viewer)));
          assertThat(results.at("/results/0/error").asText()).isNotBlank();

          // Channels: listed, a test sent.
          JsonNode channels = json(b.get("/api/v1/channels", bearer(viewer)));
          assertThat(channels.at("/channels/0/name").asText()).isEqualTo("hook");
          int before = receivers.requests().size();
          HttpResponse<String> tested = b.post("/api/v1/channels/hook/test", "", bearer(admin));
          assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
          assertThat(receivers.requests().size()).isEqualTo(before + 1);
          assertThat(JSON.readTree(receivers.requests().get(before).body()).path("event").asText())
              .isEqualTo("test");
          assertThat(b.post("/api/v1/channels/nope/test", "", bearer(admin)).statusCode())
              .isEqualTo(404);
          assertThat(b.post("/api/v1/channels/hook/test", "", bearer(viewer)).statusCode())
              .isEqualTo(403);

          // Maintenance windows.
          Instant now = Instant.now();
          String window =
              "{\"name\": \"partner-deploy\", \"start\": \""
                  + now.minusSeconds(60)
                  + "\", \"end\": \""
                  + now.plusSeconds(3600)
                  + "\", \"monitors\": [\"payout-report\"]}";
          HttpResponse<String> made = b.post("/api/v1/maintenance", window, bearer(admin));
          assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
          assertThat(b.post("/api/v1/maintenance", window, bearer(admin)).statusCode())
              .isEqualTo(409);
          HttpResponse<String> badWindow =
              b.post(
                  "/api/v1/maintenance",
                  window.replace("partner-deploy", "other").replace("payout-report", "nope"),
                  bearer(admin));
          assertThat(badWindow.statusCode()).as(badWindow.body()).isEqualTo(400);
          assertThat(json(badWindow).path("errors").findValuesAsText("pointer"))
              .anyMatch(p -> p.startsWith("/monitors"));
          assertThat(
                  json(b.get("/api/v1/maintenance", bearer(viewer)))
                      .path("maintenance")
                      .findValuesAsText("name"))
              .containsExactly("partner-deploy");
          eventually(
              Duration.ofSeconds(30),
              () -> state(b, viewer, "payout-report").equals("MAINTENANCE"),
              "the monitor shown in maintenance");
          assertThat(
                  b.send("DELETE", "/api/v1/maintenance/partner-deploy", null, null, bearer(admin))
                      .statusCode())
              .isEqualTo(204);
          assertThat(
                  b.send("DELETE", "/api/v1/maintenance/partner-deploy", null, null, bearer(admin))
                      .statusCode())
              .isEqualTo(404);

          // Tokens through the API: admin only, shown once, revoked at once.
          assertThat(b.get("/api/v1/tokens", bearer(viewer)).statusCode()).isEqualTo(403);
          HttpResponse<String> newToken =
              b.post(
                  "/api/v1/tokens", "{\"name\": \"grafana\", \"role\": \"viewer\"}", bearer(admin));
          assertThat(newToken.statusCode()).as(newToken.body()).isEqualTo(201);
          String secret = json(newToken).path("token").asText();
          assertThat(secret).startsWith("tkr_");
          assertThat(b.get("/api/v1/monitors", bearer(secret)).statusCode()).isEqualTo(200);
          HttpResponse<String> listed = b.get("/api/v1/tokens", bearer(admin));
          assertThat(listed.body()).contains("grafana").doesNotContain(secret);
          assertThat(
                  b.post("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"root\"}", bearer(admin))
                      .statusCode())
              .isEqualTo(400);
          assertThat(
                  b.post("/api/v1/tokens", "{\"name\": \"grafana\"}", bearer(admin)).statusCode())
              .isEqualTo(409);
          String tokenId = json(newToken).path("id").asText();
          assertThat(
                  b.send("DELETE", "/api/v1/tokens/" + tokenId, null, null, bearer(admin))
                      .statusCode())
              .isEqualTo(204);
          assertThat(b.get("/api/v1/monitors", bearer(secret)).statusCode()).isEqualTo(401);

          run = running.stop();
        }
      } finally {
        System.setErr(err);
      }
      assertThat(run.exitCode()).as(run.err()).isZero();

      assertThat(target.requests())
          .as("the probe sends the secrets to the target, where they belong")
          .anySatisfy(r -> assertThat(r.target()).contains(API_KEY).contains(PARTNER));
      for (String answer : answers) {
        assertThat(answer).doesNotContain(SECRETS);
      }
      for (RecordedRequest r : receivers.requests()) {
        assertThat(r.body() + r.headers()).as("alert").doesNotContain(SECRETS);
      }
      String logged = log.toString(StandardCharsets.UTF_8) + run.out() + run.err();
      assertThat(logged).contains("payout-report").doesNotContain(SECRETS);
      assertThat(ApiEndToEndTest.storedText(data))
          .as("the database files")
          .contains("failed")
          .doesNotContain(SECRETS);
    }
  }

  private static String state(Browser b, String token, String monitor) {
    try {
      return json(b.get("/api/v1/monitors/" + monitor, bearer(token))).path("state").asText();
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code tickr run} with OAuth2 monitors, two from the file and one made through the API, all with
 * the same settings, against a loopback token endpoint and an API that fails and echoes the token
 * it was sent. One token serves all three; neither it nor the client secret reaches an API answer,
 * the log, the database or an alert; the API monitor's settings come back with the secret masked
 * and, sent back so, keep working. Isolated because it reads Tickr's log from {@code System.err}.
 */
@Isolated
class OAuth2EndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "e2e-client-secret-6a5b4c3d";
  private static final String TOKEN_PREFIX = "e2e-minted-token-";

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void one_token_serves_every_monitor_and_no_token_or_secret_is_shown_anywhere() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("tickr:" + SECRET).getBytes(StandardCharsets.UTF_8));
    try (TestHttpServer server = TestHttpServer.plain();
        TestHttpServer receivers = TestHttpServer.plain().text("/hook", 200, "ok")) {
      server.route(
          "/token",
          r ->
              basic.equals(r.header("Authorization"))
                  ? Reply.status(200)
                      .json(
                          "{\"access_token\": \""
                              + TOKEN_PREFIX
                              + issued.incrementAndGet()
                              + "-f0e1d2c3\", \"token_type\": \"bearer\", \"expires_in\": 3600}")
                  : Reply.status(401).json("{\"error\": \"invalid_client\"}"));
      server.route(
          "/api",
          r ->
              Reply.status(500)
                  .header("X-Debug", "saw " + r.header("Authorization"))
                  .text("failed for " + r.header("Authorization")));
      String oauth2 =
          "{token-url: \""
              + server.url("/token")
              + "\", client-id: tickr, client-secret: \"${S}\"}";
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              "channels:\n  - {name: hook, type: webhook, url: \""
                  + receivers.url("/hook")
                  + "\"}\ndefaults:\n  interval: 3s\n  failure-threshold: 1\n  alerts: [hook]\n"
                  + "monitors:\n"
                  + "  - {name: file-a, url: \""
                  + server.url("/api")
                  + "\", auth: {oauth2: "
                  + oauth2
                  + "}}\n"
                  + "  - {name: file-b, url: \""
                  + server.url("/api?b")
                  + "\", auth: {oauth2: "
                  + oauth2
                  + "}}\n");
      CliRunner cli =
          new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "oauth2-e2e-admin-1", "S", SECRET));
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
          String monitor =
              """
              {"name": "api-made", "url": "%s",
               "auth": {"oauth2": {"token-url": "%s", "client-id": "tickr",
                                   "client-secret": "%s"}},
               "interval": "3s", "failure-threshold": 1, "alerts": ["hook"]}
              """
                  .formatted(server.url("/api?c"), server.url("/token"), SECRET);
          HttpResponse<String> created = b.post("/api/v1/monitors", monitor, bearer(admin));
          assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
          answers.add(created.body());

          eventually(
              Duration.ofSeconds(30),
              () -> server.requests().stream().filter(r -> r.target().equals("/api?c")).count() > 0,
              "the API monitor's first check");
          eventually(
              Duration.ofSeconds(30),
              () -> receivers.requests().size() >= 3,
              "the DOWN alerts of the three monitors");

          // The API monitor's settings round-trip with the secret masked.
          HttpResponse<String> one = b.get("/api/v1/monitors/api-made", bearer(admin));
          answers.add(one.body());
          JsonNode shown = JSON.readTree(one.body());
          assertThat(shown.at("/auth/oauth2/client-secret").asText()).isEqualTo("***");
          assertThat(shown.at("/auth/oauth2/client-id").asText()).isEqualTo("tickr");
          ObjectNode back = (ObjectNode) shown.deepCopy();
          back.remove(List.of("state", "source"));
          back.put("interval", "4s");
          HttpResponse<String> put =
              b.send(
                  "PUT",
                  "/api/v1/monitors/api-made",
                  back.toString(),
                  "application/json",
                  bearer(admin));
          assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
          answers.add(put.body());
          HttpResponse<String> checked =
              b.post("/api/v1/monitors/api-made/check", "", bearer(admin));
          assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
          answers.add(checked.body());
          assertThat(JSON.readTree(checked.body()).path("status").asInt())
              .as("the kept secret still gets a token: " + checked.body())
              .isEqualTo(500);

          for (String path :
              List.of(
                  "/api/v1/monitors",
                  "/api/v1/monitors/file-a",
                  "/api/v1/monitors/file-a/results",
                  "/api/v1/monitors/api-made/results",
                  "/api/v1/incidents")) {
            HttpResponse<String> answer = b.get(path, bearer(admin));
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            answers.add(answer.body());
          }
          JsonNode incidents = JSON.readTree(answers.get(answers.size() - 1)).path("incidents");
          for (JsonNode incident : incidents) {
            HttpResponse<String> full =
                b.get("/api/v1/incidents/" + incident.path("id").asText(), bearer(admin));
            answers.add(full.body());
            assertThat(JSON.readTree(full.body()).at("/evidence/body").asText())
                .startsWith("failed for Bearer ***");
          }
          run = running.stop();
        }
      } finally {
        System.setErr(err);
      }
      assertThat(run.exitCode()).as(run.err()).isZero();

      List<RecordedRequest> fetched =
          server.requests().stream().filter(r -> r.path().equals("/token")).toList();
      assertThat(fetched).as("one token for the three monitors, and after the edit").hasSize(1);
      assertThat(server.requests())
          .filteredOn(r -> r.path().equals("/api"))
          .allSatisfy(
              r -> assertThat(r.header("Authorization")).startsWith("Bearer " + TOKEN_PREFIX));
      for (String answer : answers) {
        assertThat(answer).doesNotContain(SECRET, TOKEN_PREFIX);
      }
      for (RecordedRequest r : receivers.requests()) {
        assertThat(r.body() + r.headers()).as("alert").doesNotContain(SECRET, TOKEN_PREFIX);
      }
      String logged = log.toString(StandardCharsets.UTF_8) + run.out() + run.err();
      assertThat(logged).contains("file-a").doesNotContain(SECRET, TOKEN_PREFIX);
      assertThat(ApiEndToEndTest.storedText(data))
          .as("the database files")
          .contains("failed for")
          .doesNotContain(SECRET, TOKEN_PREFIX);
    }
  }
}

package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.SimulatedNetwork;
import dev.tickr.simulator.platform.ImpactFake;
import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preset monitors through the REST API of a running daemon, against a simulated Impact.com: the
 * answers show {@code preset} and the keys, the token never (in no answer, page or stored file); a
 * PUT that sends the token back as {@code ***} keeps it, unless base-url now points elsewhere.
 */
class PresetApiEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_TOKEN = "impact-api-token-1f2e3d4c";
  private static final String FILE_TOKEN = "impact-file-token-9e8d7c6b";

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    return JSON.readTree(answer.body());
  }

  @Test
  void a_preset_monitor_shows_its_keys_and_never_its_token() throws Exception {
    Ledger ledger = new Ledger(Clock.systemUTC());
    ledger.seed(20, Duration.ofDays(3));
    try (SimulatedNetwork network =
        new SimulatedNetwork(List.of(new ImpactFake(ledger, API_TOKEN))).start()) {
      String base = network.baseUrl("impact");
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              "monitors:\n  - {name: from-file, preset: impact, account: "
                  + ImpactFake.SID
                  + ", token: "
                  + FILE_TOKEN
                  + ", base-url: \""
                  + base
                  + "\", endpoint: campaigns}\n");
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "preset-api-admin-1"));
      Path data = dir.resolve("data");
      List<String> answers = new ArrayList<>();
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        String admin = cli.token(data, "admin-ci", "admin");
        String monitor =
            "{\"name\": \"impact\", \"preset\": \"impact\", \"account\": \""
                + ImpactFake.SID
                + "\", \"token\": \"%s\", \"base-url\": \"%s\"}";

        HttpResponse<String> tested =
            b.post("/api/v1/monitors/test", monitor.formatted(API_TOKEN, base), bearer(admin));
        answers.add(tested.body());
        assertThat(json(tested).path("verdict").asText()).as(tested.body()).isEqualTo("OK");

        HttpResponse<String> created =
            b.post("/api/v1/monitors", monitor.formatted(API_TOKEN, base), bearer(admin));
        answers.add(created.body());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode shown = json(created);
        assertThat(shown.path("preset").asText()).isEqualTo("impact");
        assertThat(shown.path("account").asText()).isEqualTo(ImpactFake.SID);
        assertThat(shown.path("token").asText()).isEqualTo("***");

        HttpResponse<String> file = b.get("/api/v1/monitors/from-file", bearer(admin));
        answers.add(file.body());
        assertThat(json(file).path("preset").asText()).isEqualTo("impact");
        assertThat(json(file).path("endpoint").asText()).isEqualTo("campaigns");
        assertThat(json(file).path("token").asText()).isEqualTo("***");
        answers.add(b.get("/api/v1/monitors", bearer(admin)).body());
        HttpResponse<String> checked = b.post("/api/v1/monitors/impact/check", "", bearer(admin));
        answers.add(checked.body());
        assertThat(json(checked).path("success").asBoolean()).as(checked.body()).isTrue();

        // Sent back as answered: the token is kept, and still works.
        String back = shown.toString();
        HttpResponse<String> kept =
            b.send("PUT", "/api/v1/monitors/impact", back, "application/json", bearer(admin));
        answers.add(kept.body());
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        HttpResponse<String> testedAgain =
            b.post("/api/v1/monitors/test?name=impact", back, bearer(admin));
        answers.add(testedAgain.body());
        assertThat(json(testedAgain).path("verdict").asText())
            .as(testedAgain.body())
            .isEqualTo("OK");
        // ... but not for another host.
        HttpResponse<String> elsewhere =
            b.send(
                "PUT",
                "/api/v1/monitors/impact",
                monitor.formatted("***", "http://127.0.0.1:9/impact"),
                "application/json",
                bearer(admin));
        answers.add(elsewhere.body());
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
        assertThat(json(elsewhere).path("errors").findValuesAsText("pointer")).contains("/token");

        for (String page :
            List.of(
                "/monitors/impact",
                "/monitors/impact/edit",
                "/monitors/from-file",
                "/monitors/from-file/edit",
                "/")) {
          HttpResponse<String> html = b.get(page, bearer(admin));
          assertThat(html.statusCode()).as(page).isEqualTo(200);
          answers.add(html.body());
        }
        assertThat(b.get("/monitors/from-file/edit", bearer(admin)).body())
            .contains("preset", "campaigns");
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        answers.add(done.all());
      }
      for (String answer : answers) {
        assertThat(answer).doesNotContain(API_TOKEN, FILE_TOKEN);
      }
      assertThat(ApiEndToEndTest.storedText(data))
          .as("the database files")
          .doesNotContain(API_TOKEN);
    }
  }
}

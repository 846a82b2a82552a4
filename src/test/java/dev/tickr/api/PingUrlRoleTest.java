package dev.tickr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.cli.CliRunner;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat's ping URL holds its secret token: whoever has it can report the job's runs. Only a
 * role that may write (admin) sees it; a viewer's answers and pages have no trace of it.
 */
class PingUrlRoleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE_TOKEN = "file_job_token_abcdefghijklmnop";
  private static final String API_TOKEN = "api_job_token_qrstuvwxyz0123456";

  @TempDir Path dir;

  @Test
  void only_admins_see_ping_urls() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: nightly
                type: heartbeat
                period: 1h
                grace: 1h
                token: "${JOB_TOKEN}"
            """);
    CliRunner cli =
        new CliRunner(Map.of("JOB_TOKEN", FILE_TOKEN, "TICKR_ADMIN_PASSWORD", "ping-url-admin-1"));
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser b = new Browser(tickr.port())) {
      String[] admin = {"Authorization", "Bearer " + cli.token(data, "ops", "admin")};
      String[] viewer = {"Authorization", "Bearer " + cli.token(data, "reader", "viewer")};
      HttpResponse<String> made =
          b.post(
              "/api/v1/monitors",
              """
              {"name": "weekly", "type": "heartbeat", "period": "7d", "grace": "1h",
               "token": "${PING}", "secrets": {"PING": "%s"}}"""
                  .formatted(API_TOKEN),
              admin);
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      assertThat(JSON.readTree(made.body()).path("ping_url").asText())
          .endsWith("/ping/" + API_TOKEN);

      for (String name : new String[] {"nightly", "weekly"}) {
        JsonNode shown = ok(b.get("/api/v1/monitors/" + name, admin));
        assertThat(shown.path("ping_url").asText()).contains("/ping/");
        JsonNode hidden = ok(b.get("/api/v1/monitors/" + name, viewer));
        assertThat(hidden.has("ping_url")).as(hidden.toString()).isFalse();
        assertThat(hidden.path("state").asText()).isNotEmpty();
      }
      JsonNode adminList = ok(b.get("/api/v1/monitors", admin));
      assertThat(adminList.path("monitors").findValuesAsText("ping_url")).hasSize(2);
      HttpResponse<String> viewerList = b.get("/api/v1/monitors", viewer);
      assertThat(ok(viewerList).path("monitors").findValues("ping_url")).isEmpty();

      for (String path :
          new String[] {"/api/v1/monitors", "/", "/monitors/nightly", "/monitors/weekly"}) {
        HttpResponse<String> page = b.get(path, viewer);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(page.body())
            .as(path)
            .doesNotContain(FILE_TOKEN)
            .doesNotContain(API_TOKEN)
            .doesNotContain("/ping/");
      }
    }
  }

  private static JsonNode ok(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}

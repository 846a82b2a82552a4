package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.Browser;
import dev.tickr.testing.TestHttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Made through the API, exported, validated and run: no secret leaves in clear. */
class ExportTest {
  private static final String BEARER = "ex-bearer-token-101";

  @TempDir Path dir;

  @Test
  void api_made_monitors_and_pages_export_as_yaml_that_validates_and_runs_without_secrets()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain().text("/ok", 200, "ok")) {
      Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "ex-admin-password-102"));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        String[] auth = {"Authorization", "Bearer " + cli.token(data, "ex-admin", "admin")};
        HttpResponse<String> made =
            b.post(
                "/api/v1/monitors",
                """
                {"name": "pay-api", "url": "%s", "interval": "30s", "auth": {"bearer": "%s"}}
                """
                    .formatted(target.url("/ok"), BEARER),
                auth);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        HttpResponse<String> page =
            b.post(
                "/api/v1/status-pages",
                "{\"slug\": \"public\", \"title\": \"Ours\", \"monitors\": [\"pay-api\"]}",
                auth);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        running.stop();
      }
      Path exported = dir.resolve("exported.yml");
      CliRunner.Run export =
          cli.run("export", "--data", data.toString(), "-o", exported.toString());
      assertThat(export.exitCode()).as(export.all()).isZero();
      String yaml = Files.readString(exported);
      assertThat(yaml).doesNotContain(BEARER).contains("pay-api").contains("public");
      assertThat(yaml).contains("${PAY_API_AUTH_BEARER}");

      Map<String, String> env = new HashMap<>(Map.of("TICKR_ADMIN_PASSWORD", "ex-admin-2-103"));
      env.put("PAY_API_AUTH_BEARER", BEARER);
      CliRunner withSecret = new CliRunner(env);
      CliRunner.Run valid = withSecret.run("validate", "-c", exported.toString());
      assertThat(valid.exitCode()).as(valid.all() + "\n" + yaml).isZero();
      CliRunner.Run run =
          withSecret.run(
              "run",
              "-c",
              exported.toString(),
              "--data",
              dir.resolve("d2").toString(),
              "--listen",
              "127.0.0.1:0",
              "--stop-after",
              "1s");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("watching 1 monitor");
    }
  }
}

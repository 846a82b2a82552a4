package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every answer of {@code tickr run} says {@code X-Content-Type-Options: nosniff}, so that no
 * browser reads an API answer (which may echo what a target or a user wrote) as HTML or script:
 * answers, problems of every kind, and the public paths.
 */
class NosniffTest {
  @TempDir Path dir;

  @Test
  void every_answer_forbids_sniffing_its_type() throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "nosniff-admin-1"));
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser b = new Browser(tickr.port())) {
      String[] admin = {"Authorization", "Bearer " + cli.token(data, "ops", "admin")};
      String[] viewer = {"Authorization", "Bearer " + cli.token(data, "reader", "viewer")};

      nosniff(b.get("/api/v1/monitors", admin), 200);
      nosniff(b.get("/api/v1/openapi.json", admin), 200);
      nosniff(b.get("/api/v1/monitors"), 401);
      nosniff(b.get("/api/v1/monitors/nope", admin), 404);
      nosniff(b.get("/api/v1/no-such-route", admin), 404);
      nosniff(b.post("/api/v1/monitors", "{\"name\":", admin), 400);
      nosniff(b.post("/api/v1/monitors", "{\"name\": \"x\"}", viewer), 403);
      nosniff(b.send("POST", "/api/v1/monitors", "<b>x</b>", "text/html", admin), 415);
      nosniff(b.get("/healthz"), 200);
      nosniff(b.get("/ping/no-such-token"), 404);
    }
  }

  private static void nosniff(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.headers().allValues("X-Content-Type-Options"))
        .as(answer.uri() + " " + status)
        .containsExactly("nosniff");
  }
}

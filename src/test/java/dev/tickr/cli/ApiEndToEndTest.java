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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API of a real {@code tickr run}, over a real port with a real HTTP client: every route,
 * bad input answered with problem details naming the field and changing nothing, and who may do
 * what.
 */
class ApiEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "api-admin-password-77";
  private static final String SECRET = "sekret-api-key-4f1c9a";

  @TempDir Path dir;

  /** A running {@code tickr run} and a client of it; closing stops it. */
  private record Daemon(CliRunner cli, Path data, Browser browser, RunningDaemon run)
      implements AutoCloseable {
    @Override
    public void close() {
      browser.close();
      run.close();
    }
  }

  private Daemon start(String yaml) throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD));
    Path data = dir.resolve("data");
    RunningDaemon run = cli.start(config, data);
    return new Daemon(cli, data, new Browser(run.port()), run);
  }

  private static String token(Daemon d, String name, String role) {
    return d.cli().token(d.data(), name, role);
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  /** Asserts a problem answer: status, problem+json, and (when given) the first field named. */
  private static JsonNode problem(HttpResponse<String> answer, int status, @Nullable String pointer)
      throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = json(answer);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    if (pointer != null) {
      assertThat(p.path("errors").findValuesAsText("pointer")).as(p.toString()).contains(pointer);
    }
    return p;
  }

  private static List<String> names(Browser b, String token) throws Exception {
    return json(b.get("/api/v1/monitors", bearer(token))).path("monitors").findValuesAsText("name");
  }

  @Test
  void monitors_are_created_read_changed_paused_checked_and_deleted_with_bad_input_refused()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.json("/health", 200, "{\"ok\":true}").json("/file", 200, "{}");
      try (Daemon d =
          start(
              "monitors:\n  - name: from-file\n    url: "
                  + target.url("/file")
                  + "\n    interval: 30s\n")) {
        exercise(d, target);
      }

      // Nothing is lost on restart, and no secret is stored in plain text.
      assertThat(storedText(dir.resolve("data"))).doesNotContain(SECRET);
      try (Daemon again =
          start("monitors:\n  - name: from-file\n    url: " + target.url("/file") + "\n")) {
        String token = token(again, "after-restart", "viewer");
        assertThat(names(again.browser(), token))
            .containsExactlyInAnyOrder("from-file", "kept", "nightly-export");
        assertThat(again.run().stop().exitCode()).isZero();
      }
    }
  }

  /** Every route of the running daemon {@code d}, ending with a clean stop. */
  private static void exercise(Daemon d, TestHttpServer target) throws Exception {
    {
      Browser b = d.browser();
      String admin = token(d, "admin-ci", "admin");
      String viewer = token(d, "viewer-ci", "viewer");

      // Who may do what.
      problem(b.get("/api/v1/monitors"), 401, null);
      problem(b.get("/api/v1/monitors", bearer("tkr_wrong")), 401, null);
      HttpResponse<String> list = b.get("/api/v1/monitors", bearer(viewer));
      assertThat(list.statusCode()).isEqualTo(200);
      JsonNode fileMonitor = json(list).path("monitors").get(0);
      assertThat(fileMonitor.path("name").asText()).isEqualTo("from-file");
      assertThat(fileMonitor.path("source").asText()).isEqualTo("yaml");
      assertThat(fileMonitor.path("interval").asText()).isEqualTo("30s");

      String monitor =
          "{\"name\":\"api-site\",\"url\":\""
              + target.url("/health")
              + "?key=${KEY}\",\"interval\":\"3s\",\"timeout\":\"3s\",\"headers\":{\"X-Api-Key\":\"${KEY}\"},"
              + "\"conditions\":[\"[STATUS] == 200\",\"[BODY].ok == true\"],"
              + "\"tags\":[\"payouts\"],\"secrets\":{\"KEY\":\""
              + SECRET
              + "\"}}";
      problem(b.post("/api/v1/monitors", monitor, bearer(viewer)), 403, null);
      assertThat(names(b, admin)).containsExactly("from-file");

      // Created, and it runs with its secret.
      HttpResponse<String> created = b.post("/api/v1/monitors", monitor, bearer(admin));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/monitors/api-site");
      assertThat(created.body()).doesNotContain(SECRET);
      JsonNode made = json(created);
      assertThat(made.path("source").asText()).isEqualTo("api");
      assertThat(made.at("/secrets/KEY").asText()).isEqualTo("***");
      assertThat(made.at("/headers/X-Api-Key").asText()).isEqualTo("${KEY}");
      assertThat(made.path("created_by").asText()).isEqualTo("token:admin-ci");
      // api-site's probes only: from-file probes the same server (its own path) now and then.
      eventually(
          Duration.ofSeconds(30),
          () -> !probes(target, "/health").isEmpty(),
          "api-site probed after its creation");
      assertThat(probes(target, "/health"))
          .allSatisfy(r -> assertThat(r.headers().get("X-Api-Key")).containsExactly(SECRET));
      eventually(
          Duration.ofSeconds(30),
          () -> state(b, admin, "api-site").equals("UP"),
          "api-site UP after its first checks");

      // Bad input: the right status, the field named, nothing changed.
      problem(b.post("/api/v1/monitors", monitor, bearer(admin)), 409, null);
      problem(
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"from-file\",\"url\":\"" + target.url("/x") + "\"}",
              bearer(admin)),
          409,
          null);
      String url = "\"url\":\"" + target.url("/x") + "\"";
      problem(
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"n1\"," + url + ",\"colour\":\"red\"}",
              bearer(admin)),
          400,
          "/colour");
      problem(
          b.post(
              "/api/v1/monitors", "{\"name\":\"n2\"," + url + ",\"interval\":30}", bearer(admin)),
          400,
          "/interval");
      problem(
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"n3\"," + url + ",\"interval\":\"5 parsecs\"}",
              bearer(admin)),
          400,
          "/interval");
      problem(
          b.post("/api/v1/monitors", "{\"name\":\"n4\"," + url + ",\"tags\":\"x\"}", bearer(admin)),
          400,
          "/tags");
      problem(
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"n5\"," + url + ",\"headers\":{\"X-K\":\"${NOPE}\"}}",
              bearer(admin)),
          400,
          "/headers/X-K");
      problem(
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"n6\"," + url + ",\"failure-threshold\":0}",
              bearer(admin)),
          400,
          "/failure-threshold");
      problem(b.post("/api/v1/monitors", "{\"name\": ", bearer(admin)), 400, null);
      problem(b.post("/api/v1/monitors", "[1, 2]", bearer(admin)), 400, null);
      problem(
          b.post("/api/v1/monitors", "{\"name\":\"a\",\"name\":\"b\"}", bearer(admin)), 400, null);
      String huge = "{\"name\":\"big\"," + url + ",\"body\":\"" + "x".repeat(70_000) + "\"}";
      problem(b.post("/api/v1/monitors", huge, bearer(admin)), 413, null);
      problem(b.send("POST", "/api/v1/monitors", "name=x", "text/plain", bearer(admin)), 415, null);
      assertThat(names(b, admin)).containsExactlyInAnyOrder("from-file", "api-site");

      // Read one; the file's monitor is read-only.
      JsonNode one = json(b.get("/api/v1/monitors/api-site", bearer(viewer)));
      assertThat(one.path("tags").get(0).asText()).isEqualTo("payouts");
      problem(b.get("/api/v1/monitors/nope", bearer(viewer)), 404, null);
      JsonNode readOnly =
          problem(
              b.send(
                  "PUT",
                  "/api/v1/monitors/from-file",
                  "{\"url\":\"" + target.url("/y") + "\"}",
                  "application/json",
                  bearer(admin)),
              409,
              null);
      assertThat(readOnly.path("detail").asText()).contains("config file");
      problem(b.send("DELETE", "/api/v1/monitors/from-file", null, null, bearer(admin)), 409, null);

      // Update: sending the mask back keeps the secret.
      String changed = one.toString().replace("\"interval\":\"3s\"", "\"interval\":\"4s\"");
      HttpResponse<String> put =
          b.send("PUT", "/api/v1/monitors/api-site", changed, "application/json", bearer(admin));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(json(put).path("interval").asText()).isEqualTo("4s");
      assertThat(json(put).path("updated_by").asText()).isEqualTo("token:admin-ci");
      int before = probes(target, "/health").size();
      eventually(
          Duration.ofSeconds(30),
          () -> probes(target, "/health").size() > before + 1,
          "api-site probed after the update");
      assertThat(probes(target, "/health").getLast().headers().get("X-Api-Key"))
          .containsExactly(SECRET);
      problem(
          b.send(
              "PUT",
              "/api/v1/monitors/api-site",
              "{\"name\":\"renamed\"," + url + "}",
              "application/json",
              bearer(admin)),
          400,
          "/name");
      problem(
          b.send(
              "PUT",
              "/api/v1/monitors/api-site",
              "{" + url + ",\"timeout\":\"-1s\"}",
              "application/json",
              bearer(admin)),
          400,
          "/timeout");
      assertThat(json(b.get("/api/v1/monitors/api-site", bearer(admin))).path("interval").asText())
          .isEqualTo("4s");

      // Pause and resume, the file's monitor too.
      HttpResponse<String> paused = b.post("/api/v1/monitors/from-file/pause", "", bearer(admin));
      assertThat(json(paused).path("state").asText()).isEqualTo("PAUSED");
      assertThat(json(paused).path("paused_by").asText()).isEqualTo("token:admin-ci");
      problem(b.post("/api/v1/monitors/from-file/pause", "", bearer(viewer)), 403, null);
      assertThat(
              json(b.post("/api/v1/monitors/from-file/resume", "", bearer(admin)))
                  .path("state")
                  .asText())
          .isNotEqualTo("PAUSED");

      // Check now returns the probe's result, with no secret in it.
      HttpResponse<String> checked = b.post("/api/v1/monitors/api-site/check", "", bearer(admin));
      assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
      assertThat(checked.body()).doesNotContain(SECRET);
      JsonNode result = json(checked);
      assertThat(result.path("success").asBoolean()).isTrue();
      assertThat(result.path("status").asInt()).isEqualTo(200);
      assertThat(result.path("conditions").size()).isEqualTo(2);

      // Results, paged; uptime with an SLA.
      eventually(
          Duration.ofSeconds(30),
          () -> resultCount(b, viewer, "api-site") >= 3,
          "three stored results");
      JsonNode page = json(b.get("/api/v1/monitors/api-site/results?limit=2", bearer(viewer)));
      assertThat(page.path("results").size()).isEqualTo(2);
      String cursor = page.path("next_cursor").asText();
      JsonNode next =
          json(b.get("/api/v1/monitors/api-site/results?limit=2&cursor=" + cursor, bearer(viewer)));
      assertThat(Instant.parse(next.at("/results/0/started_at").asText()))
          .isBefore(Instant.parse(cursor));
      assertThat(page.at("/results/0/verdict").asText()).isEqualTo("OK");
      problem(b.get("/api/v1/monitors/api-site/results?limit=0", bearer(viewer)), 400, "limit");
      problem(
          b.get("/api/v1/monitors/api-site/results?from=yesterday", bearer(viewer)), 400, "from");
      JsonNode uptime =
          json(b.get("/api/v1/monitors/api-site/uptime?window=1h&slo=99.9", bearer(viewer)));
      assertThat(uptime.path("checks").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(uptime.path("uptime").asDouble()).isEqualTo(1.0);
      assertThat(uptime.at("/sla/met").asBoolean()).isTrue();
      problem(b.get("/api/v1/monitors/api-site/uptime?window=soon", bearer(viewer)), 400, "window");

      // A heartbeat made through the API gets its ping URL, which works at once.
      HttpResponse<String> beat =
          b.post(
              "/api/v1/monitors",
              "{\"name\":\"nightly-export\",\"type\":\"heartbeat\",\"period\":\"1h\","
                  + "\"grace\":\"5m\"}",
              bearer(admin));
      assertThat(beat.statusCode()).as(beat.body()).isEqualTo(201);
      String pingUrl = json(beat).path("ping_url").asText();
      assertThat(pingUrl).matches("http://127\\.0\\.0\\.1:\\d+/ping/[A-Za-z0-9_-]{22,}");
      assertThat(b.get(pingUrl.substring(pingUrl.indexOf("/ping/"))).statusCode()).isEqualTo(200);
      eventually(
          Duration.ofSeconds(15),
          () -> state(b, admin, "nightly-export").equals("UP"),
          "the heartbeat UP after its ping");
      problem(b.post("/api/v1/monitors/nightly-export/check", "", bearer(admin)), 409, null);

      // Kept another for the restart, then delete.
      String kept =
          "{\"name\":\"kept\",\"url\":\""
              + target.url("/health")
              + "\",\"auth\":{\"bearer\":\""
              + SECRET
              + "-bearer\"},\"interval\":\"1m\"}";
      assertThat(b.post("/api/v1/monitors", kept, bearer(admin)).statusCode()).isEqualTo(201);
      assertThat(json(b.get("/api/v1/monitors/kept", bearer(admin))).at("/auth/bearer").asText())
          .isEqualTo("***");
      assertThat(
              b.send("DELETE", "/api/v1/monitors/api-site", null, null, bearer(admin)).statusCode())
          .isEqualTo(204);
      problem(b.get("/api/v1/monitors/api-site", bearer(admin)), 404, null);
      problem(b.send("DELETE", "/api/v1/monitors/api-site", null, null, bearer(admin)), 404, null);
      problem(b.get("/api/v1/nothing-here", bearer(admin)), 404, null);

      CliRunner.Run done = d.run().stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
      assertThat(done.out() + done.err()).doesNotContain(SECRET);
    }
  }

  private static int resultCount(Browser b, String token, String monitor) {
    try {
      return json(b.get("/api/v1/monitors/" + monitor + "/results", bearer(token)))
          .path("results")
          .size();
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  private static String state(Browser b, String token, String monitor) {
    try {
      return json(b.get("/api/v1/monitors/" + monitor, bearer(token))).path("state").asText();
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  /** Every file in the data directory, as text (SQLite pages and write-ahead log included). */
  static String storedText(Path data) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private static List<RecordedRequest> probes(TestHttpServer target, String path) {
    return target.requests().stream().filter(r -> r.path().equals(path)).toList();
  }
}

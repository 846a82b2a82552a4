package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status pages made through the REST API of a real {@code tickr run}: created, read, changed and
 * deleted, each change on the public page at once; bad input refused naming the field and changing
 * nothing; viewers only read; the file's pages read-only; scheduled maintenance on the page.
 */
class StatusPageApiEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  /** Asserts a problem answer: status, problem+json, and (when given) the field it names. */
  private static JsonNode problem(HttpResponse<String> answer, int status, @Nullable String pointer)
      throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = json(answer);
    assertThat(p.path("detail").asText()).isNotBlank();
    if (pointer != null) {
      assertThat(p.path("errors").findValuesAsText("pointer")).as(p.toString()).contains(pointer);
    }
    return p;
  }

  private static HttpResponse<String> put(Browser b, String path, String body, String token)
      throws IOException, InterruptedException {
    return b.send("PUT", path, body, "application/json", bearer(token));
  }

  private static HttpResponse<String> delete(Browser b, String path, String token)
      throws IOException, InterruptedException {
    return b.send("DELETE", path, null, null, bearer(token));
  }

  private static java.util.List<String> slugs(Browser b, String token) throws Exception {
    return json(b.get("/api/v1/status-pages", bearer(token)))
        .path("status_pages")
        .findValuesAsText("slug");
  }

  @Test
  void pages_are_made_changed_and_deleted_through_the_api_and_the_public_page_follows_at_once()
      throws Exception {
    try (TestHttpServer target = TestHttpServer.plain().text("/ok", 200, "ok")) {
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 2s, timeout: 2s}
              monitors:
                - {name: shop, url: "%1$s"}
                - {name: orders, url: "%1$s", tags: [db]}
                - {name: internal-only, url: "%1$s"}
              status-pages:
                - {slug: public, title: From the file, monitors: [shop]}
              maintenance:
                - name: nightly-vacuum-window
                  every: day
                  from: "%2$s"
                  duration: 30m
                  tags: [db]
              """
                  .formatted(target.url("/ok"), halfADayFromNow()));
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "status-api-admin-pass"));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        int port = running.port();
        String admin = cli.token(data, "admin-ci", "admin");
        String viewer = cli.token(data, "viewer-ci", "viewer");
        String partners =
            """
            {"slug": "partners", "title": "Partner status", "monitors": ["shop", "orders"],
             "groups": [{"name": "Buying", "monitors": ["shop"]}]}""";

        // Viewers read, and only read.
        assertThat(slugs(b, viewer)).containsExactly("public");
        problem(b.post("/api/v1/status-pages", partners, bearer(viewer)), 403, null);
        problem(b.get("/api/v1/status-pages"), 401, null);

        // Created: public at once.
        HttpResponse<String> created = b.post("/api/v1/status-pages", partners, bearer(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
            .hasValue("/api/v1/status-pages/partners");
        JsonNode made = json(created);
        assertThat(made.path("source").asText()).isEqualTo("api");
        assertThat(made.path("url").asText())
            .isEqualTo("http://127.0.0.1:" + port + "/status/partners");
        assertThat(made.path("created_by").asText()).isEqualTo("token:admin-ci");
        String page = b.get("/status/partners").body();
        assertThat(page).contains("Partner status", "Buying", "Other", "shop", "orders");
        assertThat(page).doesNotContain("internal-only");
        assertThat(b.get("/status").body()).contains("/status/partners", "/status/public");
        assertThat(b.get("/badge/orders.svg").statusCode()).isEqualTo(200);
        assertThat(json(b.get("/api/v1/status-pages/partners", bearer(viewer)))).isEqualTo(made);
        problem(put(b, "/api/v1/status-pages/partners", partners, viewer), 403, null);
        problem(delete(b, "/api/v1/status-pages/partners", viewer), 403, null);

        // Bad input: the field named, nothing changed.
        String[][] bad = {
          {"{\"slug\": \"p2\", \"title\": 5}", "/title"},
          {"{\"slug\": \"p2\", \"monitors\": \"shop\"}", "/monitors"},
          {"{\"slug\": \"p2\", \"monitors\": [true]}", "/monitors/0"},
          {"{\"slug\": \"p2\", \"colour\": \"red\"}", "/colour"},
          {"{\"slug\": \"p2\", \"monitors\": [\"shpo\"]}", "/monitors/0"},
          {"{\"slug\": \"Partner Page\"}", "/slug"},
          {"{\"title\": \"no slug\"}", ""},
          {
            "{\"slug\": \"p2\", \"monitors\": [\"shop\"],"
                + " \"groups\": [{\"name\": \"G\", \"monitors\": [\"orders\"]}]}",
            "/groups/0/monitors/0"
          },
          {
            "{\"slug\": \"p2\", \"groups\": [{\"name\": \"G\", \"size\": \"xl\"}]}",
            "/groups/0/size"
          },
        };
        for (String[] input : bad) {
          problem(b.post("/api/v1/status-pages", input[0], bearer(admin)), 400, input[1]);
        }
        JsonNode unknown =
            problem(
                b.post(
                    "/api/v1/status-pages",
                    "{\"slug\": \"p2\", \"monitors\": [\"shpo\"]}",
                    bearer(admin)),
                400,
                "/monitors/0");
        assertThat(unknown.path("detail").asText()).contains("did you mean \"shop\"");
        problem(b.post("/api/v1/status-pages", "{\"slug\": ", bearer(admin)), 400, null);
        problem(
            b.post("/api/v1/status-pages", "{\"slug\": \"a\", \"slug\": \"b\"}", bearer(admin)),
            400,
            null);
        problem(b.post("/api/v1/status-pages", "[\"p2\"]", bearer(admin)), 400, null);
        problem(
            b.send("POST", "/api/v1/status-pages", "slug=p2", "text/plain", bearer(admin)),
            415,
            null);
        problem(b.post("/api/v1/status-pages", partners, bearer(admin)), 409, null);
        JsonNode taken =
            problem(
                b.post("/api/v1/status-pages", "{\"slug\": \"public\"}", bearer(admin)), 409, null);
        assertThat(taken.path("detail").asText()).contains("config file");
        assertThat(slugs(b, admin)).containsExactly("public", "partners");

        // The file's page is read-only, and says why.
        JsonNode readOnly =
            problem(put(b, "/api/v1/status-pages/public", "{\"title\": \"x\"}", admin), 409, null);
        assertThat(readOnly.path("detail").asText())
            .contains("config file (line 7)", "read-only through the API");
        problem(delete(b, "/api/v1/status-pages/public", admin), 409, null);
        assertThat(
                json(b.get("/api/v1/status-pages/public", bearer(admin))).path("source").asText())
            .isEqualTo("yaml");
        problem(b.get("/api/v1/status-pages/nope", bearer(admin)), 404, null);
        problem(put(b, "/api/v1/status-pages/nope", "{}", admin), 404, null);

        // Changed: the page rendered a moment ago shows the change at once, HTML and JSON.
        assertThat(b.get("/status/partners.json").body()).contains("Partner status");
        String renamed = made.toString().replace("Partner status", "Partners, renamed");
        HttpResponse<String> changed = put(b, "/api/v1/status-pages/partners", renamed, admin);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("updated_by").asText()).isEqualTo("token:admin-ci");
        assertThat(b.get("/status/partners").body())
            .contains("Partners, renamed")
            .doesNotContain("Partner status");
        assertThat(json(b.get("/status/partners.json")).path("title").asText())
            .isEqualTo("Partners, renamed");
        problem(
            put(b, "/api/v1/status-pages/partners", "{\"slug\": \"moved\"}", admin), 400, "/slug");
        problem(
            put(b, "/api/v1/status-pages/partners", "{\"groups\": [{\"name\": 1}]}", admin),
            400,
            "/groups/0/name");
        assertThat(json(b.get("/status/partners.json")).path("title").asText())
            .isEqualTo("Partners, renamed");

        // Scheduled maintenance of the file and the API shows, without the windows' names.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(
                b.post(
                        "/api/v1/maintenance",
                        "{\"name\": \"vendor-db-migration-window\", \"monitors\": [\"shop\"],"
                            + " \"start\": \""
                            + now.plus(Duration.ofDays(2))
                            + "\", \"duration\": \"2h\"}",
                        bearer(admin))
                    .statusCode())
            .isEqualTo(201);
        assertThat(
                b.post(
                        "/api/v1/maintenance",
                        "{\"name\": \"hotfix-window\", \"monitors\": [\"orders\"], \"start\": \""
                            + now.minus(Duration.ofMinutes(1))
                            + "\", \"duration\": \"1h\"}",
                        bearer(admin))
                    .statusCode())
            .isEqualTo(201);
        assertThat(
                b.post(
                        "/api/v1/maintenance",
                        "{\"name\": \"not-on-the-page\", \"monitors\": [\"internal-only\"],"
                            + " \"start\": \""
                            + now.plus(Duration.ofDays(1))
                            + "\", \"duration\": \"1h\"}",
                        bearer(admin))
                    .statusCode())
            .isEqualTo(201);
        String withMaintenance = b.get("/status/partners").body();
        assertThat(withMaintenance)
            .contains("Scheduled maintenance", "In progress", "Planned", "every day")
            .contains("datetime=\"" + now.plus(Duration.ofDays(2)) + "\"")
            .doesNotContain(
                "vendor-db-migration-window",
                "hotfix-window",
                "nightly-vacuum-window",
                "not-on-the-page",
                "internal-only");
        JsonNode planned = json(b.get("/status/partners.json")).path("maintenance");
        assertThat(planned.size()).as(planned.toString()).isEqualTo(3);
        assertThat(planned.findValuesAsText("repeats")).containsOnly("once", "daily");
        assertThat(planned.get(0).path("in_progress").asBoolean()).isTrue();
        assertThat(planned.get(0).path("monitors").get(0).asText()).isEqualTo("orders");
        eventually(
            Duration.ofSeconds(15),
            () -> body(b, "/status/partners").contains("Scheduled maintenance in progress"),
            "orders shown in maintenance");

        // An API monitor on the page, then deleted: the page shows the rest and says what is gone.
        assertThat(
                b.post(
                        "/api/v1/monitors",
                        "{\"name\": \"api-orders\", \"url\": \""
                            + target.url("/ok")
                            + "\", \"interval\": \"1m\"}",
                        bearer(admin))
                    .statusCode())
            .isEqualTo(201);
        String withApiMonitor =
            "{\"title\": \"Partners\", \"monitors\": [\"shop\", \"orders\", \"api-orders\"]}";
        assertThat(put(b, "/api/v1/status-pages/partners", withApiMonitor, admin).statusCode())
            .isEqualTo(200);
        assertThat(b.get("/status/partners").body()).contains("api-orders");
        assertThat(delete(b, "/api/v1/monitors/api-orders", admin).statusCode()).isEqualTo(204);
        HttpResponse<String> still = b.get("/status/partners");
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(still.body()).contains("Partners").doesNotContain("api-orders");
        JsonNode withProblem = json(b.get("/api/v1/status-pages/partners", bearer(admin)));
        assertThat(withProblem.path("problems").findValuesAsText("pointer"))
            .containsExactly("/monitors/2");
        assertThat(withProblem.at("/problems/0/detail").asText())
            .contains("\"api-orders\" is gone");
        assertThat(b.get("/badge/api-orders.svg").statusCode()).isEqualTo(404);

        // Deleted: gone from the public side at once.
        assertThat(delete(b, "/api/v1/status-pages/partners", admin).statusCode()).isEqualTo(204);
        assertThat(b.get("/status/partners").statusCode()).isEqualTo(404);
        assertThat(b.get("/status/partners.json").statusCode()).isEqualTo(404);
        assertThat(b.get("/status").body()).doesNotContain("/status/partners");
        assertThat(b.get("/badge/orders.svg").statusCode()).isEqualTo(404);
        problem(b.get("/api/v1/status-pages/partners", bearer(admin)), 404, null);
        problem(delete(b, "/api/v1/status-pages/partners", admin), 404, null);
        assertThat(slugs(b, viewer)).containsExactly("public");
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }

  /** A daily window's start that is neither now nor soon, whenever the test runs. */
  private static String halfADayFromNow() {
    return java.time.LocalTime.ofInstant(
            Instant.now().plus(Duration.ofHours(12)), java.time.ZoneOffset.UTC)
        .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }
}

package dev.tickr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.cli.CliRunner;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret sent back masked ({@code ***}) keeps its stored value only for where it went before: a
 * {@code PUT} or a {@code POST /monitors/test?name=} that points the monitor at another scheme,
 * host or port, or makes a field refer to a kept secret anew, is refused naming the field, and the
 * other server receives nothing. Two real servers on loopback, a real daemon, a real admin token.
 */
class SecretOriginTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "origin-key-4f3e2d1c0b";
  private static final String BEARER = "origin-bearer-9a8b7c6d5e";

  @TempDir static Path dir;
  private static TestHttpServer home;
  private static TestHttpServer elsewhere;
  private static RunningDaemon tickr;
  private static Browser b;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    home = TestHttpServer.plain().text("/v1/offers", 200, "ok").text("/v2/offers", 200, "ok");
    elsewhere = TestHttpServer.plain().text("/v1/offers", 200, "ok");
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "secret-origin-admin-1"));
    Path data = dir.resolve("data");
    tickr = cli.start(config, data);
    b = new Browser(tickr.port());
    admin = cli.token(data, "ci", "admin");
  }

  @AfterAll
  static void stop() {
    if (tickr != null) {
      tickr.close();
    }
    if (b != null) {
      b.close();
    }
    home.close();
    elsewhere.close();
  }

  @BeforeEach
  void create() throws Exception {
    b.send("DELETE", "/api/v1/monitors/offers", null, null, auth());
    HttpResponse<String> made =
        b.post(
            "/api/v1/monitors",
            """
            {"name": "offers", "url": "%s", "interval": "1h",
             "headers": {"X-Api-Key": "${API_KEY}", "Accept": "application/json"},
             "auth": {"bearer": "%s"},
             "conditions": ["[STATUS] == 200"],
             "secrets": {"API_KEY": "%s"}}"""
                .formatted(home.url("/v1/offers"), BEARER, API_KEY),
            auth());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
  }

  private static String[] auth() {
    return new String[] {"Authorization", "Bearer " + admin};
  }

  /** The monitor as a GET answers it, secrets masked: what a client would edit and send back. */
  private static ObjectNode shown() throws IOException, InterruptedException {
    HttpResponse<String> got = b.get("/api/v1/monitors/offers", auth());
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    ObjectNode o = (ObjectNode) JSON.readTree(got.body());
    assertThat(o.at("/secrets/API_KEY").asText()).isEqualTo("***");
    assertThat(o.at("/auth/bearer").asText()).isEqualTo("***");
    return o;
  }

  private static JsonNode refused(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).doesNotContain(API_KEY).doesNotContain(BEARER);
    return JSON.readTree(answer.body());
  }

  private static List<String> pointers(JsonNode problem) {
    return problem.path("errors").findValuesAsText("pointer");
  }

  private static void unchanged() throws IOException, InterruptedException {
    assertThat(shown().path("url").asText()).isEqualTo(home.url("/v1/offers").toString());
    assertThat(shown().at("/headers/X-Api-Key").asText()).isEqualTo("${API_KEY}");
  }

  @Test
  void an_update_to_another_port_must_give_the_secrets_again() throws Exception {
    ObjectNode edited = shown();
    edited.put("url", elsewhere.url("/v1/offers").toString());

    JsonNode problem =
        refused(
            b.send(
                "PUT", "/api/v1/monitors/offers", edited.toString(), "application/json", auth()));

    assertThat(problem.path("title").asText()).isEqualTo("Invalid monitor");
    assertThat(pointers(problem)).containsExactlyInAnyOrder("/secrets/API_KEY", "/auth/bearer");
    assertThat(problem.path("detail").asText())
        .contains("url now points at another")
        .contains("give this secret's value again");
    unchanged();
  }

  @Test
  void trying_settings_against_another_port_sends_nothing_there() throws Exception {
    ObjectNode edited = shown();
    edited.put("url", elsewhere.url("/v1/offers").toString());

    JsonNode problem =
        refused(b.post("/api/v1/monitors/test?name=offers", edited.toString(), auth()));

    assertThat(pointers(problem)).containsExactlyInAnyOrder("/secrets/API_KEY", "/auth/bearer");
    assertThat(elsewhere.requests()).isEmpty();
  }

  @Test
  void another_scheme_or_host_on_the_same_port_is_another_origin_too() throws Exception {
    for (String url :
        List.of(
            "https://127.0.0.1:" + home.port() + "/v1/offers",
            "http://localhost:" + home.port() + "/v1/offers")) {
      ObjectNode edited = shown();
      edited.put("url", url);
      refused(
          b.send("PUT", "/api/v1/monitors/offers", edited.toString(), "application/json", auth()));
      refused(b.post("/api/v1/monitors/test?name=offers", edited.toString(), auth()));
    }
    unchanged();
    assertThat(home.requests())
        .noneMatch(r -> String.valueOf(r.header("Host")).startsWith("localhost"));
  }

  @Test
  void a_field_that_newly_refers_to_a_kept_secret_is_refused() throws Exception {
    ObjectNode edited = shown();
    ((ObjectNode) edited.get("headers")).put("X-Echo", "${API_KEY}");
    edited.put("body", "{\"key\": \"${API_KEY}\"}").put("method", "POST");

    JsonNode problem =
        refused(
            b.send(
                "PUT", "/api/v1/monitors/offers", edited.toString(), "application/json", auth()));

    assertThat(pointers(problem)).containsExactlyInAnyOrder("/headers/X-Echo", "/body");
    assertThat(problem.path("detail").asText()).contains("give the value of API_KEY again");
    refused(b.post("/api/v1/monitors/test?name=offers", edited.toString(), auth()));
    unchanged();
  }

  @Test
  void the_same_origin_keeps_the_secrets_and_given_again_they_go_anywhere() throws Exception {
    ObjectNode edited = shown();
    edited.put("url", home.url("/v2/offers").toString());
    HttpResponse<String> tried =
        b.post("/api/v1/monitors/test?name=offers", edited.toString(), auth());
    assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
    RecordedRequest probe =
        home.requests().stream()
            .filter(r -> r.path().equals("/v2/offers"))
            .findFirst()
            .orElseThrow();
    assertThat(probe.header("X-Api-Key")).isEqualTo(API_KEY);
    assertThat(probe.header("Authorization")).isEqualTo("Bearer " + BEARER);

    edited.put("url", elsewhere.url("/v1/offers").toString());
    ((ObjectNode) edited.get("secrets")).put("API_KEY", "new-key-for-elsewhere");
    ((ObjectNode) edited.get("auth")).put("bearer", "new-bearer-for-elsewhere");
    HttpResponse<String> moved =
        b.send("PUT", "/api/v1/monitors/offers", edited.toString(), "application/json", auth());
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(JSON.readTree(moved.body()).path("url").asText())
        .isEqualTo(elsewhere.url("/v1/offers").toString());
  }
}

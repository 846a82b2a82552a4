package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/monitors/test} of a real daemon: a monitor's settings are checked like a
 * create, probed once against real loopback targets (plain HTTP, and TLS with a generated
 * certificate) and answered in full; nothing is stored, secrets reach the target but never the
 * answer, and a masked secret sent back while editing takes the stored value.
 */
class MonitorTestEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "test-now-api-key-8e1f0c";
  private static final String STORED_KEY = "stored-key-5b7d2a9c";
  private static final String STORED_BEARER = "stored-bearer-c3f9e1a7";

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  private static JsonNode ok(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return json(answer);
  }

  private static JsonNode problem(HttpResponse<String> answer, int status, @Nullable String pointer)
      throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = json(answer);
    if (pointer != null) {
      assertThat(p.path("errors").findValuesAsText("pointer")).as(p.toString()).contains(pointer);
    }
    return p;
  }

  @Test
  void settings_are_probed_once_answered_in_full_with_secrets_masked_and_nothing_is_stored()
      throws Exception {
    TestIdentity identity = TestCertificates.create().ca().leaf("127.0.0.1");
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer secure = TestHttpServer.tls(identity)) {
      target
          .json("/file", 200, "{}")
          // Echoes the key it was sent, as careless error pages do.
          .route(
              "/echo",
              r ->
                  Reply.status(200)
                      .header("X-Echo", "key=" + r.header("X-Api-Key"))
                      .json("{\"ok\":true,\"you_sent\":\"" + r.header("X-Api-Key") + "\"}"))
          .route(
              "/refuse",
              r ->
                  Reply.status(401)
                      .json(
                          "{\"error\":\"bad credentials "
                              + r.header("Authorization")
                              + " "
                              + r.header("X-Api-Key")
                              + "\"}"))
          .route("/slow", r -> Reply.status(200).text("late").after(Duration.ofSeconds(30)));
      secure.text("/", 200, "ok");
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              "monitors:\n  - name: from-file\n    url: " + target.url("/file") + "\n");
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "test-now-admin-pw"));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        String admin = cli.token(data, "admin-ci", "admin");
        String viewer = cli.token(data, "viewer-ci", "viewer");

        // A plain target: a name that is taken is fine, the answer has everything.
        String settings =
            """
            {"name": "from-file", "url": "%s", "headers": {"X-Api-Key": "${KEY}"},
             "conditions": ["[STATUS] == 200", "[BODY].ok == true", "[RESPONSE_TIME] < 5000",
                            "[BODY].missing == 1"],
             "secrets": {"KEY": "%s"}}"""
                .formatted(target.url("/echo"), KEY);
        HttpResponse<String> answer = b.post("/api/v1/monitors/test", settings, bearer(admin));
        JsonNode result = ok(answer);
        assertThat(answer.body()).doesNotContain(KEY);
        assertThat(result.path("monitor").asText()).isEqualTo("from-file");
        assertThat(result.path("type").asText()).isEqualTo("http");
        assertThat(result.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(result.path("reason").asText()).isEqualTo("body-error");
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.at("/timings_ms/total").isNumber()).isTrue();
        assertThat(result.at("/timings_ms/connect").isNumber()).isTrue();
        assertThat(result.at("/timings_ms/ttfb").isNumber()).isTrue();
        assertThat(result.at("/timings_ms/tls").isNull()).isTrue();
        assertThat(result.path("certificate").isNull()).isTrue();
        JsonNode conditions = result.path("conditions");
        assertThat(conditions).hasSize(4);
        assertThat(conditions.get(0).path("success").asBoolean()).isTrue();
        assertThat(conditions.get(0).path("actual").asText()).isEqualTo("200");
        assertThat(conditions.get(1).path("actual").asText()).isEqualTo("true");
        // 123ms, or 1.5s when the machine is loaded
        assertThat(conditions.get(2).path("actual").asText()).matches("\\d+ms|\\d+(\\.\\d+)?s");
        assertThat(conditions.get(3).path("success").asBoolean()).isFalse();
        assertThat(conditions.get(3).path("actual").asText()).contains("missing");
        assertThat(result.at("/evidence/status").asInt()).isEqualTo(200);
        assertThat(result.at("/evidence/body").asText()).contains("\"you_sent\":\"***\"");
        assertThat(result.at("/evidence/headers").findValuesAsText("value")).contains("key=***");
        assertThat(target.requests())
            .filteredOn(r -> r.path().equals("/echo"))
            .singleElement()
            .satisfies(r -> assertThat(r.header("X-Api-Key")).isEqualTo(KEY));

        // A TLS target with a generated certificate (not trusted by the daemon): the certificate
        // is in the answer, and the condition on it has its actual value.
        JsonNode tls =
            ok(
                b.post(
                    "/api/v1/monitors/test",
                    """
                    {"name": "cert-check", "type": "tls", "host": "127.0.0.1", "port": %d,
                     "conditions": ["[CERTIFICATE_EXPIRATION] > 48h"]}"""
                        .formatted(secure.port()),
                    bearer(admin)));
        assertThat(tls.path("type").asText()).isEqualTo("tls");
        assertThat(tls.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(tls.path("reason").asText()).isEqualTo("tls");
        assertThat(tls.at("/timings_ms/tls").isNumber()).isTrue();
        JsonNode cert = tls.path("certificate");
        assertThat(cert.path("subject").asText()).contains("127.0.0.1");
        assertThat(cert.path("issuer").asText()).isNotBlank().isNotEqualTo(cert.path("subject"));
        assertThat(cert.path("expires_at").asText())
            .isEqualTo(identity.leaf().getNotAfter().toInstant().toString());
        assertThat(cert.path("days_left").asInt()).isBetween(88, 90);
        assertThat(tls.at("/conditions/0/success").asBoolean()).isTrue();
        assertThat(tls.at("/conditions/0/actual").asText()).matches("8\\dd\\d+h");

        // The same over https: an http monitor shows the certificate too.
        JsonNode https =
            ok(
                b.post(
                    "/api/v1/monitors/test",
                    "{\"name\":\"https\",\"url\":\"" + secure.url("/") + "\"}",
                    bearer(admin)));
        assertThat(https.at("/certificate/subject").asText()).contains("127.0.0.1");
        assertThat(https.path("reason").asText()).isEqualTo("tls");

        // Bounded by the monitor's timeout: answered long before the target would have (30 s),
        // with room for a loaded machine.
        long started = System.nanoTime();
        JsonNode slow =
            ok(
                b.post(
                    "/api/v1/monitors/test",
                    "{\"name\":\"slow\",\"url\":\""
                        + target.url("/slow")
                        + "\",\"timeout\":\"1s\"}",
                    bearer(admin)));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofSeconds(15));
        assertThat(slow.path("reason").asText()).isEqualTo("timeout");

        // Bad input: 400 naming the field; who may; what is not probed.
        String url = "\"url\":\"" + target.url("/echo") + "\"";
        problem(
            b.post(
                "/api/v1/monitors/test",
                "{\"name\":\"x\"," + url + ",\"interval\":\"500ms\"}",
                bearer(admin)),
            400,
            "/interval");
        problem(
            b.post(
                "/api/v1/monitors/test",
                "{\"name\":\"x\"," + url + ",\"colour\":\"red\"}",
                bearer(admin)),
            400,
            "/colour");
        problem(
            b.post(
                "/api/v1/monitors/test",
                "{\"name\":\"x\"," + url + ",\"headers\":{\"X-K\":\"${NOPE}\"}}",
                bearer(admin)),
            400,
            "/headers/X-K");
        problem(b.post("/api/v1/monitors/test", "{" + url + "}", bearer(admin)), 400, null);
        problem(
            b.post("/api/v1/monitors/test", "{\"name\":\"x\"," + url + "}", bearer(viewer)),
            403,
            null);
        problem(
            b.post(
                "/api/v1/monitors/test",
                "{\"name\":\"hb\",\"type\":\"heartbeat\",\"period\":\"1h\"}",
                bearer(admin)),
            409,
            null);
        problem(
            b.post("/api/v1/monitors/test?name=nope", "{" + url + "}", bearer(admin)), 404, null);
        problem(
            b.post("/api/v1/monitors/test?name=from-file", "{" + url + "}", bearer(admin)),
            409,
            null);

        // Editing: masked secrets sent back take the stored monitor's values.
        HttpResponse<String> created =
            b.post(
                "/api/v1/monitors",
                """
                {"name": "edit-me", "url": "%s", "interval": "1h",
                 "headers": {"X-Api-Key": "${KEY}"}, "auth": {"bearer": "%s"},
                 "secrets": {"KEY": "%s"}}"""
                    .formatted(target.url("/file"), STORED_BEARER, STORED_KEY),
                bearer(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        ObjectNode edited = (ObjectNode) json(b.get("/api/v1/monitors/edit-me", bearer(admin)));
        assertThat(edited.toString()).doesNotContain(STORED_KEY).doesNotContain(STORED_BEARER);
        assertThat(edited.at("/auth/bearer").asText()).isEqualTo("***");
        edited.put("url", target.url("/refuse").toString());
        HttpResponse<String> tried =
            b.post("/api/v1/monitors/test?name=edit-me", edited.toString(), bearer(admin));
        JsonNode refused = ok(tried);
        assertThat(tried.body()).doesNotContain(STORED_KEY).doesNotContain(STORED_BEARER);
        assertThat(refused.path("reason").asText()).isEqualTo("auth-rejected");
        assertThat(refused.at("/evidence/body").asText())
            .isEqualTo("{\"error\":\"bad credentials *** ***\"}");
        assertThat(last(target, "/refuse").header("X-Api-Key")).isEqualTo(STORED_KEY);
        assertThat(last(target, "/refuse").header("Authorization"))
            .isEqualTo("Bearer " + STORED_BEARER);
        // Without naming the monitor edited, a mask is only a mask.
        edited.put("name", "another");
        ok(b.post("/api/v1/monitors/test", edited.toString(), bearer(admin)));
        assertThat(last(target, "/refuse").header("X-Api-Key")).isEqualTo("***");

        // Nothing was stored: the same monitors, none of the tried names, edit-me as it was.
        assertThat(names(b, admin)).containsExactly("from-file", "edit-me");
        problem(b.get("/api/v1/monitors/cert-check", bearer(admin)), 404, null);
        assertThat(json(b.get("/api/v1/monitors/from-file", bearer(admin))).path("url").asText())
            .isEqualTo(target.url("/file").toString());
        assertThat(json(b.get("/api/v1/monitors/edit-me", bearer(admin))).path("url").asText())
            .isEqualTo(target.url("/file").toString());
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }

  private static RecordedRequest last(TestHttpServer target, String path) {
    List<RecordedRequest> seen =
        target.requests().stream().filter(r -> r.path().equals(path)).toList();
    assertThat(seen).as("requests to " + path).isNotEmpty();
    return seen.get(seen.size() - 1);
  }

  private static List<String> names(Browser b, String token) throws Exception {
    return json(b.get("/api/v1/monitors", bearer(token))).path("monitors").findValuesAsText("name");
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpProxy;
import dev.tickr.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The secrets of per-request auth and of the way out: an OAuth2 client secret and the token its
 * server mints, a signing key and a secret a signature is made of, a proxy's password. They are
 * written as plain values in the file (not {@code ${NAME}}, which is masked as the environment's),
 * so only the auth and proxy code knows them to be secret. Every target fails and echoes what it
 * was sent (the token, the signed headers, the form a refusing token endpoint got), so incidents,
 * evidence and alerts would hold the secrets if anything forgot to mask them; then every place a
 * person or a program reads is searched: the log, the API, the dashboard's pages, {@code tickr
 * status}, {@code /metrics}, the alerts and the database files. Isolated because it reads Tickr's
 * log from {@code System.err}.
 */
@Isolated
class RequestSecretsLeakNothingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_SECRET = "lk-oauth-client-secret-61";
  private static final String MINTED = "lk-minted-access-token-62";
  private static final String SIGNING_KEY = "lk-signing-key-63";
  private static final String SIGN_TOKEN = "lk-signature-part-64";
  private static final String PROXY_PASS = "lk-proxy-password-65";
  private static final String ADMIN_PASSWORD = "lk-admin-password-66";
  private static final List<String> SECRETS =
      List.of(CLIENT_SECRET, MINTED, SIGNING_KEY, SIGN_TOKEN, PROXY_PASS);
  private static final List<String> MONITORS =
      List.of("oauth-api", "oauth-refused", "signed-api", "proxied-api");

  @TempDir Path dir;

  @Test
  void no_client_secret_minted_token_signing_key_or_proxy_password_is_shown_anywhere()
      throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("tickr:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer receivers = TestHttpServer.plain().text("/hook", 200, "ok");
        TestHttpProxy proxy = TestHttpProxy.requiring("tickr", PROXY_PASS)) {
      target
          .route(
              "/token",
              r ->
                  basic.equals(r.header("Authorization"))
                      ? Reply.status(200)
                          .json(
                              "{\"access_token\": \""
                                  + MINTED
                                  + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")
                      : Reply.status(401).json("{\"error\": \"invalid_client\"}"))
          .route(
              "/token-refused",
              r ->
                  Reply.status(401)
                      .json(
                          "{\"error\": \"invalid_client\", \"error_description\": \"no client for "
                              + r.body()
                              + "\"}"))
          .route("/api", r -> echo(r, "Authorization"))
          .route("/signed", r -> echo(r, "X-Signature", "X-Token", "X-Date"))
          .route("/via-proxy", r -> echo(r, "Proxy-Authorization", "Authorization"));
      String base = "http://127.0.0.1:" + target.port();
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 2s, timeout: 2s, failure-threshold: 1, alerts: [hook]}
              monitors:
                - name: oauth-api
                  url: %1$s/api
                  auth:
                    oauth2: {token-url: "%1$s/token", client-id: tickr, client-secret: "%2$s"}
                - name: oauth-refused
                  url: %1$s/api
                  auth:
                    oauth2:
                      token-url: "%1$s/token-refused"
                      client-id: other
                      client-secret: "%2$s"
                      client-auth: body
                - name: signed-api
                  url: "%1$s/signed?action=report"
                  auth:
                    signature:
                      algorithm: hmac-sha256
                      key: "%3$s"
                      secrets: {token: "%4$s"}
                      date: unix
                      sign: "{secret:token}:{date}:{query:action}"
                      headers: {X-Date: "{date}", X-Signature: "{signature}", X-Token: "{secret:token}"}
                - name: proxied-api
                  url: %1$s/via-proxy
                  proxy: "%5$s"
              channels:
                - {name: hook, type: webhook, url: "%6$s"}
              """
                  .formatted(
                      base,
                      CLIENT_SECRET,
                      SIGNING_KEY,
                      SIGN_TOKEN,
                      proxy.url("tickr:" + PROXY_PASS),
                      receivers.url("/hook")));
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD));
      Path data = dir.resolve("data");
      Map<String, String> read = new LinkedHashMap<>();
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream err = System.err;
      CliRunner.Run run;
      try (PrintStream tee = new PrintStream(log, true, StandardCharsets.UTF_8)) {
        System.setErr(tee);
        try (RunningDaemon running = cli.start(config, data);
            Browser b = new Browser(running.port())) {
          String admin = cli.token(data, "leak-admin", "admin");
          String[] auth = {"Authorization", "Bearer " + admin};
          eventually(
              Duration.ofSeconds(30),
              () -> openIncidents(b, auth).keySet().containsAll(MONITORS),
              "an incident for each failing monitor");
          eventually(
              Duration.ofSeconds(30),
              () -> receivers.requests().size() >= MONITORS.size(),
              "the DOWN alerts at the webhook");

          // The secrets went where they belong.
          assertThat(target.requests())
              .anySatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + MINTED))
              .anySatisfy(r -> assertThat(r.header("X-Token")).isEqualTo(SIGN_TOKEN))
              .anySatisfy(r -> assertThat(r.path()).isEqualTo("/via-proxy"));
          assertThat(proxy.logins()).contains("tickr:" + PROXY_PASS);

          Map<String, Long> incidents = openIncidents(b, auth);
          JsonNode refused =
              JSON.readTree(
                  b.get("/api/v1/incidents/" + incidents.get("oauth-refused"), auth).body());
          assertThat(refused.path("reason").asText()).isEqualTo("auth-rejected");
          assertThat(refused.path("detail").asText())
              .startsWith("token endpoint refused: HTTP 401");

          // The API.
          List<String> paths =
              new ArrayList<>(List.of("/api/v1/monitors", "/api/v1/incidents", "/metrics"));
          for (String m : MONITORS) {
            paths.add("/api/v1/monitors/" + m);
            paths.add("/api/v1/monitors/" + m + "/results");
            paths.add("/api/v1/incidents/" + incidents.get(m));
          }
          for (String path : paths) {
            var answer = b.get(path, auth);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            read.put(path, answer.body() + answer.headers().map());
          }
          var checked = b.post("/api/v1/monitors/oauth-api/check", "", auth);
          assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
          read.put("check now", checked.body());
          assertThat(read.get("/api/v1/incidents/" + incidents.get("oauth-api")))
              .as("the evidence is there, masked")
              .contains("Bearer ***");

          // The dashboard's pages, as the admin sees them.
          assertThat(b.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
          List<String> pages = new ArrayList<>(List.of("/", "/channels"));
          for (String m : MONITORS) {
            pages.add("/monitors/" + m);
            pages.add("/monitors/" + m + "/edit");
          }
          for (String page : pages) {
            var answer = b.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            read.put(page, answer.body());
          }
          assertThat(read.get("/monitors/oauth-refused")).contains("token endpoint refused");
          run = running.stop();
        }
      } finally {
        System.setErr(err);
      }
      assertThat(run.exitCode()).as(run.err()).isZero();

      CliRunner.Run status = cli.run("status", "--data", data.toString());
      CliRunner.Run statusJson = cli.run("status", "--data", data.toString(), "--json");
      assertThat(statusJson.out()).contains("oauth-refused");
      read.put("tickr status", status.all());
      read.put("tickr status --json", statusJson.all());
      for (RecordedRequest r : receivers.requests()) {
        read.put("alert " + r.body().length(), r.body() + r.headers());
      }
      read.put("log", log.toString(StandardCharsets.UTF_8) + run.out() + run.err());
      read.put("database", ApiEndToEndTest.storedText(data));

      List<String> leaks = new ArrayList<>();
      read.forEach(
          (where, text) -> {
            for (String secret : SECRETS) {
              if (text.contains(secret)) {
                leaks.add(where + " shows " + secret);
              }
            }
          });
      assertThat(leaks).isEmpty();
    }
  }

  /** A failure that repeats the named request headers and the body it got. */
  private static Reply echo(RecordedRequest r, String... headers) {
    StringBuilder text = new StringBuilder("upstream failed for");
    for (String h : headers) {
      text.append(' ').append(h).append('=').append(r.header(h));
    }
    Reply reply = Reply.status(500);
    for (String h : headers) {
      String value = r.header(h);
      if (value != null) {
        reply = reply.header("X-Echo-" + h, value);
      }
    }
    return reply.text(text.append(" body=").append(r.body()).toString());
  }

  private static Map<String, Long> openIncidents(Browser b, String[] auth) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      for (JsonNode i :
          JSON.readTree(b.get("/api/v1/incidents?open=true", auth).body()).path("incidents")) {
        out.putIfAbsent(i.path("monitor").asText(), i.path("id").asLong());
      }
    } catch (IOException | InterruptedException notYet) {
      // not yet
    }
    return out;
  }
}

package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpProxy;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code tickr run} with http monitors using their connection options: one observes a 302 itself,
 * one reads a body only up to max-body, one accepts a self-signed certificate, one goes out through
 * a proxy needing a password; and one made through the API goes through that proxy to a mutual-TLS
 * server, shows its proxy and key masked, and keeps both when the masks come back. The proxy
 * password and the client key reach no API answer and no log. Isolated because it reads Tickr's log
 * from {@code System.err}.
 */
@Isolated
class HttpOptionsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROXY_PASSWORD = "proxy-e2e-password-8c7d6e5f";

  @TempDir Path dir;

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void each_option_works_in_the_daemon_and_no_password_or_key_is_shown() throws Exception {
    TestCertificates certs = TestCertificates.create();
    TestCa ca = certs.ca();
    TestIdentity client = ca.leaf("tickr-client");
    try (TestHttpServer plain =
            TestHttpServer.plain()
                .redirect("/moved", 302, "/elsewhere")
                .bytes("/big", 200, 5000)
                .text("/via-proxy", 200, "proxied");
        TestHttpServer selfSigned =
            TestHttpServer.tls(certs.selfSigned("127.0.0.1")).text("/", 200, "ok");
        TestHttpServer mutual =
            TestHttpServer.tlsRequiringClientCertificate(ca.leaf("127.0.0.1"), ca.certificate())
                .text("/mtls", 200, "hello client");
        TestHttpProxy proxy = TestHttpProxy.requiring("egress", PROXY_PASSWORD)) {
      String proxyUrl = proxy.url("egress:" + PROXY_PASSWORD);
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults:
                interval: 3s
              monitors:
                - {name: redirect, url: "%s", follow-redirects: false}
                - {name: big, url: "%s", max-body: 100, conditions: ["len([BODY]) < 5000"]}
                - {name: self-signed, url: "%s", insecure: true}
                - {name: proxied, url: "%s", proxy: "%s"}
              """
                  .formatted(
                      plain.url("/moved"),
                      plain.url("/big"),
                      selfSigned.url("/"),
                      plain.url("/via-proxy"),
                      proxyUrl));
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "opts-e2e-admin-1"));
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
          JsonNode redirect = check(b, admin, "redirect", answers);
          assertThat(redirect.path("status").asInt()).isEqualTo(302);
          JsonNode big = check(b, admin, "big", answers);
          assertThat(big.path("status").asInt()).isEqualTo(200);
          assertThat(big.path("success").asBoolean()).as(big.toString()).isTrue();
          assertThat(big.at("/conditions/0/actual").asText()).as("the body read").isEqualTo("100");
          assertThat(check(b, admin, "self-signed", answers).path("status").asInt()).isEqualTo(200);
          assertThat(check(b, admin, "proxied", answers).path("status").asInt()).isEqualTo(200);
          eventually(
              Duration.ofSeconds(30),
              () -> proxy.passed().size() >= 2,
              "the proxied monitor's scheduled check");

          HttpResponse<String> created =
              b.post("/api/v1/monitors", apiMonitor(mutual, proxyUrl, ca, client), bearer(admin));
          assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
          answers.add(created.body());
          JsonNode shown = get(b, admin, "/api/v1/monitors/api-mtls", answers);
          assertThat(shown.path("proxy").asText()).isEqualTo("***");
          assertThat(shown.path("client-key").asText()).isEqualTo("***");
          assertThat(shown.path("client-cert").asText()).startsWith("-----BEGIN CERTIFICATE-----");
          ObjectNode back = (ObjectNode) shown.deepCopy();
          back.remove(List.of("state", "source"));
          back.put("interval", "4s");
          HttpResponse<String> put =
              b.send(
                  "PUT",
                  "/api/v1/monitors/api-mtls",
                  back.toString(),
                  "application/json",
                  bearer(admin));
          assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
          answers.add(put.body());
          int loginsBefore = proxy.logins().size();
          JsonNode checked = check(b, admin, "api-mtls", answers);
          assertThat(checked.path("status").asInt()).as(checked.toString()).isEqualTo(200);
          assertThat(proxy.logins().size()).isGreaterThan(loginsBefore);
          assertThat(proxy.passed()).contains("CONNECT 127.0.0.1:" + mutual.port());

          for (String path :
              List.of(
                  "/api/v1/monitors",
                  "/api/v1/monitors/proxied",
                  "/api/v1/monitors/proxied/results",
                  "/api/v1/monitors/api-mtls/results")) {
            get(b, admin, path, answers);
          }
          assertThat(JSON.readTree(answers.get(answers.size() - 3)).path("proxy").asText())
              .isEqualTo("***");
          run = running.stop();
        }
      } finally {
        System.setErr(err);
      }
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(proxy.logins()).allMatch(l -> l.equals("egress:" + PROXY_PASSWORD));
      assertThat(plain.requests()).filteredOn(r -> r.path().equals("/elsewhere")).isEmpty();
      String keyBody = keyBody(client);
      for (String answer : answers) {
        assertThat(answer).doesNotContain(PROXY_PASSWORD, keyBody);
      }
      String logged = log.toString(StandardCharsets.UTF_8) + run.out() + run.err();
      assertThat(logged).contains("proxied").doesNotContain(PROXY_PASSWORD, keyBody);
    }
  }

  /** The base64 body of the client key's PEM, whose first line is enough to recognise it. */
  private static String keyBody(TestIdentity client) {
    return client.keyPem().lines().skip(1).findFirst().orElseThrow();
  }

  private static String apiMonitor(
      TestHttpServer mutual, String proxyUrl, TestCa ca, TestIdentity client) {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", "api-mtls");
    m.put("url", mutual.url("/mtls").toString());
    m.put("interval", "3s");
    m.put("proxy", proxyUrl);
    m.put("ca-cert", ca.pem());
    m.put("client-cert", client.chainPem());
    m.put("client-key", client.keyPem());
    return m.toString();
  }

  private static JsonNode check(Browser b, String admin, String name, List<String> answers)
      throws Exception {
    HttpResponse<String> checked = b.post("/api/v1/monitors/" + name + "/check", "", bearer(admin));
    assertThat(checked.statusCode()).as(name + ": " + checked.body()).isEqualTo(200);
    answers.add(checked.body());
    return JSON.readTree(checked.body());
  }

  private static JsonNode get(Browser b, String admin, String path, List<String> answers)
      throws Exception {
    HttpResponse<String> answer = b.get(path, bearer(admin));
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    answers.add(answer.body());
    return JSON.readTree(answer.body());
  }
}

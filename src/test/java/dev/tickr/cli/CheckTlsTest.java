package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr check} against TLS servers whose certificates are generated for this run. */
class CheckTlsTest {
  private static final Instant EXPIRED_AT = Instant.parse("2026-01-02T12:00:00Z");

  private static TestCertificates certs;
  private static TestCa ca;
  private static Path caFile;
  private final CliRunner cli = new CliRunner();

  @BeforeAll
  static void certificates(@TempDir Path dir) {
    certs = TestCertificates.create();
    ca = certs.ca();
    caFile = ca.writePem(dir.resolve("ca.pem"));
  }

  private static TestCa ca() {
    return ca;
  }

  @Test
  void a_valid_certificate_from_a_trusted_ca_passes_and_reports_expiry() {
    try (TestHttpServer server =
        TestHttpServer.tls(ca().leaf("127.0.0.1", "localhost")).json("/", 200, "{}")) {
      CliRunner.Run run =
          cli.run("check", server.url("/").toString(), "--ca-cert", caFile.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out())
          .containsPattern("Certificate expires \\d{4}-\\d\\d-\\d\\d \\(8[89] days left\\)");
      JsonNode json =
          cli.run("check", server.url("/").toString(), "--ca-cert", caFile.toString(), "--json")
              .json();
      assertThat(json.get("certificate").get("days_left").asInt()).isBetween(88, 89);
      assertThat(json.get("certificate").get("expires_at").asText()).endsWith("Z");
      JsonNode t = json.get("timings_ms");
      assertThat(t.get("tls").asDouble()).isGreaterThan(0);
      assertThat(t.get("total").asDouble())
          .isGreaterThanOrEqualTo(t.get("connect").asDouble() + t.get("tls").asDouble());
    }
  }

  @Test
  void certificate_expiration_can_be_a_condition() {
    try (TestHttpServer server = TestHttpServer.tls(ca().leaf("127.0.0.1")).json("/", 200, "{}")) {
      String url = server.url("/").toString();
      String ca = caFile.toString();
      assertThat(
              cli.run("check", url, "--ca-cert", ca, "--expect", "[CERTIFICATE_EXPIRATION] > 48h")
                  .exitCode())
          .isZero();
      JsonNode json =
          cli.run(
                  "check",
                  url,
                  "--ca-cert",
                  ca,
                  "--expect",
                  "[CERTIFICATE_EXPIRATION] > 120d",
                  "--json")
              .json();
      assertThat(json.get("success").asBoolean()).isFalse();
      assertThat(json.get("reason").asText()).isEqualTo("condition");
    }
  }

  @Test
  void an_untrusted_ca_is_a_tls_failure() {
    try (TestHttpServer server = TestHttpServer.tls(ca().leaf("127.0.0.1")).json("/", 200, "{}")) {
      JsonNode json = cli.run("check", server.url("/").toString(), "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("tls");
      assertThat(json.get("error").asText()).startsWith("TLS: certificate is not trusted");
      assertThat(json.get("status").isNull()).isTrue();
      assertThat(json.get("certificate").get("days_left").asInt())
          .as("expiry is known even when trust fails")
          .isBetween(88, 89);
    }
  }

  @Test
  void an_expired_certificate_says_when_it_expired() {
    try (TestHttpServer server =
        TestHttpServer.tls(ca().expiredLeaf(EXPIRED_AT, "127.0.0.1")).json("/", 200, "{}")) {
      CliRunner.Run run =
          cli.run("check", server.url("/").toString(), "--ca-cert", caFile.toString(), "--json");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.json().get("reason").asText()).isEqualTo("tls");
      assertThat(run.json().get("error").asText())
          .isEqualTo("TLS: certificate expired on 2026-01-02");
      assertThat(run.json().get("certificate").get("days_left").asInt()).isNegative();
      assertThat(run.json().get("certificate").get("expires_at").asText())
          .isEqualTo("2026-01-02T12:00:00Z");
    }
  }

  @Test
  void a_certificate_for_another_host_is_a_tls_failure() {
    try (TestHttpServer server =
        TestHttpServer.tls(ca().leaf("api.example.test")).json("/", 200, "{}")) {
      JsonNode json =
          cli.run("check", server.url("/").toString(), "--ca-cert", caFile.toString(), "--json")
              .json();
      assertThat(json.get("reason").asText()).isEqualTo("tls");
      assertThat(json.get("error").asText())
          .isEqualTo("TLS: certificate does not match host 127.0.0.1 (valid for api.example.test)");
    }
  }

  @Test
  void a_self_signed_certificate_fails_unless_insecure() {
    try (TestHttpServer server =
        TestHttpServer.tls(certs.selfSigned("127.0.0.1")).json("/", 200, "{}")) {
      JsonNode json = cli.run("check", server.url("/").toString(), "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("tls");
      assertThat(json.get("error").asText())
          .startsWith("TLS: self-signed certificate is not trusted");

      CliRunner.Run insecure = cli.run("check", server.url("/").toString(), "--insecure");
      assertThat(insecure.exitCode()).as(insecure.all()).isZero();
      assertThat(insecure.out()).contains("Certificate expires");
    }
  }

  @Test
  void insecure_still_reports_an_expired_certificate() {
    try (TestHttpServer server =
        TestHttpServer.tls(ca().expiredLeaf(EXPIRED_AT, "wrong.example.test"))
            .json("/", 200, "{}")) {
      CliRunner.Run run = cli.run("check", server.url("/").toString(), "--insecure");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("Certificate expired on 2026-01-02");
    }
  }

  @Test
  void plain_http_on_a_tls_port_is_explained() throws Exception {
    // Like nginx, answer a TLS hello that reaches a plain HTTP port with a plain 400 at once.
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket s = plain.accept()) {
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                  s.getInputStream().read();
                } catch (IOException ignored) {
                  // the client hangs up
                }
              });
      String url = "https://127.0.0.1:" + plain.getLocalPort() + "/";
      JsonNode json = cli.run("check", url, "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("tls");
      assertThat(json.get("error").asText()).contains("did not answer with TLS");
    }
  }

  @Test
  void a_server_that_stalls_the_handshake_times_out_in_the_tls_phase() {
    try (TestHttpServer plain = TestHttpServer.plain().json("/", 200, "{}")) {
      String url = plain.url("/").toString().replace("http://", "https://");
      JsonNode json = cli.run("check", url, "--timeout", "1s", "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("timeout");
      assertThat(json.get("error").asText())
          .isEqualTo("timeout after 1s while in the TLS handshake");
    }
  }
}

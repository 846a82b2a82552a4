package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final TestCa ca = TestCertificates.create().ca();

  @Test
  void ca_issued_leaf_is_trusted_by_a_context_that_trusts_the_ca() throws Exception {
    try (var server = TestHttpServer.tls(ca.leaf("localhost", "127.0.0.1")).text("/", 200, "hi")) {
      assertThat(get(ca.trustingSslContext(), server.url("/")).body()).isEqualTo("hi");
      assertThat(get(ca.trustingSslContext(), server.localhostUrl("/")).body()).isEqualTo("hi");
    }
  }

  @Test
  void expired_leaf_is_rejected_by_default_trust() {
    TestIdentity expired = ca.expiredLeaf(Instant.now().minus(Duration.ofDays(2)), "127.0.0.1");
    try (var server = TestHttpServer.tls(expired).text("/", 200, "hi")) {
      assertThatThrownBy(() -> get(ca.trustingSslContext(), server.url("/")))
          .isInstanceOf(SSLHandshakeException.class)
          .hasRootCauseInstanceOf(CertificateExpiredException.class);
    }
  }

  @Test
  void self_signed_leaf_is_rejected_by_a_context_that_trusts_only_the_ca() {
    try (var server = TestHttpServer.tls(TestCertificates.create().selfSigned("127.0.0.1"))) {
      assertThatThrownBy(() -> get(ca.trustingSslContext(), server.url("/")))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("PKIX path building failed");
    }
  }

  @Test
  void self_signed_leaf_is_trusted_when_pinned() throws Exception {
    TestIdentity self = TestCertificates.create().selfSigned("127.0.0.1");
    try (var server = TestHttpServer.tls(self).text("/", 200, "pinned")) {
      assertThat(get(self.trustingSslContext(), server.url("/")).body()).isEqualTo("pinned");
      assertThat(self.leaf().getIssuerX500Principal())
          .isEqualTo(self.leaf().getSubjectX500Principal());
    }
  }

  @Test
  void leaf_for_another_host_fails_host_name_verification() {
    try (var server = TestHttpServer.tls(ca.leaf("api.example.test"))) {
      assertThatThrownBy(() -> get(ca.trustingSslContext(), server.url("/")))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("127.0.0.1");
    }
  }

  @Test
  void leaf_names_hosts_as_dns_names_and_ip_literals_as_ip_addresses() throws Exception {
    X509Certificate leaf = ca.leaf("localhost", "127.0.0.1", "::1").leaf();

    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    leaf.verify(ca.certificate().getPublicKey());
  }

  @Test
  void default_leaf_is_valid_from_a_day_before_the_injected_now_for_ninety_days() {
    X509Certificate leaf = TestCertificates.at(NOW).ca().leaf("localhost").leaf();

    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
  }

  @Test
  void expired_leaf_has_the_requested_not_after_truncated_to_seconds() {
    Instant notAfter = NOW.minus(Duration.ofHours(3)).plusMillis(456);

    X509Certificate leaf = TestCertificates.at(NOW).ca().expiredLeaf(notAfter, "localhost").leaf();

    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(3)));
    assertThat(leaf.getNotBefore().toInstant()).isBefore(leaf.getNotAfter().toInstant());
  }

  @Test
  void leaf_with_explicit_validity_keeps_both_bounds() {
    Instant from = NOW.plus(Duration.ofDays(10));
    Instant until = NOW.plus(Duration.ofDays(20));

    X509Certificate leaf = ca.leaf(from, until, "localhost").leaf();

    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(from);
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(until);
  }

  @Test
  void written_pem_reads_back_as_the_ca_certificate(@TempDir Path dir) throws Exception {
    Path file = ca.writePem(dir.resolve("ca.pem"));

    String pem = Files.readString(file);
    assertThat(pem)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(TestCertificates.parsePem(pem)).isEqualTo(ca.certificate());
  }

  @Test
  void refuses_certificates_that_cannot_be_what_was_asked() {
    TestCa fixed = TestCertificates.at(NOW).ca();

    assertThatThrownBy(() -> fixed.expiredLeaf(NOW.plusSeconds(1), "localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
    assertThatThrownBy(() -> fixed.leaf(NOW, NOW, "localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after notBefore");
    assertThatThrownBy(() -> fixed.leaf())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one DNS name or IP address");
  }

  private static HttpResponse<String> get(SSLContext trust, URI url) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().sslContext(trust).build()) {
      return client.send(
          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}

package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.ClientIdentity;
import dev.tickr.check.Failure;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.net.Pem;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import dev.tickr.testing.TestSocks5Proxy;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Mutual TLS: a check presents its client certificate to a server that requires one. */
class ClientCertificateTest {
  private static final TestCertificates certs = TestCertificates.create();
  private static final TestCa serverCa = certs.ca();
  private static final TestCa clientCa = certs.ca();
  private static final HttpCheck check = Probe.check();

  private static TestHttpServer server() {
    return TestHttpServer.tlsRequiringClientCertificate(
            serverCa.leaf("127.0.0.1"), clientCa.certificate())
        .text("/x", 200, "hello client");
  }

  private static ClientIdentity identity(TestIdentity issued) throws Exception {
    // As the config reads it: from PEM text.
    return new ClientIdentity(Pem.privateKey(issued.keyPem()), Pem.certificates(issued.chainPem()));
  }

  @Test
  void without_a_client_certificate_the_handshake_fails_clearly() {
    try (TestHttpServer server = server()) {
      Observation o = observe(check, get(server.url("/x"), serverCa.certificate()));

      Failure f = Objects.requireNonNull(o.failure(), "the check did not fail");
      assertThat(f.reason()).isEqualTo(Reason.TLS);
      assertThat(f.message())
          .startsWith(
              "TLS: the server requires a client certificate (mutual TLS) and none is set"
                  + " (client-cert and client-key)");
      assertThat(o.status()).isNull();
    }
  }

  @Test
  void with_its_client_certificate_the_check_gets_the_answer() throws Exception {
    try (TestHttpServer server = server()) {
      ClientIdentity identity = identity(clientCa.leaf("tickr-client"));
      Observation o =
          observe(
              check, get(server.url("/x"), serverCa.certificate()).withClientIdentity(identity));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.body().text()).isEqualTo("hello client");
      assertThat(identity.toString()).doesNotContain("PRIVATE").contains("tickr-client");
    }
  }

  @Test
  void a_client_certificate_the_server_does_not_trust_fails_the_handshake() throws Exception {
    try (TestHttpServer server = server()) {
      ClientIdentity stranger = identity(certs.ca().leaf("stranger"));
      Observation o =
          observe(
              check, get(server.url("/x"), serverCa.certificate()).withClientIdentity(stranger));

      Failure f = Objects.requireNonNull(o.failure(), "the check did not fail");
      assertThat(f.reason()).isEqualTo(Reason.TLS);
      assertThat(f.message()).startsWith("TLS: the server did not accept the client certificate");
    }
  }

  @Test
  void a_client_certificate_works_through_a_socks5_proxy() throws Exception {
    try (TestHttpServer server = server();
        TestSocks5Proxy proxy = TestSocks5Proxy.open()) {
      Observation o =
          observe(
              check,
              get(server.url("/x"), serverCa.certificate())
                  .withClientIdentity(identity(clientCa.leaf("tickr-client")))
                  .withProxy(HttpProxy.parse(proxy.url(null))));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(proxy.passed()).hasSize(1);
    }
  }
}

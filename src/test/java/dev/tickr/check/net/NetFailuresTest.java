package dev.tickr.check.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import dev.tickr.testing.RefusingPort;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestIdentity;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phrases of {@link NetFailures}. Refusals and resets come from real loopback sockets; what a
 * loopback address cannot produce (an unreachable network, no route) is raised as the JDK raises
 * it. How a real handshake's failure reads is checked end to end by the HTTP and TLS checks' tests.
 */
class NetFailuresTest {
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private static final TestCertificates certs = TestCertificates.at(NOW);
  private static final TestCa ca = certs.ca();

  @Test
  void a_refused_connection_from_a_real_socket() throws IOException {
    try (RefusingPort refusing = RefusingPort.open();
        Socket socket = new Socket()) {
      ConnectException refused =
          catchThrowableOfType(
              ConnectException.class,
              () ->
                  socket.connect(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), refusing.port())));

      assertThat(NetFailures.connect(refused))
          .isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
    }
  }

  @Test
  void a_reset_connection_from_a_real_socket() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      try (Socket accepted = server.accept()) {
        accepted.setSoLinger(true, 0);
      }
      SocketException reset =
          catchThrowableOfType(SocketException.class, () -> client.getInputStream().read());

      assertThat(NetFailures.connect(reset))
          .isEqualTo(new Failure(Reason.CONNECT, "connection reset by peer"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Connection refused                 | connection refused",
        "Network is unreachable             | network is unreachable",
        "Network unreachable (connect failed) | network is unreachable",
        "No route to host                   | no route to host",
        "Connection reset                   | connection reset by peer",
        "Protocol not available             | cannot connect: Protocol not available",
      })
  void connect_failures_as_the_jdk_words_them(String message, String phrase) {
    assertThat(NetFailures.connect(new ConnectException(message)))
        .isEqualTo(new Failure(Reason.CONNECT, phrase));
  }

  @Test
  void no_route_to_host_is_known_by_its_type_whatever_the_message() {
    assertThat(NetFailures.connect(new NoRouteToHostException("Host is down")))
        .isEqualTo(new Failure(Reason.CONNECT, "no route to host"));
  }

  @Test
  void a_cause_deeper_in_the_chain_is_read_too() {
    IOException wrapped =
        new IOException("connect failed", new ConnectException("Connection refused"));

    assertThat(NetFailures.connect(wrapped))
        .isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "api.tickr.test: Name or service not known         | DNS: no such host api.tickr.test",
        "api.tickr.test: No address associated with hostname | DNS: no such host api.tickr.test",
        "api.tickr.test                                    | DNS: no such host api.tickr.test",
        "api.tickr.test: Temporary failure in name resolution"
            + " | DNS: lookup of api.tickr.test failed (temporary failure in name resolution)",
      })
  void dns_failures_as_the_system_resolver_words_them(String message, String phrase) {
    assertThat(NetFailures.dns(new UnknownHostException(message), "api.tickr.test"))
        .isEqualTo(new Failure(Reason.DNS, phrase));
  }

  @ParameterizedTest
  @CsvSource({"10000, 10s", "1500, 1.5s", "250, 250ms", "90000, 1m30s"})
  void a_timeout_names_the_budget_and_the_phase(long budgetMillis, String written) {
    Deadline deadline = Deadline.after(Duration.ofMillis(budgetMillis), Ticker.system());

    assertThat(NetFailures.timeout(deadline, "connecting"))
        .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after " + written + " while connecting"));
  }

  @Test
  void an_expired_certificate_says_when_it_expired() {
    TestIdentity expired = ca.expiredLeaf(Instant.parse("2026-01-02T12:00:00Z"), "api.tickr.test");

    assertThat(tls(expired.chain(), false))
        .isEqualTo(tls("TLS: certificate expired on 2026-01-02"));
  }

  @Test
  void a_certificate_not_yet_valid_says_from_when() {
    TestIdentity early =
        ca.leaf(
            Instant.parse("2026-07-01T00:00:00Z"),
            Instant.parse("2026-10-01T00:00:00Z"),
            "api.tickr.test");

    assertThat(tls(early.chain(), false))
        .isEqualTo(tls("TLS: certificate is not valid before 2026-07-01"));
  }

  @Test
  void a_certificate_for_other_names_lists_every_name_it_is_valid_for() {
    TestIdentity other = ca.leaf("www.tickr.test", "tickr.test", "127.0.0.1");

    assertThat(tls(other.chain(), true))
        .isEqualTo(
            tls(
                "TLS: certificate does not match host api.tickr.test"
                    + " (valid for www.tickr.test, tickr.test, 127.0.0.1)"));
  }

  @Test
  void a_host_mismatch_is_named_even_on_an_expired_certificate() {
    TestIdentity both = ca.expiredLeaf(Instant.parse("2026-01-02T12:00:00Z"), "www.tickr.test");

    assertThat(tls(both.chain(), true))
        .isEqualTo(
            tls("TLS: certificate does not match host api.tickr.test (valid for www.tickr.test)"));
  }

  @Test
  void a_self_signed_certificate_is_named_by_its_subject() {
    TestIdentity self = certs.selfSigned("api.tickr.test");

    assertThat(tls(self.chain(), false))
        .isEqualTo(tls("TLS: self-signed certificate is not trusted (CN=api.tickr.test)"));
  }

  @Test
  void a_certificate_from_an_unknown_ca_names_the_issuer() {
    TestIdentity leaf = ca.leaf("api.tickr.test");

    assertThat(tls(leaf.chain(), false))
        .isEqualTo(
            tls(
                "TLS: certificate is not trusted (issued by "
                    + ca.certificate().getSubjectX500Principal().getName()
                    + ")"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Unsupported or unrecognized SSL message"
            + " | TLS: the server did not answer with TLS (plain HTTP on this port?)",
        "Remote host terminated the handshake | TLS: handshake failed: Remote host terminated the"
            + " handshake",
        "Received fatal alert: handshake_failure"
            + " | TLS: handshake failed: Received fatal alert: handshake_failure",
      })
  void a_handshake_that_fails_before_any_certificate_says_how(String message, String phrase) {
    assertThat(
            NetFailures.tls(
                new SSLHandshakeException(message), "api.tickr.test", List.of(), false, NOW))
        .isEqualTo(tls(phrase));
  }

  @Test
  void an_error_after_the_handshake_is_not_blamed_on_the_certificate() {
    SSLException closed = new SSLException("Connection closed by peer\nat record 3");

    assertThat(
            NetFailures.tls(
                closed, "api.tickr.test", ca.leaf("api.tickr.test").chain(), false, NOW))
        .isEqualTo(tls("TLS: handshake failed: Connection closed by peer"));
  }

  @Test
  void the_first_line_of_a_message_or_the_exception_type() {
    assertThat(NetFailures.firstLine(new IOException("first\nsecond"))).isEqualTo("first");
    assertThat(NetFailures.firstLine(new IOException("only"))).isEqualTo("only");
    assertThat(NetFailures.firstLine(new SocketException())).isEqualTo("SocketException");
    assertThat(NetFailures.firstLine(new IOException("  "))).isEqualTo("IOException");
  }

  private static Failure tls(List<X509Certificate> chain, boolean hostMismatch) {
    return NetFailures.tls(
        new SSLHandshakeException("PKIX path validation failed"),
        "api.tickr.test",
        chain,
        hostMismatch,
        NOW);
  }

  private static Failure tls(String message) {
    return new Failure(Reason.TLS, message);
  }
}

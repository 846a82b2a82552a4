package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tickr.check.Failure;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.RefusingPort;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.SlowServer.Answer;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Rcode;

/**
 * Every way an HTTP exchange fails short of a timeout, each produced by a real loopback server: the
 * reason class and the phrase a person reads.
 */
class HttpCheckFailuresTest {
  private static final TestCertificates certs = TestCertificates.create();
  private static final TestCa ca = certs.ca();
  private static final TestCa unknownCa = certs.ca();
  private static final Instant EXPIRED_AT = certs.now().minus(3, ChronoUnit.DAYS);
  private static final Instant VALID_FROM = certs.now().plus(10, ChronoUnit.DAYS);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private static final HttpCheck check = Probe.check();
  private static final TestDnsServer dns = TestDnsServer.start().a("api.tickr.test", "127.0.0.1");
  private static final HttpCheck named = Probe.asking(dns);

  @AfterAll
  static void stopDns() {
    dns.close();
  }

  /** Answers one connection with an HTTP 400 at once, as a plain server does to a TLS hello. */
  private static void answerInPlainHttp(ServerSocket server) {
    try (Socket client = server.accept()) {
      client
          .getOutputStream()
          .write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      client.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException closed) {
      // The client gave up, or the test is over: all that was needed was sent.
    }
  }

  private static Failure connect(String message) {
    return new Failure(Reason.CONNECT, message);
  }

  @Test
  void a_port_nobody_listens_on_refuses_the_connection() {
    try (RefusingPort refusing = RefusingPort.open()) {
      Observation o = observe(check, get(refusing.url("http", "/")));

      assertThat(o.failure()).isEqualTo(connect("connection refused"));
      assertThat(o.connected()).isFalse();
      assertThat(o.status()).isNull();
      assertThat(o.timings().connect()).isNotNull();
      assertThat(o.timings().ttfb()).isNull();
    }
  }

  @Test
  void a_reset_while_waiting_is_a_connect_failure_saying_when() {
    try (MisbehavingServer server = MisbehavingServer.resetsConnection()) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure())
          .isEqualTo(connect("connection reset by peer while waiting for the response"));
      assertThat(o.connected()).isTrue();
      assertThat(server.acceptedConnections()).as("no silent retry").isEqualTo(1);
    }
  }

  @Test
  void a_connection_closed_without_a_byte_of_answer() {
    try (MisbehavingServer server = MisbehavingServer.closesWithoutAnswer()) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).isEqualTo(connect("server closed the connection without answering"));
      assertThat(server.acceptedConnections()).as("no silent retry").isEqualTo(1);
    }
  }

  @Test
  void a_connection_closed_partway_through_the_body() {
    try (SlowServer server =
        SlowServer.plain().route("/", Answer.ok("x".repeat(1000)).cutAfter(10))) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).isEqualTo(connect("connection closed before the body was complete"));
      assertThat(o.status()).isEqualTo(200);
    }
  }

  @Test
  void an_answer_that_is_not_http_is_malformed() {
    try (MisbehavingServer server = MisbehavingServer.malformedResponse()) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure())
          .isEqualTo(
              new Failure(
                  Reason.HTTP_STATUS,
                  "malformed HTTP response: Unexpected status line: THIS IS NOT HTTP"));
    }
  }

  @Test
  void a_name_the_nameserver_does_not_know_is_a_dns_failure() {
    Observation o = observe(named, get(URI.create("http://nowhere.tickr.test/")));

    assertThat(o.failure())
        .isEqualTo(new Failure(Reason.DNS, "DNS: no such host nowhere.tickr.test"));
    assertThat(o.connected()).isFalse();
    assertThat(o.timings().dns()).as("the lookup happened, and failed").isNotNull();
    assertThat(o.timings().connect()).isNull();
  }

  @Test
  void a_failing_nameserver_is_a_temporary_dns_failure() {
    try (TestDnsServer failing = TestDnsServer.answering(Rcode.SERVFAIL)) {
      Observation o = observe(Probe.asking(failing), get(URI.create("http://api.tickr.test/")));

      assertThat(o.failure())
          .isEqualTo(
              new Failure(
                  Reason.DNS,
                  "DNS: lookup of api.tickr.test failed (temporary failure in name resolution)"));
    }
  }

  /** Certificates a client must refuse, and what it says about each. */
  static Stream<Arguments> refusedCertificates() {
    return Stream.of(
        arguments(
            "expired",
            ca.expiredLeaf(EXPIRED_AT, "api.tickr.test"),
            "TLS: certificate expired on " + DAY.format(EXPIRED_AT)),
        arguments(
            "not valid yet",
            ca.leaf(VALID_FROM, VALID_FROM.plus(90, ChronoUnit.DAYS), "api.tickr.test"),
            "TLS: certificate is not valid before " + DAY.format(VALID_FROM)),
        arguments(
            "for other hosts",
            ca.leaf("www.tickr.test", "127.0.0.1"),
            "TLS: certificate does not match host api.tickr.test"
                + " (valid for www.tickr.test, 127.0.0.1)"),
        arguments(
            "self-signed",
            certs.selfSigned("api.tickr.test"),
            "TLS: self-signed certificate is not trusted (CN=api.tickr.test)"),
        arguments(
            "from an unknown CA",
            unknownCa.leaf("api.tickr.test"),
            "TLS: certificate is not trusted (issued by "
                + unknownCa.certificate().getSubjectX500Principal().getName()
                + ")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCertificates")
  void a_refused_certificate_is_a_tls_failure_that_says_why(
      String what, TestIdentity identity, String message) {
    try (TestHttpServer server = TestHttpServer.tls(identity)) {
      URI url = URI.create("https://api.tickr.test:" + server.port() + "/");
      Observation o = observe(named, get(url, ca.certificate()));

      assertThat(o.failure()).isEqualTo(new Failure(Reason.TLS, message));
      assertThat(o.connected()).isTrue();
      assertThat(o.tls()).as("the refused chain is still reported").isNotNull();
      assertThat(requireNonNull(o.tls()).leaf()).isEqualTo(identity.leaf());
      assertThat(o.timings().tls()).as("the handshake happened, and failed").isNotNull();
      assertThat(server.requests()).as("nothing sent over an untrusted connection").isEmpty();
    }
  }

  @Test
  void a_plain_http_server_on_an_https_url_did_not_answer_with_tls() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering = Thread.ofVirtual().start(() -> answerInPlainHttp(server));
      Observation o =
          observe(check, get(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/")));
      answering.join(Probe.SLACK);

      assertThat(o.failure())
          .isEqualTo(
              new Failure(
                  Reason.TLS,
                  "TLS: the server did not answer with TLS (plain HTTP on this port?)"));
      assertThat(o.tls()).isNull();
    }
  }

  @Test
  void a_redirect_loop_is_refused_naming_the_chain() {
    try (TestHttpServer server =
        TestHttpServer.plain().redirect("/a", 302, "/b").redirect("/b", 302, "/a")) {
      Observation o = observe(check, get(server.url("/a")));

      assertThat(o.failure())
          .isEqualTo(
              new Failure(
                  Reason.HTTP_STATUS,
                  "redirect loop: "
                      + server.url("/a")
                      + " → "
                      + server.url("/b")
                      + " → "
                      + server.url("/a")));
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void more_redirects_than_allowed_are_refused() {
    try (TestHttpServer server = TestHttpServer.plain()) {
      for (int i = 0; i <= HttpTarget.MAX_REDIRECTS + 1; i++) {
        server.redirect("/" + i, 302, "/" + (i + 1));
      }
      Observation o = observe(check, get(server.url("/0")));

      assertThat(o.failure())
          .isEqualTo(new Failure(Reason.HTTP_STATUS, "too many redirects (more than 10)"));
      assertThat(o.redirects()).hasSize(HttpTarget.MAX_REDIRECTS + 1);
    }
  }

  @Test
  void a_redirect_to_a_location_http_cannot_reach_is_refused() {
    try (TestHttpServer server =
        TestHttpServer.plain().redirect("/", 302, "ftp://files.tickr.test/x")) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure())
          .isEqualTo(
              new Failure(
                  Reason.HTTP_STATUS,
                  "redirect to an unsupported location: ftp://files.tickr.test/x"));
      assertThat(o.status()).isEqualTo(302);
    }
  }
}

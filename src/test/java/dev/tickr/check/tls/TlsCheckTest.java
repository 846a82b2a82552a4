package dev.tickr.check.tls;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.check.TlsTarget;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TlsCheck} against loopback TLS servers presenting certificates made for this run. */
class TlsCheckTest {
  private static final Duration BUDGET = Duration.ofSeconds(5);
  private static final Instant EXPIRED_AT = Instant.parse("2026-01-02T12:00:00Z");

  private static final TestCertificates certs = TestCertificates.create();
  private static final TestCa ca = certs.ca();

  private final Clock clock = Clock.systemUTC();
  private final Ticker ticker = Ticker.system();
  private final TlsCheck check = new TlsCheck(clock, ticker);

  private Observation observe(TlsTarget target) {
    return check.observe(target, Deadline.after(BUDGET, ticker));
  }

  private static TlsTarget trustingCa(String host, TestHttpServer server) {
    return new TlsTarget(host, server.port(), false, List.of(ca.certificate()));
  }

  @Test
  void a_valid_certificate_reports_chain_protocol_cipher_and_timings() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("localhost", "127.0.0.1"))) {
      Observation o = observe(trustingCa("localhost", server));

      assertThat(o.failure()).isNull();
      assertThat(o.connected()).isTrue();
      assertThat(o.url()).isEqualTo(URI.create("tls://localhost:" + server.port()));
      assertThat(o.tls()).isNotNull();
      assertThat(tls(o).leaf().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
      assertThat(tls(o).protocol()).startsWith("TLSv1.");
      assertThat(tls(o).cipherSuite()).startsWith("TLS_");
      assertThat(tls(o).untilExpiry(clock.instant())).isGreaterThan(Duration.ofDays(88));
      assertThat(o.timings().dns()).isNotNull();
      assertThat(o.timings().connect()).isNotNull();
      assertThat(o.timings().tls()).isNotNull().isPositive();
      assertThat(o.timings().total())
          .isGreaterThanOrEqualTo(requireNonNull(o.timings().connect()).plus(o.timings().tls()));
      assertThat(o.ip()).isNotNull();
      assertThat(o.status()).isNull();
    }
  }

  @Test
  void an_expired_certificate_fails_and_still_reports_when_it_expired() {
    try (TestHttpServer server =
        TestHttpServer.tls(ca.expiredLeaf(EXPIRED_AT, "localhost", "127.0.0.1"))) {
      Observation o = observe(trustingCa("127.0.0.1", server));

      assertThat(o.failure()).isEqualTo(tls("TLS: certificate expired on 2026-01-02"));
      assertThat(o.connected()).isTrue();
      assertThat(o.tls()).isNotNull();
      assertThat(tls(o).expiresAt()).isEqualTo(EXPIRED_AT);
      assertThat(tls(o).protocol()).as("no handshake completed").isNull();
      assertThat(o.timings().tls()).isNotNull();
    }
  }

  @Test
  void a_certificate_for_another_host_fails_naming_the_hosts_it_is_valid_for() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("localhost"))) {
      Observation o = observe(trustingCa("127.0.0.1", server));

      assertThat(o.failure())
          .isEqualTo(tls("TLS: certificate does not match host 127.0.0.1 (valid for localhost)"));
      assertThat(o.tls()).isNotNull();
    }
  }

  @Test
  void a_self_signed_certificate_is_not_trusted() {
    try (TestHttpServer server = TestHttpServer.tls(certs.selfSigned("localhost", "127.0.0.1"))) {
      Observation o = observe(TlsTarget.of("127.0.0.1", server.port()));

      assertThat(o.failure())
          .isEqualTo(tls("TLS: self-signed certificate is not trusted (CN=localhost)"));
      assertThat(o.tls()).isNotNull();
    }
  }

  @Test
  void a_certificate_from_an_unknown_ca_is_not_trusted() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("localhost", "127.0.0.1"))) {
      Observation o = observe(TlsTarget.of("127.0.0.1", server.port()));

      assertThat(o.failure())
          .isEqualTo(
              tls(
                  "TLS: certificate is not trusted (issued by "
                      + ca.certificate().getSubjectX500Principal().getName()
                      + ")"));
    }
  }

  @Test
  void insecure_accepts_an_expired_certificate_for_another_host_and_still_reports_expiry() {
    try (TestHttpServer server = TestHttpServer.tls(ca.expiredLeaf(EXPIRED_AT, "example.test"))) {
      Observation o = observe(new TlsTarget("127.0.0.1", server.port(), true, List.of()));

      assertThat(o.failure()).isNull();
      assertThat(o.tls()).isNotNull();
      assertThat(tls(o).expiresAt()).isEqualTo(EXPIRED_AT);
      assertThat(tls(o).untilExpiry(clock.instant())).isNegative();
      assertThat(tls(o).protocol()).isNotNull();
    }
  }

  @Test
  void a_closed_port_is_a_refused_connection() {
    Observation o = observe(TlsTarget.of("127.0.0.1", Ports.closed()));

    assertThat(o.connected()).isFalse();
    assertThat(o.failure()).isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
    assertThat(o.tls()).isNull();
    assertThat(o.timings().tls()).isNull();
  }

  @Test
  void a_server_answering_in_plain_http_is_not_tls() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket client = server.accept()) {
                      client
                          .getOutputStream()
                          .write(
                              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                  .getBytes(StandardCharsets.US_ASCII));
                      client.getInputStream().read();
                    } catch (IOException ignored) {
                      // The client gave up: all that was needed was sent.
                    }
                  });
      Observation o = observe(TlsTarget.of("127.0.0.1", server.getLocalPort()));
      answering.join(BUDGET);

      assertThat(o.failure())
          .isEqualTo(tls("TLS: the server did not answer with TLS (plain HTTP on this port?)"));
    }
  }

  @Test
  void a_server_that_never_answers_the_handshake_times_out_at_the_deadline() {
    try (MisbehavingServer server = MisbehavingServer.acceptsAndNeverAnswers()) {
      Duration budget = Duration.ofMillis(700);
      long start = System.nanoTime();
      Observation o =
          check.observe(TlsTarget.of("127.0.0.1", server.port()), Deadline.after(budget, ticker));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.connected()).isTrue();
      assertThat(o.failure())
          .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 700ms while in the TLS handshake"));
      assertThat(took).isBetween(budget.minusMillis(50), budget.plusSeconds(2));
    }
  }

  @Test
  void conditions_judge_certificate_expiration() throws Exception {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("localhost", "127.0.0.1"))) {
      Observation o = observe(trustingCa("127.0.0.1", server));

      CheckResult result =
          judge(o, "[CERTIFICATE_EXPIRATION] > 48h", "[CERTIFICATE_EXPIRATION] > 720h");

      assertThat(result.success()).as(result.toString()).isTrue();
      assertThat(judge(o, "[CERTIFICATE_EXPIRATION] > 100d").success()).isFalse();
    }
  }

  @Test
  void conditions_read_the_expiry_of_a_certificate_that_failed_validation() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.tls(ca.expiredLeaf(EXPIRED_AT, "localhost", "127.0.0.1"))) {
      Observation o = observe(trustingCa("127.0.0.1", server));

      CheckResult result = judge(o, "[CERTIFICATE_EXPIRATION] > 48h");

      assertThat(result.success()).isFalse();
      assertThat(result.reason()).isEqualTo(Reason.TLS);
      assertThat(result.conditions().get(0).actual()).startsWith("-");
    }
  }

  /** Servers whose certificates fail validation, each for its own reason. */
  static Stream<TestIdentity> failingIdentities() {
    return Stream.of(
        ca.expiredLeaf(EXPIRED_AT, "localhost", "127.0.0.1"),
        ca.leaf("example.test"),
        certs.selfSigned("localhost", "127.0.0.1"),
        certs.ca().leaf("localhost", "127.0.0.1"));
  }

  @ParameterizedTest
  @MethodSource("failingIdentities")
  void says_what_is_wrong_with_a_certificate_exactly_as_the_http_check_does(TestIdentity identity) {
    HttpCheck http = new HttpCheck(clock, ticker, "Tickr/test");
    http.ready(); // the TLS set-up, seconds on a busy box, is not the handshake's deadline's to pay
    List<X509Certificate> trusted = List.of(ca.certificate());
    try (TestHttpServer server = TestHttpServer.tls(identity)) {
      Observation viaTls = observe(new TlsTarget("127.0.0.1", server.port(), false, trusted));
      HttpTarget https =
          new HttpTarget(server.url("/"), "GET", List.of(), null, false, 1024, false, trusted);
      Observation viaHttp = http.observe(https, Deadline.after(BUDGET, ticker));

      assertThat(viaTls.failure()).isNotNull().isEqualTo(viaHttp.failure());
      assertThat(viaTls.tls()).isNotNull();
      assertThat(viaHttp.tls()).isNotNull();
      assertThat(tls(viaTls).leaf()).isEqualTo(tls(viaHttp).leaf());
    }
  }

  private static TlsInfo tls(Observation o) {
    TlsInfo tls = o.tls();
    assertThat(tls).as("TLS info of %s", o.url()).isNotNull();
    return requireNonNull(tls);
  }

  private static Failure tls(String message) {
    return new Failure(Reason.TLS, message);
  }

  private CheckResult judge(Observation o, String... conditions) throws ConditionSyntaxException {
    List<Condition> parsed = new ArrayList<>();
    for (String condition : conditions) {
      parsed.add(ConditionParser.parse(condition));
    }
    return new Judge(clock).judge(o, parsed);
  }
}

package dev.tickr.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FailureDescriber}: the exceptions OkHttp raises, as OkHttp raises them (wrapped the way it
 * wraps them), and the reason and phrase each becomes. The same failures from real servers are in
 * {@link HttpCheckFailuresTest} and {@link HttpCheckDeadlineTest}.
 */
class FailureDescriberTest {
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private static final TestCa ca = TestCertificates.at(NOW).ca();
  private static final List<X509Certificate> OTHER_HOST = ca.leaf("www.tickr.test").chain();
  private static final Duration BUDGET = Duration.ofSeconds(10);

  static Stream<Arguments> failures() {
    return Stream.of(
        row(
            "the deadline passed, whatever the exception",
            new SocketException("Socket closed"),
            Phase.BODY,
            true,
            List.of(),
            Reason.TIMEOUT,
            "timeout after 10s while reading the body"),
        row(
            "a lookup cut short by the deadline, whatever the phase",
            new DeadlineDns.DnsTimeoutException("api.tickr.test"),
            Phase.CONNECT,
            false,
            List.of(),
            Reason.TIMEOUT,
            "timeout after 10s while resolving DNS"),
        row(
            "OkHttp's call timeout",
            new InterruptedIOException("timeout"),
            Phase.WAITING,
            false,
            List.of(),
            Reason.TIMEOUT,
            "timeout after 10s while waiting for the response"),
        row(
            "a read timeout",
            new SocketTimeoutException("Read timed out"),
            Phase.BODY,
            false,
            List.of(),
            Reason.TIMEOUT,
            "timeout after 10s while reading the body"),
        row(
            "an unknown host",
            new UnknownHostException("api.tickr.test: Name or service not known"),
            Phase.DNS,
            false,
            List.of(),
            Reason.DNS,
            "DNS: no such host api.tickr.test"),
        row(
            "OkHttp's own host-name check after a trusted handshake",
            new SSLPeerUnverifiedException("Hostname api.tickr.test not verified"),
            Phase.TLS,
            false,
            OTHER_HOST,
            Reason.TLS,
            "TLS: certificate does not match host api.tickr.test (valid for www.tickr.test)"),
        row(
            "a peer that presented nothing",
            new SSLPeerUnverifiedException("peer not authenticated"),
            Phase.TLS,
            false,
            List.of(),
            Reason.TLS,
            "TLS: handshake failed: peer not authenticated"),
        row(
            "a refusal, wrapped by OkHttp",
            wrapped(
                new ConnectException("Failed to connect to /127.0.0.1:8080"),
                new ConnectException("Connection refused")),
            Phase.CONNECT,
            false,
            List.of(),
            Reason.CONNECT,
            "connection refused"),
        row(
            "a status line that is not HTTP",
            new ProtocolException("Unexpected status line: THIS IS NOT HTTP"),
            Phase.WAITING,
            false,
            List.of(),
            Reason.HTTP_STATUS,
            "malformed HTTP response: Unexpected status line: THIS IS NOT HTTP"),
        row(
            "a reset, wrapped",
            wrapped(new IOException("stream failed"), new SocketException("Connection reset")),
            Phase.WAITING,
            false,
            List.of(),
            Reason.CONNECT,
            "connection reset by peer while waiting for the response"),
        row(
            "an end of stream before the answer",
            wrapped(
                new IOException("unexpected end of stream on http://127.0.0.1:8080/..."),
                new EOFException("\\n not found: limit=0 content=…")),
            Phase.WAITING,
            false,
            List.of(),
            Reason.CONNECT,
            "server closed the connection without answering"),
        row(
            "an end of stream inside a body of announced length",
            new ProtocolException("unexpected end of stream"),
            Phase.BODY,
            false,
            List.of(),
            Reason.CONNECT,
            "connection closed before the body was complete"),
        row(
            "an end of stream inside a chunked body",
            new EOFException(),
            Phase.BODY,
            false,
            List.of(),
            Reason.CONNECT,
            "connection closed before the body was complete"),
        row(
            "any other socket error",
            new SocketException("Broken pipe"),
            Phase.SENDING,
            false,
            List.of(),
            Reason.CONNECT,
            "connection failed while sending the request: Broken pipe"),
        row(
            "anything else",
            new IOException("canceled"),
            Phase.WAITING,
            false,
            List.of(),
            Reason.CONNECT,
            "request failed while waiting for the response: canceled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void says_what_went_wrong_in_words_and_as_a_reason(
      String what,
      IOException e,
      Phase phase,
      boolean deadlinePassed,
      List<X509Certificate> presented,
      Reason reason,
      String message) {
    assertThat(
            FailureDescriber.describe(
                e, "api.tickr.test", phase, deadlinePassed, BUDGET, presented, NOW))
        .isEqualTo(new Failure(reason, message));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phases")
  void a_timeout_names_its_phase(Phase phase, String message) {
    assertThat(FailureDescriber.timeout(Duration.ofMillis(1500), phase))
        .isEqualTo(new Failure(Reason.TIMEOUT, message));
  }

  static Stream<Arguments> phases() {
    return Stream.of(
        Arguments.of(Phase.START, "timeout after 1.5s while starting the request"),
        Arguments.of(Phase.DNS, "timeout after 1.5s while resolving DNS"),
        Arguments.of(Phase.CONNECT, "timeout after 1.5s while connecting"),
        Arguments.of(Phase.TLS, "timeout after 1.5s while in the TLS handshake"),
        Arguments.of(Phase.SENDING, "timeout after 1.5s while sending the request"),
        Arguments.of(Phase.WAITING, "timeout after 1.5s while waiting for the response"),
        Arguments.of(Phase.HEADERS, "timeout after 1.5s while reading the response headers"),
        Arguments.of(Phase.BODY, "timeout after 1.5s while reading the body"));
  }

  private static Arguments row(
      String what,
      IOException e,
      Phase phase,
      boolean deadlinePassed,
      List<X509Certificate> presented,
      Reason reason,
      String message) {
    return Arguments.of(what, e, phase, deadlinePassed, presented, reason, message);
  }

  private static IOException wrapped(IOException outer, IOException cause) {
    outer.initCause(cause);
    return outer;
  }
}

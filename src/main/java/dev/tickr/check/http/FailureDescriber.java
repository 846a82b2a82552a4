package dev.tickr.check.http;

import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import dev.tickr.check.net.NetFailures;
import dev.tickr.time.Durations;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns what went wrong in an HTTP exchange into a stable reason class and one phrase a person
 * understands at 3 a.m.: {@code connection refused}, {@code TLS: certificate expired on
 * 2026-01-02}, {@code timeout after 10s while reading the body}.
 */
final class FailureDescriber {
  private FailureDescriber() {}

  static Failure timeout(Duration budget, Phase phase) {
    return new Failure(
        Reason.TIMEOUT, "timeout after " + Durations.format(budget) + " while " + phase.phrase());
  }

  /**
   * @param deadlinePassed whether the check's deadline had passed when the exception arrived: a
   *     call cancelled by the deadline surfaces as many kinds of exception
   */
  static Failure describe(
      IOException e,
      String host,
      Phase phase,
      boolean deadlinePassed,
      Duration budget,
      List<X509Certificate> presented,
      Instant now) {
    if (deadlinePassed
        || e instanceof DeadlineDns.DnsTimeoutException
        || e instanceof InterruptedIOException) {
      return timeout(budget, e instanceof DeadlineDns.DnsTimeoutException ? Phase.DNS : phase);
    }
    if (e instanceof UnknownHostException unknown) {
      return NetFailures.dns(unknown, host);
    }
    if (e instanceof SSLException ssl) {
      // OkHttp checks the host name itself, after the handshake, with this exception.
      boolean wrongHost = e instanceof SSLPeerUnverifiedException && !presented.isEmpty();
      return NetFailures.tls(
          wrongHost ? new SSLHandshakeException(ssl.getMessage()) : ssl,
          host,
          presented,
          wrongHost,
          now);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return NetFailures.connect(e);
    }
    String text = messages(e);
    // Before malformed answers: OkHttp reports a body cut short as a ProtocolException too.
    if (text.contains("unexpected end of stream") || e instanceof EOFException) {
      return new Failure(
          Reason.CONNECT,
          phase == Phase.BODY
              ? "connection closed before the body was complete"
              : "server closed the connection without answering");
    }
    if (e instanceof ProtocolException) {
      return new Failure(
          Reason.HTTP_STATUS, "malformed HTTP response: " + NetFailures.firstLine(e));
    }
    if (text.contains("reset")) {
      return new Failure(Reason.CONNECT, "connection reset by peer while " + phase.phrase());
    }
    String verb =
        e instanceof SocketException ? "connection failed while " : "request failed while ";
    return new Failure(Reason.CONNECT, verb + phase.phrase() + ": " + NetFailures.firstLine(e));
  }

  /** Every message along the cause chain: OkHttp wraps the socket's own exception. */
  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
      text.append(t.getMessage()).append(' ');
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }
}

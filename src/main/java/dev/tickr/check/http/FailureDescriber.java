package dev.tickr.check.http;

import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what went wrong in an HTTP exchange into a stable reason class and one phrase a person
 * understands at 3 a.m.: {@code connection refused}, {@code TLS: certificate expired on
 * 2026-01-02}, {@code timeout after 10s while reading the body}.
 */
final class FailureDescriber {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

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
    if (e instanceof UnknownHostException) {
      return new Failure(Reason.DNS, dnsMessage(e, host));
    }
    if (e instanceof SSLPeerUnverifiedException && !presented.isEmpty()) {
      return new Failure(Reason.TLS, wrongHost(host, presented.get(0)));
    }
    if (e instanceof SSLException ssl) {
      return new Failure(Reason.TLS, tlsMessage(ssl, presented, now));
    }
    if (e instanceof ConnectException) {
      return new Failure(Reason.CONNECT, connectMessage(e));
    }
    if (e instanceof NoRouteToHostException) {
      return new Failure(Reason.CONNECT, "no route to host");
    }
    if (e instanceof ProtocolException) {
      return new Failure(Reason.HTTP_STATUS, "malformed HTTP response: " + firstLine(e));
    }
    String text = messages(e);
    if (text.contains("reset")) {
      return new Failure(Reason.CONNECT, "connection reset by peer " + phase.phrase());
    }
    if (text.contains("unexpected end of stream") || e instanceof EOFException) {
      return new Failure(
          Reason.CONNECT,
          phase == Phase.BODY
              ? "connection closed before the body was complete"
              : "server closed the connection without answering");
    }
    if (e instanceof SocketException) {
      return new Failure(
          Reason.CONNECT, "connection failed " + phase.phrase() + ": " + firstLine(e));
    }
    return new Failure(Reason.CONNECT, "request failed " + phase.phrase() + ": " + firstLine(e));
  }

  private static String dnsMessage(IOException e, String host) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("temporary failure")) {
      return "DNS: lookup of " + host + " failed (temporary failure in name resolution)";
    }
    return "DNS: no such host " + host;
  }

  private static String connectMessage(IOException e) {
    String text = messages(e);
    if (text.contains("refused")) {
      return "connection refused";
    }
    if (text.contains("unreachable")) {
      return "network is unreachable";
    }
    if (text.contains("no route")) {
      return "no route to host";
    }
    return "cannot connect: " + firstLine(e);
  }

  private static String tlsMessage(SSLException e, List<X509Certificate> chain, Instant now) {
    if (!chain.isEmpty() && e instanceof SSLHandshakeException) {
      X509Certificate leaf = chain.get(0);
      if (leaf.getNotAfter().toInstant().isBefore(now)) {
        return "TLS: certificate expired on " + DAY.format(leaf.getNotAfter().toInstant());
      }
      if (leaf.getNotBefore().toInstant().isAfter(now)) {
        return "TLS: certificate is not valid before "
            + DAY.format(leaf.getNotBefore().toInstant());
      }
      X509Certificate last = chain.get(chain.size() - 1);
      boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
      if (chain.size() == 1 && selfSigned) {
        return "TLS: self-signed certificate is not trusted (" + subject(leaf) + ")";
      }
      return "TLS: certificate is not trusted (issued by " + issuer(last) + ")";
    }
    String text = String.valueOf(e.getMessage());
    if (text.contains("Unsupported or unrecognized SSL message")
        || text.contains("plaintext connection")) {
      return "TLS: the server did not answer with TLS (plain HTTP on this port?)";
    }
    return "TLS: handshake failed: " + firstLine(e);
  }

  private static String wrongHost(String host, X509Certificate leaf) {
    StringBuilder names = new StringBuilder();
    try {
      var sans = leaf.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() > 1) {
            names.append(names.isEmpty() ? "" : ", ").append(san.get(1));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException ignored) {
      // fall back to the subject below
    }
    String valid = names.isEmpty() ? subject(leaf) : names.toString();
    return "TLS: certificate does not match host " + host + " (valid for " + valid + ")";
  }

  private static String subject(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName();
  }

  private static String issuer(X509Certificate cert) {
    return cert.getIssuerX500Principal().getName();
  }

  /** Every message along the cause chain: OkHttp wraps the socket's own exception. */
  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
      text.append(t.getMessage()).append(' ');
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(Throwable e) {
    @Nullable String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

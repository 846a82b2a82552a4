package dev.tickr.check.net;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import dev.tickr.time.Durations;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * The phrases for what goes wrong below HTTP, shared by the socket-level checks and worded as the
 * HTTP check words them: {@code connection refused}, {@code DNS: no such host api.example.com},
 * {@code TLS: certificate expired on 2026-01-02}, {@code timeout after 10s while connecting}.
 */
public final class NetFailures {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private NetFailures() {}

  /** {@code timeout after 10s while connecting}; {@code phase} reads after "while". */
  public static Failure timeout(Deadline deadline, String phase) {
    return new Failure(
        Reason.TIMEOUT, "timeout after " + Durations.format(deadline.budget()) + " while " + phase);
  }

  /** {@code DNS: no such host NAME}, or a temporary failure of the resolver. */
  public static Failure dns(UnknownHostException e, String host) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("temporary failure")) {
      return new Failure(
          Reason.DNS, "DNS: lookup of " + host + " failed (temporary failure in name resolution)");
    }
    return new Failure(Reason.DNS, "DNS: no such host " + host);
  }

  /** {@code connection refused}, {@code network is unreachable}, {@code no route to host}. */
  public static Failure connect(IOException e) {
    String text = messages(e);
    if (text.contains("refused")) {
      return new Failure(Reason.CONNECT, "connection refused");
    }
    if (text.contains("unreachable")) {
      return new Failure(Reason.CONNECT, "network is unreachable");
    }
    if (e instanceof NoRouteToHostException || text.contains("no route")) {
      return new Failure(Reason.CONNECT, "no route to host");
    }
    if (text.contains("reset")) {
      return new Failure(Reason.CONNECT, "connection reset by peer");
    }
    return new Failure(Reason.CONNECT, "cannot connect: " + firstLine(e));
  }

  /**
   * Why a TLS handshake failed, judged from the chain the server presented (leaf first; empty if
   * the handshake never got that far).
   *
   * @param hostMismatch the chain is trusted but does not name the host
   */
  public static Failure tls(
      SSLException e, String host, List<X509Certificate> chain, boolean hostMismatch, Instant now) {
    if (chain.isEmpty() || !(e instanceof SSLHandshakeException)) {
      String text = String.valueOf(e.getMessage());
      if (text.contains("Unsupported or unrecognized SSL message")
          || text.contains("plaintext connection")) {
        return new Failure(
            Reason.TLS, "TLS: the server did not answer with TLS (plain HTTP on this port?)");
      }
      return new Failure(Reason.TLS, "TLS: handshake failed: " + firstLine(e));
    }
    X509Certificate leaf = chain.get(0);
    if (hostMismatch) {
      return new Failure(Reason.TLS, wrongHost(host, leaf));
    }
    if (leaf.getNotAfter().toInstant().isBefore(now)) {
      return new Failure(
          Reason.TLS, "TLS: certificate expired on " + DAY.format(leaf.getNotAfter().toInstant()));
    }
    if (leaf.getNotBefore().toInstant().isAfter(now)) {
      return new Failure(
          Reason.TLS,
          "TLS: certificate is not valid before " + DAY.format(leaf.getNotBefore().toInstant()));
    }
    X509Certificate last = chain.get(chain.size() - 1);
    boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
    if (chain.size() == 1 && selfSigned) {
      return new Failure(
          Reason.TLS, "TLS: self-signed certificate is not trusted (" + subject(leaf) + ")");
    }
    return new Failure(
        Reason.TLS,
        "TLS: certificate is not trusted (issued by "
            + last.getIssuerX500Principal().getName()
            + ")");
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
    } catch (CertificateParsingException ignored) {
      // fall back to the subject below
    }
    String valid = names.isEmpty() ? subject(leaf) : names.toString();
    return "TLS: certificate does not match host " + host + " (valid for " + valid + ")";
  }

  private static String subject(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName();
  }

  /** Every message along the cause chain, lower case. */
  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
      text.append(t.getMessage()).append(' ');
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  /** The first line of the exception's message, or its class name when it has none. */
  public static String firstLine(Throwable e) {
    @Nullable String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

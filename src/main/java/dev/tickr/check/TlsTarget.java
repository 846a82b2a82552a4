package dev.tickr.check;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS handshake with {@code host:port}, for the certificate alone: no request is sent. The host
 * is also the SNI name and the name the certificate must match.
 *
 * @param insecure accept any certificate and host name (expiry is still reported)
 * @param extraCas certificates trusted in addition to the JDK's default trust store
 */
public record TlsTarget(String host, int port, boolean insecure, List<X509Certificate> extraCas)
    implements Target {

  public static final int DEFAULT_PORT = 443;

  public TlsTarget {
    host = Endpoints.host(host);
    Endpoints.checkPort(port);
    extraCas = List.copyOf(extraCas);
  }

  /** A target on {@code host:port} validated against the JDK's default CAs. */
  public static TlsTarget of(String host, int port) {
    return new TlsTarget(host, port, false, List.of());
  }

  /** {@code tls://host:port}, an IPv6 address in brackets. */
  public URI url() {
    return URI.create("tls://" + Endpoints.hostPort(host, port));
  }

  @Override
  public String describe() {
    return url().toString();
  }
}

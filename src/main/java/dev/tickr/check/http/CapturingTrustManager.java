package dev.tickr.check.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the chain a server presents before judging it, so that a failed handshake can still say
 * which certificate was wrong and when it expires. With no delegate every chain is accepted ({@code
 * --insecure}). One instance serves one check.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final @Nullable X509ExtendedTrustManager delegate;
  private volatile List<X509Certificate> presented = List.of();

  CapturingTrustManager(@Nullable X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** Forgets the chain of an earlier hop. */
  void reset() {
    presented = List.of();
  }

  /** The chain the server presented (leaf first), empty if the handshake never got that far. */
  List<X509Certificate> presented() {
    return presented;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      delegate.checkServerTrusted(chain, authType, socket);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      delegate.checkServerTrusted(chain, authType, engine);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      delegate.checkServerTrusted(chain, authType);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
  }
}

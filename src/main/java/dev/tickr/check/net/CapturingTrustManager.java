package dev.tickr.check.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the chain a server presents before judging it, so that a failed handshake can still say
 * which certificate was wrong and when it expires. When the delegate rejects a chain only because
 * it does not name the host (endpoint identification), {@link #hostMismatch()} says so. With no
 * delegate every chain is accepted ({@code insecure}). One instance serves one handshake.
 */
public final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final @Nullable Supplier<X509ExtendedTrustManager> delegate;
  private volatile List<X509Certificate> presented = List.of();
  private volatile boolean hostMismatch;

  public CapturingTrustManager(@Nullable X509ExtendedTrustManager delegate) {
    this.delegate = delegate == null ? null : () -> delegate;
  }

  private CapturingTrustManager(@Nullable Supplier<X509ExtendedTrustManager> delegate) {
    this.delegate = delegate;
  }

  /**
   * Asks for the delegate only when a server presents a chain: a check that never reaches a TLS
   * handshake never loads the CA certificates.
   */
  public static CapturingTrustManager lazy(@Nullable Supplier<X509ExtendedTrustManager> delegate) {
    return new CapturingTrustManager(delegate);
  }

  /** Forgets what an earlier handshake (an earlier redirect hop) presented. */
  public void reset() {
    presented = List.of();
    hostMismatch = false;
  }

  /** The chain the server presented (leaf first), empty if the handshake never got that far. */
  public List<X509Certificate> presented() {
    return presented;
  }

  /** Whether the chain was trusted but rejected for not naming the host. */
  public boolean hostMismatch() {
    return hostMismatch;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      X509ExtendedTrustManager trust = delegate.get();
      try {
        trust.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        hostMismatch = trustedWithoutHost(trust, chain, authType);
        throw e;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      X509ExtendedTrustManager trust = delegate.get();
      try {
        trust.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        hostMismatch = trustedWithoutHost(trust, chain, authType);
        throw e;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    presented = List.of(chain);
    if (delegate != null) {
      delegate.get().checkServerTrusted(chain, authType);
    }
  }

  /** The two-argument check validates the chain alone, without endpoint identification. */
  private static boolean trustedWithoutHost(
      X509ExtendedTrustManager delegate, X509Certificate[] chain, String authType) {
    try {
      delegate.checkServerTrusted(chain, authType);
      return true;
    } catch (CertificateException | RuntimeException e) {
      return false;
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

  /**
   * None. A client's trust manager is asked for its issuers only to name them to a client (when
   * acting as a server) and by OkHttp to index them for certificate pinning, which probes do not
   * use; handing out the whole CA list made every check copy and index it.
   */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}

package dev.tickr.check;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server presented during the TLS handshake: its chain (leaf first) and, when the
 * handshake completed, the negotiated protocol and cipher suite.
 */
public record TlsInfo(
    List<X509Certificate> chain, @Nullable String protocol, @Nullable String cipherSuite) {

  public TlsInfo {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS peer presents at least one certificate");
    }
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public Instant expiresAt() {
    return leaf().getNotAfter().toInstant();
  }

  /** Time until the leaf expires; negative once it has. */
  public Duration untilExpiry(Instant now) {
    return Duration.between(now, expiresAt());
  }
}

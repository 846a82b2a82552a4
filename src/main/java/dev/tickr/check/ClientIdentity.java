package dev.tickr.check;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate chain and private key an HTTP check presents when a server asks for a client
 * certificate (mutual TLS).
 *
 * @param chain the client's certificate first, then any intermediates
 */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
  public ClientIdentity {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client certificate chain must not be empty");
    }
    chain = List.copyOf(chain);
  }

  /** The subject of the client certificate; the key is never shown. */
  @Override
  public String toString() {
    return "ClientIdentity[" + chain.get(0).getSubjectX500Principal().getName() + "]";
  }
}

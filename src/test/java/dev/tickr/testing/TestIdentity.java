package dev.tickr.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * What a TLS server presents: a private key and its certificate chain, leaf first. The chain holds
 * only the leaf, as a real server does not send the root its clients already trust.
 */
public record TestIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

  private static final char[] PASSWORD = "tickr-test".toCharArray();

  public TestIdentity {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an identity needs at least its leaf certificate");
    }
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** A server-side context whose key manager presents this identity. */
  public SSLContext sslContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("identity", privateKey, PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot build an SSLContext for " + leaf().getSubjectX500Principal(), e);
    }
  }

  /**
   * A server-side context presenting this identity that also asks for client certificates, trusting
   * those {@code clientCa} issued.
   */
  public SSLContext sslContextTrustingClientsOf(X509Certificate clientCa) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("identity", privateKey, PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("client-ca", clientCa);
      javax.net.ssl.TrustManagerFactory trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot build a server SSLContext for client certificates", e);
    }
  }

  /** The private key as PEM, in PKCS#8 ({@code BEGIN PRIVATE KEY}), as openssl writes it. */
  public String keyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(privateKey.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** The chain as PEM, leaf first. */
  public String chainPem() {
    StringBuilder out = new StringBuilder();
    chain.forEach(c -> out.append(TestCertificates.pem(c)));
    return out.toString();
  }

  /** A client-side context that trusts this identity's leaf directly, as one pins a cert. */
  public SSLContext trustingSslContext() {
    return TestCertificates.trusting(leaf());
  }
}

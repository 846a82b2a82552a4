package dev.tickr.check.net;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Trust managers for the JDK's default CAs plus any extra CAs a target names; built once per
 * distinct set of extra CAs and shared, since building one reads every default CA. Thread-safe.
 */
public final class TrustStores {
  private final Map<List<X509Certificate>, X509ExtendedTrustManager> cache =
      new ConcurrentHashMap<>();

  public X509ExtendedTrustManager forExtraCas(List<X509Certificate> extraCas) {
    return cache.computeIfAbsent(List.copyOf(extraCas), TrustStores::build);
  }

  private static X509ExtendedTrustManager build(List<X509Certificate> extraCas) {
    try {
      X509ExtendedTrustManager defaults = fromKeyStore(null);
      if (extraCas.isEmpty()) {
        return defaults;
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : defaults.getAcceptedIssuers()) {
        store.setCertificateEntry("default-" + i++, ca);
      }
      for (X509Certificate ca : extraCas) {
        store.setCertificateEntry("extra-" + i++, ca);
      }
      return fromKeyStore(store);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }

  private static X509ExtendedTrustManager fromKeyStore(@Nullable KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK offers no X509 trust manager");
  }
}

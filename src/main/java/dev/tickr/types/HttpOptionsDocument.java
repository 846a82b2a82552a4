package dev.tickr.types;

import dev.tickr.check.ClientIdentity;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.config.TypeSettings.Secret;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An http monitor's connection options as the API shows them, only those that differ from the
 * defaults: certificates as PEM text, a proxy with a password and the client key masked.
 */
final class HttpOptionsDocument {
  private HttpOptionsDocument() {}

  static void put(Map<String, Object> out, HttpTarget t) {
    if (!t.followRedirects()) {
      out.put(HttpOptionsReader.FOLLOW, false);
    }
    if (t.followRefresh()) {
      out.put(HttpOptionsReader.FOLLOW_REFRESH, true);
    }
    if (t.insecure()) {
      out.put(HttpOptionsReader.INSECURE, true);
    }
    if (!t.extraCas().isEmpty()) {
      out.put(HttpOptionsReader.CA_CERT, pem(t.extraCas()));
    }
    if (t.maxBodyBytes() != HttpTarget.DEFAULT_MAX_BODY) {
      out.put(HttpOptionsReader.MAX_BODY, String.valueOf(t.maxBodyBytes()));
    }
    HttpProxy proxy = t.proxy();
    if (proxy != null) {
      String password = proxy.password();
      out.put(
          HttpOptionsReader.PROXY,
          password == null ? proxy.describe() : new Secret(withPassword(proxy, password)));
    }
    ClientIdentity identity = t.clientIdentity();
    if (identity != null) {
      out.put(HttpOptionsReader.CLIENT_CERT, pem(identity.chain()));
      out.put(HttpOptionsReader.CLIENT_KEY, new Secret("(private key)"));
    }
  }

  private static String withPassword(HttpProxy proxy, String password) {
    String url = proxy.describe();
    int at = url.indexOf('@');
    return url.substring(0, at) + ":" + password + url.substring(at);
  }

  private static String pem(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate c : certificates) {
      try {
        out.append("-----BEGIN CERTIFICATE-----\n")
            .append(base64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("a certificate cannot be encoded", e);
      }
    }
    return out.toString();
  }
}

package dev.tickr.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * In-memory X.509 material for TLS tests: EC P-256 keys signed with SHA256withECDSA, valid relative
 * to an injectable "now". Nothing touches the disk unless asked ({@link TestCa#writePem}).
 * Immutable and safe to share between threads.
 *
 * <pre>{@code
 * TestCa ca = TestCertificates.create().ca();
 * try (var server = TestHttpServer.tls(ca.leaf("localhost", "127.0.0.1"))) {
 *   HttpClient client = HttpClient.newBuilder().sslContext(ca.trustingSslContext()).build();
 * }
 * }</pre>
 *
 * <p>X.509 stores times in whole seconds, so every validity bound is truncated to seconds.
 */
public final class TestCertificates {

  /** How far before "now" default certificates start to be valid. */
  public static final Duration BACKDATE = Duration.ofDays(1);

  /** How long after "now" a default leaf stays valid. */
  public static final Duration LEAF_LIFETIME = Duration.ofDays(90);

  /** How long after "now" a CA stays valid. */
  public static final Duration CA_LIFETIME = Duration.ofDays(3650);

  private final Instant now;

  private TestCertificates(Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Certificates valid around the real current time. */
  public static TestCertificates create() {
    return at(Instant.now());
  }

  /** Certificates whose default validity is computed from {@code now} instead of the clock. */
  public static TestCertificates at(Instant now) {
    return new TestCertificates(now);
  }

  /** The "now" that default validity periods are computed from, truncated to seconds. */
  public Instant now() {
    return now;
  }

  /** A new root CA, valid from {@link #BACKDATE} before now until {@link #CA_LIFETIME} after. */
  public TestCa ca() {
    KeyPair keys = CertificateIssuer.newKeyPair();
    X500Name name = CertificateIssuer.caName();
    X509Certificate cert =
        CertificateIssuer.issue(
            name,
            keys.getPublic(),
            name,
            keys,
            now.minus(BACKDATE),
            now.plus(CA_LIFETIME),
            List.of());
    return new TestCa(this, keys, cert);
  }

  /**
   * A leaf for {@code hosts} (DNS names or IP literals) that signs itself, issued by no CA, valid
   * like {@link TestCa#leaf(String...)}. Trust it by pinning: {@link
   * TestIdentity#trustingSslContext()}.
   */
  public TestIdentity selfSigned(String... hosts) {
    KeyPair keys = CertificateIssuer.newKeyPair();
    X500Name name = CertificateIssuer.leafName(hosts);
    X509Certificate cert =
        CertificateIssuer.issue(
            name,
            keys.getPublic(),
            name,
            keys,
            now.minus(BACKDATE),
            now.plus(LEAF_LIFETIME),
            List.of(hosts));
    return new TestIdentity(keys.getPrivate(), List.of(cert));
  }

  /** A client-side context that trusts exactly {@code anchors}, with the JDK's default checks. */
  public static SSLContext trusting(X509Certificate... anchors) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < anchors.length; i++) {
        store.setCertificateEntry("anchor-" + i, anchors[i]);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trusting SSLContext", e);
    }
  }

  /** {@code certificate} in PEM form, as found in a CA file. */
  public static String pem(X509Certificate certificate) {
    try {
      Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      return "-----BEGIN CERTIFICATE-----\n"
          + base64.encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateException e) {
      throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** Reads back one PEM certificate, as a TLS client loading a CA file would. */
  public static X509Certificate parsePem(String pem) {
    try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException | IOException e) {
      throw new IllegalArgumentException("not a PEM certificate", e);
    }
  }
}

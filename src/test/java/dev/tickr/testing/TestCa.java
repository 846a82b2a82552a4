package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A root certificate authority that issues TLS leaves. Made by {@link TestCertificates#ca()};
 * immutable and safe to share between threads.
 */
public final class TestCa {

  private final TestCertificates factory;
  private final KeyPair keys;
  private final X509Certificate certificate;
  private final X500Name name;

  TestCa(TestCertificates factory, KeyPair keys, X509Certificate certificate) {
    this.factory = factory;
    this.keys = keys;
    this.certificate = certificate;
    this.name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  /**
   * A leaf valid from {@link TestCertificates#BACKDATE} before now until {@link
   * TestCertificates#LEAF_LIFETIME} after it, for DNS names and IP literals such as {@code
   * "localhost", "127.0.0.1"}.
   */
  public TestIdentity leaf(String... hosts) {
    Instant now = factory.now();
    return leaf(
        now.minus(TestCertificates.BACKDATE), now.plus(TestCertificates.LEAF_LIFETIME), hosts);
  }

  /** A leaf that stopped being valid at {@code notAfter}, which must be before now. */
  public TestIdentity expiredLeaf(Instant notAfter, String... hosts) {
    if (!notAfter.isBefore(factory.now())) {
      throw new IllegalArgumentException(
          "an expired leaf needs notAfter before now (" + factory.now() + "), got " + notAfter);
    }
    return leaf(notAfter.minus(TestCertificates.LEAF_LIFETIME), notAfter, hosts);
  }

  /** A leaf valid exactly from {@code notBefore} to {@code notAfter} (truncated to seconds). */
  public TestIdentity leaf(Instant notBefore, Instant notAfter, String... hosts) {
    KeyPair leafKeys = CertificateIssuer.newKeyPair();
    X509Certificate leaf =
        CertificateIssuer.issue(
            CertificateIssuer.leafName(hosts),
            leafKeys.getPublic(),
            name,
            keys,
            notBefore,
            notAfter,
            List.of(hosts));
    return new TestIdentity(leafKeys.getPrivate(), List.of(leaf));
  }

  /** The CA's own (self-signed) certificate, the trust anchor for everything it issues. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA certificate in PEM form. */
  public String pem() {
    return TestCertificates.pem(certificate);
  }

  /** Writes the CA certificate as PEM to {@code file}, replacing it, and returns the file. */
  public Path writePem(Path file) {
    try {
      return Files.writeString(file, pem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CA certificate to " + file, e);
    }
  }

  /** A client-side context that trusts this CA (and nothing else). */
  public SSLContext trustingSslContext() {
    return TestCertificates.trusting(certificate);
  }
}

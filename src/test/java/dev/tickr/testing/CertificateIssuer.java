package dev.tickr.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Builds and signs certificates for {@link TestCertificates} and {@link TestCa}. BouncyCastle only
 * assembles the ASN.1; keys, signatures and parsing stay with the JDK's own providers, so no
 * security provider is registered anywhere.
 */
final class CertificateIssuer {

  private CertificateIssuer() {}

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
    }
  }

  static X500Name caName() {
    return new X500Name("CN=Tickr Test CA " + serial());
  }

  static X500Name leafName(String... hosts) {
    if (hosts.length == 0) {
      throw new IllegalArgumentException("a leaf needs at least one DNS name or IP address");
    }
    return new X500Name("CN=" + hosts[0]);
  }

  /**
   * Signs a certificate for {@code subjectKey} with {@code issuerKeys}. An empty {@code hosts}
   * makes a CA certificate; otherwise a TLS server/client leaf with those subject alternative
   * names, each an IP address if it parses as an IP literal and a DNS name if not. Validity bounds
   * are truncated to seconds, the precision of X.509.
   */
  static X509Certificate issue(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      KeyPair issuerKeys,
      Instant notBefore,
      Instant notAfter,
      List<String> hosts) {
    Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
    Instant until = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("notAfter " + until + " must be after notBefore " + from);
    }
    boolean ca = hosts.isEmpty();
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  issuer, serial(), Date.from(from), Date.from(until), subject, subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ids.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      if (ca) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(
                    new KeyPurposeId[] {
                      KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                    }))
            .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
      }
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue a certificate for " + subject, e);
    }
  }

  private static GeneralNames alternativeNames(List<String> hosts) {
    return new GeneralNames(
        hosts.stream()
            .map(
                host ->
                    IPAddress.isValid(host)
                        ? new GeneralName(GeneralName.iPAddress, host)
                        : new GeneralName(GeneralName.dNSName, host))
            .toArray(GeneralName[]::new));
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
  }
}

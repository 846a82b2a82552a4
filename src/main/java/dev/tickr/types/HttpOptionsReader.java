package dev.tickr.types;

import dev.tickr.check.ClientIdentity;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.net.Pem;
import dev.tickr.config.Fields;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.text.ByteSizes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads an http monitor's connection options, with the meaning of {@code tickr check}'s flags:
 * {@code follow-redirects}, {@code insecure}, {@code ca-cert}, {@code max-body}, {@code proxy},
 * {@code client-cert} and {@code client-key}. A certificate or key is PEM text or the path of a PEM
 * file (relative to the working directory). Problems never quote a password or a key.
 */
final class HttpOptionsReader {
  static final String FOLLOW = "follow-redirects";
  static final String FOLLOW_REFRESH = "follow-refresh";
  static final String INSECURE = "insecure";
  static final String CA_CERT = "ca-cert";
  static final String MAX_BODY = "max-body";
  static final String PROXY = "proxy";
  static final String CLIENT_CERT = "client-cert";
  static final String CLIENT_KEY = "client-key";

  /** The options as read; the defaults when none is written. */
  record Options(
      boolean followRedirects,
      long maxBody,
      boolean insecure,
      List<X509Certificate> cas,
      @Nullable HttpProxy proxy,
      @Nullable ClientIdentity identity,
      boolean followRefresh) {
    static final Options DEFAULT =
        new Options(true, HttpTarget.DEFAULT_MAX_BODY, false, List.of(), null, null, false);

    @SuppressWarnings("ReferenceEquality") // the shared default: nothing to copy, at no cost
    HttpTarget apply(HttpTarget t) {
      if (equals(DEFAULT)) {
        return t;
      }
      return new HttpTarget(
              t.url(),
              t.method(),
              t.headers(),
              t.body(),
              followRedirects,
              maxBody,
              insecure,
              cas,
              t.auth(),
              t.proxy(),
              t.clientIdentity(),
              t.template())
          .withProxy(proxy)
          .withClientIdentity(identity)
          .withFollowRefresh(followRefresh);
    }
  }

  private final Read read;
  private boolean ok = true;

  HttpOptionsReader(Read read) {
    this.read = read;
  }

  /** The options, or {@code null} after reporting each problem. */
  @Nullable Options read(Fields fields) {
    Node follow = fields.get(FOLLOW);
    Node insecure = fields.get(INSECURE);
    Node ca = fields.get(CA_CERT);
    Node maxBody = fields.get(MAX_BODY);
    Node proxy = fields.get(PROXY);
    Node cert = fields.get(CLIENT_CERT);
    Node key = fields.get(CLIENT_KEY);
    Node refresh = fields.get(FOLLOW_REFRESH);
    if (follow == null
        && refresh == null
        && insecure == null
        && ca == null
        && maxBody == null
        && proxy == null
        && cert == null
        && key == null) {
      return Options.DEFAULT; // the common case: nothing to read, nothing to make
    }
    Boolean f = follow == null ? Boolean.TRUE : check(read.bool(follow, FOLLOW));
    Boolean r = refresh == null ? Boolean.FALSE : check(read.bool(refresh, FOLLOW_REFRESH));
    Boolean i = insecure == null ? Boolean.FALSE : check(read.bool(insecure, INSECURE));
    List<X509Certificate> cas = ca == null ? List.of() : certificates(ca, CA_CERT);
    Long max = maxBody == null ? Long.valueOf(HttpTarget.DEFAULT_MAX_BODY) : size(maxBody);
    HttpProxy p = proxy == null ? null : proxy(proxy);
    ClientIdentity identity = identity(fields, cert, key);
    if (!ok || f == null || r == null || i == null || cas == null || max == null) {
      return null;
    }
    return new Options(f, max, i, cas, p, identity, r);
  }

  private <T> @Nullable T check(@Nullable T value) {
    ok &= value != null;
    return value;
  }

  private @Nullable Long size(Node node) {
    Scalar s = read.scalar(node, MAX_BODY, "a size like 512KiB or 1MiB");
    if (s == null) {
      ok = false;
      return null;
    }
    Long size = ByteSizes.parse(s.text());
    if (size == null) {
      read.problem(
          s.at(),
          MAX_BODY + " must be a size like " + ByteSizes.EXAMPLES + ", got " + Node.describe(s));
      ok = false;
      return null;
    }
    return size;
  }

  private @Nullable HttpProxy proxy(Node node) {
    Scalar s =
        read.scalar(node, PROXY, "a URL like http://user:password@host:3128 or socks5://host:1080");
    if (s == null) {
      ok = false;
      return null;
    }
    try {
      return HttpProxy.parse(s.text());
    } catch (IllegalArgumentException e) {
      // The message never quotes the URL, which may hold a password.
      read.problem(s.at(), PROXY + " " + e.getMessage());
      ok = false;
      return null;
    }
  }

  private @Nullable ClientIdentity identity(
      Fields fields, @Nullable Node certNode, @Nullable Node keyNode) {
    if (certNode == null && keyNode == null) {
      return null;
    }
    if (certNode != null && keyNode == null) {
      read.problem(certNode.at(), CLIENT_CERT + " needs " + CLIENT_KEY + ", its private key");
      ok = false;
      return null;
    }
    if (certNode == null || keyNode == null) {
      read.problem(
          keyNode == null ? fields.at() : keyNode.at(),
          CLIENT_KEY + " needs " + CLIENT_CERT + ", its certificate");
      ok = false;
      return null;
    }
    List<X509Certificate> chain = certificates(certNode, CLIENT_CERT);
    PrivateKey key = privateKey(keyNode);
    if (chain == null || key == null) {
      return null;
    }
    if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      read.problem(
          keyNode.at(),
          CLIENT_KEY
              + " is a "
              + key.getAlgorithm()
              + " key, but the client-cert is for a "
              + chain.get(0).getPublicKey().getAlgorithm()
              + " key");
      ok = false;
      return null;
    }
    if (!matches(key, chain.get(0))) {
      read.problem(
          keyNode.at(),
          CLIENT_KEY + " does not match the client-cert: the certificate is for another key");
      ok = false;
      return null;
    }
    return new ClientIdentity(key, chain);
  }

  /** Whether {@code certificate} verifies what {@code key} signs: the two are one key pair. */
  private static boolean matches(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448 sign with their own name
        };
    byte[] probe = "tickr client-key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signed = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signed);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private @Nullable List<X509Certificate> certificates(Node node, String what) {
    Scalar s = read.scalar(node, what, "PEM text or the path of a PEM file");
    String text = s == null ? null : pem(s, what);
    if (s == null || text == null) {
      ok = false;
      return null;
    }
    try {
      return Pem.certificates(text);
    } catch (Pem.PemException e) {
      read.problem(s.at(), what + ": " + source(s) + e.getMessage());
      ok = false;
      return null;
    }
  }

  private @Nullable PrivateKey privateKey(Node node) {
    Scalar s = read.scalar(node, CLIENT_KEY, "PEM text or the path of a PEM file");
    String text = s == null ? null : pem(s, CLIENT_KEY);
    if (s == null || text == null) {
      ok = false;
      return null;
    }
    try {
      return Pem.privateKey(text);
    } catch (Pem.PemException e) {
      read.problem(s.at(), CLIENT_KEY + ": " + source(s) + e.getMessage());
      ok = false;
      return null;
    }
  }

  private static String source(Scalar s) {
    return Pem.isPem(s.text()) || s.secret() ? "" : s.text() + ": ";
  }

  /** The PEM text itself, or the text of the file it names. */
  private @Nullable String pem(Scalar s, String what) {
    String text = s.text();
    if (Pem.isPem(text)) {
      return text;
    }
    Path file = Path.of(text.strip());
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      read.problem(
          s.at(), what + ": no such file: " + (s.secret() ? "(from the environment)" : file));
    } catch (IOException | RuntimeException e) {
      read.problem(
          s.at(),
          what + ": cannot read " + (s.secret() ? "the file" : file) + ": " + e.getMessage());
    }
    return null;
  }
}

package dev.tickr.check.net;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys in PEM text, as {@code openssl} writes them. Private keys are read
 * in PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519); other forms are refused with the command
 * that converts them. A problem's message never holds any of the key's text.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  private Pem() {}

  /** Text that holds PEM rather than names a file. */
  public static boolean isPem(String text) {
    return text.contains("-----BEGIN ");
  }

  /** Every certificate in the text, in order; at least one. */
  public static List<X509Certificate> certificates(String text) throws PemException {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(text)) {
        if (!b.type().equals("CERTIFICATE")) {
          continue;
        }
        Certificate c = factory.generateCertificate(new ByteArrayInputStream(b.der()));
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
    } catch (CertificateException e) {
      throw new PemException("not a valid certificate: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new PemException("no certificate found (expected -----BEGIN CERTIFICATE-----)");
    }
    return out;
  }

  /** The one private key in the text. */
  public static PrivateKey privateKey(String text) throws PemException {
    List<Block> keys = blocks(text).stream().filter(b -> b.type().endsWith("PRIVATE KEY")).toList();
    if (keys.isEmpty()) {
      throw new PemException("no private key found (expected -----BEGIN PRIVATE KEY-----)");
    }
    if (keys.size() > 1) {
      throw new PemException("more than one private key found; give exactly one");
    }
    Block key = keys.get(0);
    if (key.type().equals("ENCRYPTED PRIVATE KEY")) {
      throw new PemException(
          "the private key is encrypted, which is not supported; decrypt it with"
              + " \"openssl pkcs8 -in KEY -out PLAIN\" and keep the file readable only by Tickr");
    }
    if (!key.type().equals("PRIVATE KEY")) {
      throw new PemException(
          "a \""
              + key.type()
              + "\" is not supported, only PKCS#8 (BEGIN PRIVATE KEY); convert it with"
              + " \"openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8\"");
    }
    return pkcs8(key.der());
  }

  private static PrivateKey pkcs8(byte[] der) throws PemException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException | IllegalArgumentException notThisOne) {
        // try the next algorithm
      }
    }
    throw new PemException("the private key is not an RSA, EC or Ed25519 key in PKCS#8");
  }

  /** One {@code BEGIN}/{@code END} block: its type and its decoded bytes. */
  private static final class Block {
    private final String type;
    private final byte[] der;

    Block(String type, byte[] der) {
      this.type = type;
      this.der = der;
    }

    String type() {
      return type;
    }

    byte[] der() {
      return der;
    }
  }

  private static List<Block> blocks(String text) throws PemException {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      if (body.contains(":")) {
        // "Proc-Type: 4,ENCRYPTED" and the like: an OpenSSL-encrypted traditional key
        throw new PemException(
            "the \"" + m.group(1) + "\" is encrypted, which is not supported; decrypt it first");
      }
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.strip())));
      } catch (IllegalArgumentException e) {
        throw new PemException("the \"" + m.group(1) + "\" block is not valid base64");
      }
    }
    if (out.isEmpty() && isPem(text)) {
      throw new PemException("a PEM block is not closed by its -----END ...----- line");
    }
    return out;
  }

  /** Why PEM text could not be read; the message never quotes the text. */
  public static final class PemException extends Exception {
    private static final long serialVersionUID = 1L;

    public PemException(String message) {
      super(message);
    }
  }
}

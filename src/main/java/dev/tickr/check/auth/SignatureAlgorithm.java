package dev.tickr.check.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** How a signature is computed from the string to sign: a plain digest, or an HMAC with a key. */
public enum SignatureAlgorithm {
  SHA1("SHA-1", false),
  SHA256("SHA-256", false),
  SHA512("SHA-512", false),
  HMAC_SHA1("HmacSHA1", true),
  HMAC_SHA256("HmacSHA256", true),
  HMAC_SHA512("HmacSHA512", true);

  private final String jca;
  private final boolean keyed;
  private final String spelling = name().toLowerCase(Locale.ROOT).replace('_', '-');

  SignatureAlgorithm(String jca, boolean keyed) {
    this.jca = jca;
    this.keyed = keyed;
  }

  /** The config spelling, e.g. {@code hmac-sha256}. */
  public String spelling() {
    return spelling;
  }

  /** Whether it needs a key (the {@code hmac-*} ones). */
  public boolean keyed() {
    return keyed;
  }

  /** The algorithm written {@code text} in the config, or {@code null}. */
  public static @Nullable SignatureAlgorithm of(String text) {
    for (SignatureAlgorithm a : values()) {
      if (a.spelling.equals(text.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    return null;
  }

  /**
   * The digest or MAC of {@code data}.
   *
   * @param key the HMAC key; ignored by a plain digest
   */
  public byte[] compute(byte[] key, byte[] data) {
    try {
      if (!keyed) {
        return MessageDigest.getInstance(jca).digest(data);
      }
      Mac mac = Mac.getInstance(jca);
      // An empty HMAC key is valid (RFC 2104) but SecretKeySpec refuses it: one zero byte is the
      // same key, since HMAC pads the key with zeros.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, jca));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jca + " is not available in this JDK", e);
    }
  }
}

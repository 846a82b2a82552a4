package dev.tickr.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable hash of a monitor's settings, fed field by field. Fields are length-prefixed, so that no
 * two different specs write the same text.
 */
public final class Fingerprint {
  private final StringBuilder text = new StringBuilder();

  public Fingerprint add(String field) {
    text.append(field.length()).append(':').append(field).append(';');
    return this;
  }

  public Fingerprint add(long field) {
    return add(Long.toString(field));
  }

  public Fingerprint add(boolean field) {
    return add(String.valueOf(field));
  }

  public Fingerprint add(byte[] field) {
    return add(HexFormat.of().formatHex(field));
  }

  /** SHA-256 of everything added, in hex. */
  public String hash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

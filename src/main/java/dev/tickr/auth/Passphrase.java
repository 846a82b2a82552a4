package dev.tickr.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Turns a {@code TICKR_SECRET_KEY} passphrase into a 32-byte key. Since version 2, with Argon2id
 * (64 MiB, 3 passes, 1 lane: RFC 9106's second recommended setting with one lane), which makes each
 * guess cost that much memory and time; it runs once, when the key is loaded. The salt is fixed:
 * the key must come from the variable alone, the same on every node and after a restore, so a
 * passphrase must be long and random all the same. Version 1 used HKDF-SHA256, kept to open the
 * values it sealed.
 */
final class Passphrase {
  static final int MEMORY_KIB = 64 * 1024;
  static final int PASSES = 3;
  static final int LANES = 1;
  static final byte[] SALT = "tickr TICKR_SECRET_KEY v2".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] HKDF_SALT = "tickr secret box".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HKDF_INFO =
      "tickr v1 aes-256-gcm".getBytes(StandardCharsets.US_ASCII);

  private Passphrase() {}

  /** The version 2 key: Argon2id. */
  static byte[] argon2id(String passphrase, int keyBytes) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(MEMORY_KIB)
            .withIterations(PASSES)
            .withParallelism(LANES)
            .withSalt(SALT)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] key = new byte[keyBytes];
    byte[] secret = passphrase.getBytes(StandardCharsets.UTF_8);
    try {
      generator.generateBytes(secret, key);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return key;
  }

  /** The version 1 key: HKDF-SHA256 (RFC 5869) with one block of output. */
  static byte[] hkdf(String passphrase) {
    byte[] prk = SecretBox.hmac(HKDF_SALT, passphrase.getBytes(StandardCharsets.UTF_8));
    byte[] block = Arrays.copyOf(HKDF_INFO, HKDF_INFO.length + 1);
    block[HKDF_INFO.length] = 1;
    return SecretBox.hmac(prk, block);
  }
}

package dev.tickr.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Password hashes: Argon2id (RFC 9106) with OWASP's parameters, 19 MiB of memory, 2 passes, 1 lane,
 * a 16-byte random salt and a 32-byte hash, written as a PHC string: {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding). A stored string keeps its
 * own parameters, so raising them later still verifies old hashes.
 *
 * <p>{@link #verify} compares in constant time, and spends the same work when there is no hash to
 * compare with (an unknown user), so the time of a failed login does not tell whether the user
 * exists.
 */
public final class Passwords {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  /** Stored parameters beyond these are refused rather than computed (a planted costly hash). */
  private static final int MAX_MEMORY_KIB = 1 << 20;

  private static final int MAX_ITERATIONS = 16;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,})"
              + "\\$([A-Za-z0-9+/]{22,})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final SecureRandom random;
  private volatile @Nullable String dummy;

  public Passwords(SecureRandom random) {
    this.random = random;
  }

  /** A new PHC string for {@code password}, with a fresh salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches {@code phc}. With no hash (null: the user does not exist) or
   * one that is not a valid Argon2id string, it spends the work of a real verification and answers
   * false.
   */
  public boolean verify(String password, @Nullable String phc) {
    Matcher m = phc == null ? null : PHC.matcher(phc);
    if (m == null || !m.matches()) {
      var unused = verify(password, dummy());
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(m.group(4));
      expected = Base64.getDecoder().decode(m.group(5));
    } catch (IllegalArgumentException e) {
      var unused = verify(password, dummy());
      return false;
    }
    if (memory > MAX_MEMORY_KIB
        || memory < 8 * parallelism
        || iterations < 1
        || iterations > MAX_ITERATIONS
        || parallelism < 1) {
      var unused = verify(password, dummy());
      return false;
    }
    byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  /** A hash of a random password, made once, to verify against when there is no user. */
  private String dummy() {
    String d = dummy;
    if (d == null) {
      d = hash(Digests.random(random, 18));
      dummy = d;
    }
    return d;
  }

  private static byte[] argon2(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }
}

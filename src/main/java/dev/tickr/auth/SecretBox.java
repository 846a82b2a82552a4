package dev.tickr.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept at rest (the values of monitors made through the API): AES-256-GCM from the
 * JDK, a random 96-bit nonce per value. A sealed value is text, {@code v1:<key id>:<base64 of nonce
 * | ciphertext | tag>}; the key id (8 hex digits derived from the key, which it does not reveal)
 * lets {@link #open} tell "another key" from "damaged".
 *
 * <p>The key is {@code TICKR_SECRET_KEY} when set: 64 hex digits or base64 of exactly 32 bytes are
 * used as the key itself; any other value of at least 16 characters is a passphrase, stretched to
 * 32 bytes with HKDF-SHA256 (which does not slow guessing: use a long random passphrase). Without
 * it, the key is the file {@code secret.key} in the data directory (base64 of 32 random bytes),
 * created on first use, readable by its owner only where the file system has POSIX permissions.
 * Lose the key and the secrets sealed with it are lost: back it up with the data directory.
 */
public final class SecretBox implements Sealer {
  public static final String KEY_VARIABLE = "TICKR_SECRET_KEY";
  public static final String KEY_FILE = "secret.key";
  public static final int MIN_PASSPHRASE = 16;

  private static final String VERSION = "v1";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern HEX_KEY = Pattern.compile("[0-9A-Fa-f]{64}");
  private static final byte[] HKDF_SALT = "tickr secret box".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HKDF_INFO =
      "tickr v1 aes-256-gcm".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final String keyId;
  private final String source;
  private final SecureRandom random;

  private SecretBox(byte[] key, String source, SecureRandom random) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a secret key has 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    this.keyId =
        HexFormat.of()
            .formatHex(hmac(key, "tickr key id".getBytes(StandardCharsets.US_ASCII)), 0, 4);
    this.source = source;
    this.random = random;
  }

  /**
   * The box of this installation: {@code TICKR_SECRET_KEY} from {@code environment}, else {@code
   * dataDir/secret.key}, created (with {@code dataDir}) when missing.
   *
   * @throws SecretBoxException when the variable is too short, or the key file unreadable
   */
  public static SecretBox load(Map<String, String> environment, Path dataDir) {
    return load(environment, dataDir, new SecureRandom());
  }

  static SecretBox load(Map<String, String> environment, Path dataDir, SecureRandom random) {
    String given = environment.get(KEY_VARIABLE);
    if (given != null && !given.isEmpty()) {
      return new SecretBox(fromVariable(given), KEY_VARIABLE, random);
    }
    Path file = dataDir.resolve(KEY_FILE);
    return new SecretBox(keyFile(file, random), file.toString(), random);
  }

  /** A box with this 32-byte key. */
  public static SecretBox of(byte[] key) {
    return new SecretBox(key.clone(), "a given key", new SecureRandom());
  }

  /** Encrypts {@code plain} under a fresh nonce: sealing one value twice gives two texts. */
  @Override
  public String seal(String plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
      return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /**
   * Decrypts what {@link #seal} made.
   *
   * @throws SecretBoxException when it is not a sealed value, was sealed with another key (the key
   *     changed), or is damaged; the message shows neither the value nor the key
   */
  @Override
  public String open(String sealed) {
    String[] parts = sealed.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SecretBoxException("a stored secret is not in the v1 sealed format");
    }
    if (!parts[1].equals(keyId)) {
      throw new SecretBoxException(
          "a stored secret was encrypted with another key (key id "
              + parts[1]
              + ", this key is "
              + keyId
              + " from "
              + source
              + "): the secret key changed; set "
              + KEY_VARIABLE
              + " or restore "
              + KEY_FILE
              + " to the one it had");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new SecretBoxException("a stored secret is damaged (not base64)");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretBoxException("a stored secret is damaged (too short)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretBoxException(
          "a stored secret cannot be decrypted with the key from "
              + source
              + ": it is damaged, or the secret key changed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /** Whether {@code text} looks like something {@link #seal} made (of any key). */
  public static boolean isSealed(String text) {
    return text.startsWith(VERSION + ":") && text.split(":", 3).length == 3;
  }

  /** 8 hex digits that name the key without revealing it. */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "SecretBox[key " + keyId + " from " + source + "]";
  }

  private static byte[] fromVariable(String value) {
    if (HEX_KEY.matcher(value).matches()) {
      return HexFormat.of().parseHex(value);
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(value);
      if (decoded.length == KEY_BYTES) {
        return decoded;
      }
    } catch (IllegalArgumentException notBase64) {
      // a passphrase
    }
    if (value.length() < MIN_PASSPHRASE) {
      throw new SecretBoxException(
          KEY_VARIABLE
              + " must be 64 hex digits, base64 of 32 bytes, or a passphrase of at least "
              + MIN_PASSPHRASE
              + " characters; it has "
              + value.length()
              + " characters");
    }
    // HKDF (RFC 5869) with one block of output: extract, then expand.
    byte[] prk = hmac(HKDF_SALT, value.getBytes(StandardCharsets.UTF_8));
    byte[] block = Arrays.copyOf(HKDF_INFO, HKDF_INFO.length + 1);
    block[HKDF_INFO.length] = 1;
    return hmac(prk, block);
  }

  /** Reads the key file, or makes it: written whole under another name, then linked into place. */
  private static byte[] keyFile(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path temp =
            Files.createTempFile(
                file.toAbsolutePath().getParent(), ".secret", ".tmp", ownerOnly(file));
        try {
          Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
          try {
            Files.createLink(file, temp); // fails if another process made it first
          } catch (FileAlreadyExistsException lost) {
            // theirs stands; read it below
          } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (!Files.exists(file)) {
              Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] key;
      try {
        key = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new SecretBoxException(file + " is not a Tickr key file (not base64)");
      }
      if (key.length != KEY_BYTES) {
        throw new SecretBoxException(file + " is not a Tickr key file (not 32 bytes)");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(rw)};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}

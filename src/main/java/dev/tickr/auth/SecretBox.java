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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets kept at rest (the values of monitors made through the API, heartbeat tokens):
 * AES-256-GCM from the JDK, a random 96-bit nonce per value, and the value's {@link SecretPlace}
 * (monitor and field) as associated data, so a value copied to another monitor or field does not
 * open. A sealed value is text, {@code v2:<key id>:<base64 of nonce | ciphertext | tag>}; the key
 * id (8 hex digits derived from the key, which it does not reveal) lets {@link #open} tell "another
 * key" from "damaged". Values of version 1 ({@code v1:...}, no associated data) still open, under
 * the key version 1 derived; {@link #isCurrent} tells them apart so they can be sealed again.
 *
 * <p>The key is {@code TICKR_SECRET_KEY} when set: 64 hex digits or base64 of exactly 32 bytes are
 * used as the key itself; any other value of at least 16 characters is a passphrase, stretched to
 * 32 bytes with Argon2id ({@link Passphrase}), once, when the box is loaded. Without it, the key is
 * the file {@code secret.key} in the data directory (base64 of 32 random bytes), created on first
 * use, readable by its owner only where the file system has POSIX permissions. Lose the key and the
 * secrets sealed with it are lost: back it up with the data directory.
 */
public final class SecretBox implements Sealer {
  public static final String KEY_VARIABLE = "TICKR_SECRET_KEY";
  public static final String KEY_FILE = "secret.key";
  public static final int MIN_PASSPHRASE = 16;

  private static final String VERSION = "v2";
  private static final String VERSION_1 = "v1";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern HEX_KEY = Pattern.compile("[0-9A-Fa-f]{64}");

  /** A key and the id it is known by. */
  private record Key(SecretKeySpec spec, String id) {
    static Key of(byte[] key) {
      if (key.length != KEY_BYTES) {
        throw new IllegalArgumentException("a secret key has 32 bytes, not " + key.length);
      }
      String id =
          HexFormat.of()
              .formatHex(hmac(key, "tickr key id".getBytes(StandardCharsets.US_ASCII)), 0, 4);
      return new Key(new SecretKeySpec(key, "AES"), id);
    }
  }

  private final Key key;
  private final Key version1;
  private final String source;
  private final SecureRandom random;

  private SecretBox(byte[] key, byte[] version1, String source, SecureRandom random) {
    this.key = Key.of(key);
    this.version1 = Arrays.equals(key, version1) ? this.key : Key.of(version1);
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
      return fromVariable(given, random);
    }
    Path file = dataDir.resolve(KEY_FILE);
    byte[] key = keyFile(file, random);
    return new SecretBox(key, key, file.toString(), random);
  }

  /**
   * Starts making the box from {@code TICKR_SECRET_KEY} on another thread, when it is set: a
   * passphrase takes Argon2id about half a second, which then overlaps the rest of the start.
   *
   * @return null when the key comes from the data directory instead; else {@link #await} it
   */
  public static @Nullable CompletableFuture<SecretBox> loadAhead(Map<String, String> environment) {
    String given = environment.get(KEY_VARIABLE);
    if (given == null || given.isEmpty()) {
      return null;
    }
    CompletableFuture<SecretBox> box = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("tickr-secret-key")
        .start(
            () -> {
              try {
                box.complete(fromVariable(given, new SecureRandom()));
              } catch (RuntimeException e) {
                box.completeExceptionally(e);
              }
            });
    return box;
  }

  /**
   * The box {@link #loadAhead} made.
   *
   * @throws SecretBoxException as {@link #load} would
   */
  public static SecretBox await(CompletableFuture<SecretBox> ahead) {
    try {
      return ahead.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static SecretBox fromVariable(String given, SecureRandom random) {
    byte[] raw = rawKey(given);
    if (raw != null) {
      return new SecretBox(raw, raw, KEY_VARIABLE, random);
    }
    requireLongPassphrase(given);
    return new SecretBox(
        Passphrase.argon2id(given, KEY_BYTES), Passphrase.hkdf(given), KEY_VARIABLE, random);
  }

  /** A box with this 32-byte key. */
  public static SecretBox of(byte[] key) {
    return new SecretBox(key.clone(), key.clone(), "a given key", new SecureRandom());
  }

  /**
   * Encrypts {@code plain} for {@code place} under a fresh nonce: sealing one value twice gives two
   * texts, and only {@code place} opens them.
   */
  @Override
  public String seal(String plain, SecretPlace place) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(place.associatedData());
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
      return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /**
   * Decrypts what {@link #seal} made for {@code place}, or a version 1 value (which belongs to no
   * place).
   *
   * @throws SecretBoxException naming {@code place} when it is not a sealed value, was sealed with
   *     another key (the key changed), for another place, or is damaged; the message shows neither
   *     the value nor the key
   */
  @Override
  public String open(String sealed, SecretPlace place) {
    String[] parts = sealed.split(":", 3);
    boolean old = parts[0].equals(VERSION_1);
    if (parts.length != 3 || !(old || parts[0].equals(VERSION))) {
      throw new SecretBoxException(place + ": the stored secret is not in a sealed format");
    }
    Key k = old ? version1 : key;
    if (!parts[1].equals(k.id())) {
      throw new SecretBoxException(
          place
              + ": the stored secret was encrypted with another key (key id "
              + parts[1]
              + ", this key is "
              + k.id()
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
      throw new SecretBoxException(place + ": the stored secret is damaged (not base64)");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretBoxException(place + ": the stored secret is damaged (too short)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      if (!old) {
        cipher.updateAAD(place.associatedData());
      }
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretBoxException(
          place
              + ": the stored secret does not open with the key from "
              + source
              + (old
                  ? ": it is damaged"
                  : ": it was sealed for another monitor or field (copied here), or is damaged"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /** Whether {@code text} looks like something {@link #seal} made (of any key or version). */
  public static boolean isSealed(String text) {
    return (text.startsWith(VERSION + ":") || text.startsWith(VERSION_1 + ":"))
        && text.split(":", 3).length == 3;
  }

  /** Whether a sealed value is of the current version; an older one is best sealed again. */
  public static boolean isCurrent(String sealed) {
    return sealed.startsWith(VERSION + ":");
  }

  /** 8 hex digits that name the key without revealing it. */
  public String keyId() {
    return key.id();
  }

  @Override
  public String toString() {
    return "SecretBox[key " + key.id() + " from " + source + "]";
  }

  /** The key a variable spells out (64 hex digits, base64 of 32 bytes); null for a passphrase. */
  private static byte @Nullable [] rawKey(String value) {
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
    return null;
  }

  private static void requireLongPassphrase(String value) {
    if (value.length() < MIN_PASSPHRASE) {
      throw new SecretBoxException(
          KEY_VARIABLE
              + " must be 64 hex digits, base64 of 32 bytes, or a passphrase of at least "
              + MIN_PASSPHRASE
              + " characters; it has "
              + value.length()
              + " characters");
    }
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

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}

package dev.tickr.subscription;

import dev.tickr.auth.Sealer;
import dev.tickr.auth.SecretPlace;
import dev.tickr.store.SubscriptionStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * What keeps subscribers' addresses out of sight: a keyed hash (HMAC-SHA256 under a random key that
 * is stored sealed with the secret key) finds an address without storing it, the address itself is
 * sealed for its page, and unsubscribe links carry a MAC of the subscriber's id, so they need no
 * stored token.
 */
final class AddressKey {
  static final SecretPlace KEY_PLACE = new SecretPlace("status-page subscriptions", "address key");

  private final SubscriptionStore store;
  private final Sealer sealer;
  private final SecureRandom random;
  private volatile byte @Nullable [] key;

  AddressKey(SubscriptionStore store, Sealer sealer, SecureRandom random) {
    this.store = store;
    this.sealer = sealer;
    this.random = random;
  }

  /** The address as hashed: trimmed and lower-cased (mail providers ignore the case). */
  static String normal(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }

  /** The keyed hash of an address, in hex. */
  String hash(String address) {
    return HexFormat.of().formatHex(mac("address\n" + normal(address)));
  }

  String seal(String page, String address) {
    return sealer.seal(address.strip(), place(page));
  }

  String open(String page, String sealed) {
    return sealer.open(sealed, place(page));
  }

  /** The token of a subscriber's unsubscribe link. */
  String unsubscribeToken(long subscriberId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac("unsubscribe\n" + subscriberId));
  }

  boolean validUnsubscribe(long subscriberId, String token) {
    return MessageDigest.isEqual(
        unsubscribeToken(subscriberId).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  /** A new confirmation token: 32 random bytes, URL-safe. */
  String newToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** How a confirmation token is stored: its SHA-256, in hex. */
  static String tokenHash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static SecretPlace place(String page) {
    return new SecretPlace("status page " + page, "subscriber address");
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** The key: read once from the store, made and stored on first use. */
  private byte[] key() {
    byte[] k = key;
    if (k != null) {
      return k;
    }
    synchronized (this) {
      if (key == null) {
        String sealed =
            store
                .key()
                .orElseGet(
                    () -> {
                      byte[] fresh = new byte[32];
                      random.nextBytes(fresh);
                      return store.saveKey(
                          sealer.seal(Base64.getEncoder().encodeToString(fresh), KEY_PLACE));
                    });
        key = Base64.getDecoder().decode(sealer.open(sealed, KEY_PLACE));
      }
      return java.util.Objects.requireNonNull(key);
    }
  }
}

package dev.tickr.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The secret of a heartbeat monitor's ping URL, {@code /ping/<token>}, as the store keeps it: its
 * hash, and the token sealed with the secret key, never the token itself.
 *
 * @param hash the lowercase hex SHA-256 of the token ({@link #hashOf}): how a ping finds its
 *     monitor
 * @param sealed the token sealed for this monitor, so that admins can be shown the URL again;
 *     {@code null} only while {@code carried} holds it
 * @param configured whether it comes from the config's {@code token}; otherwise Tickr generated it
 * @param carried the token in plain text, from a database older than version 9, until the daemon
 *     seals it at its next start; {@code null} otherwise
 */
public record HeartbeatToken(
    String monitor,
    String hash,
    @Nullable String sealed,
    boolean configured,
    @Nullable String carried) {
  public HeartbeatToken {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(hash, "hash");
    if (sealed == null && carried == null) {
      throw new IllegalArgumentException("a heartbeat token is kept sealed");
    }
  }

  /** A token to save: its hash and its sealed text. */
  public static HeartbeatToken of(String monitor, String token, String sealed, boolean configured) {
    return new HeartbeatToken(monitor, hashOf(token), sealed, configured, null);
  }

  /** The lowercase hex SHA-256 of the token's UTF-8 bytes. */
  public static String hashOf(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Never shows the token, sealed or not: it is the only thing that guards the ping URL. */
  @Override
  public String toString() {
    return "HeartbeatToken[monitor=" + monitor + ", configured=" + configured + "]";
  }
}

package dev.tickr.auth;

/**
 * Encrypts secret values before they are stored and decrypts them when they are read back: the
 * database never holds them in plain text.
 */
public interface Sealer {

  /** The value encrypted, as text safe to store. */
  String seal(String plain);

  /**
   * The value {@link #seal} was given.
   *
   * @throws IllegalStateException when it cannot be decrypted (the key changed); the message never
   *     holds the value or the key
   */
  String open(String sealed);
}

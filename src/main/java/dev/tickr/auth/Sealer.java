package dev.tickr.auth;

/**
 * Encrypts secret values before they are stored and decrypts them when they are read back: the
 * database never holds them in plain text.
 */
public interface Sealer {

  /** The value encrypted for {@code place}, as text safe to store. */
  String seal(String plain, SecretPlace place);

  /**
   * The value {@link #seal} was given for {@code place}.
   *
   * @throws IllegalStateException when it cannot be decrypted (the key changed, it was sealed for
   *     another place, it is damaged); the message names {@code place} and never holds the value or
   *     the key
   */
  String open(String sealed, SecretPlace place);
}

package dev.tickr.auth;

/**
 * A secret cannot be sealed or opened: a bad {@code TICKR_SECRET_KEY}, a key that changed, a
 * damaged value. The message never contains the key or the value.
 */
public final class SecretBoxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretBoxException(String message) {
    super(message);
  }
}

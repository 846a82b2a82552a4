package dev.tickr.auth;

/**
 * A request about accounts that cannot be done as asked: an unknown role, a name in use, a password
 * too short. The message is for people and names what is wrong; it never contains a secret.
 */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, so the API can answer 400, 404 or 409. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final String message;

  public AccountException(Kind kind, String message) {
    super(message);
    this.kind = kind;
    this.message = message;
  }

  @Override
  public String getMessage() {
    return message;
  }

  public Kind kind() {
    return kind;
  }
}

package dev.tickr.store;

/**
 * What a change to a user did: done, with the sessions it ended and the API tokens it revoked, or
 * why nothing changed.
 */
public record UserChange(Outcome outcome, int sessionsEnded, int tokensRevoked) {
  /** Whether the change was made, and if not, why. */
  public enum Outcome {
    DONE,
    NO_SUCH_USER,
    /** It would leave no admin: nobody could manage users and tokens any more. */
    LAST_ADMIN
  }

  static UserChange refused(Outcome why) {
    return new UserChange(why, 0, 0);
  }
}

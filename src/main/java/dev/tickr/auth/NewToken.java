package dev.tickr.auth;

import java.util.Objects;

/**
 * A token just made: {@link #secret()} is the only time its value exists outside the request that
 * carries it; show it once and forget it.
 */
public record NewToken(ApiToken token, String secret) {
  public NewToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(secret, "secret");
  }

  /** Leaves the secret out, so a log line or a failed assertion cannot show it. */
  @Override
  public String toString() {
    return "NewToken[" + token + "]";
  }
}

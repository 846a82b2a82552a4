package dev.tickr.auth;

import dev.tickr.store.AccountStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Who may do what, in one place: {@link #users()}, {@link #tokens()}, {@link #sessions()} and the
 * {@link #throttle()} of login attempts and the {@link #hashing()} permits, all on one store. The
 * web gate ({@code dev.tickr.web.Access}) and the command line use it; it holds no secret itself.
 */
public final class Accounts {
  private final Users users;
  private final ApiTokens tokens;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final HashPermits hashing;

  public Accounts(AccountStore store, Clock clock, SecureRandom random) {
    Passwords passwords = new Passwords(random);
    this.users = new Users(store, clock, passwords, random);
    this.tokens = new ApiTokens(store, clock, random);
    this.sessions = new Sessions(store, store, clock, passwords, random);
    this.throttle = new LoginThrottle(clock);
    this.hashing = HashPermits.perCore();
  }

  public Accounts(AccountStore store, Clock clock) {
    this(store, clock, new SecureRandom());
  }

  public Users users() {
    return users;
  }

  public ApiTokens tokens() {
    return tokens;
  }

  public Sessions sessions() {
    return sessions;
  }

  public LoginThrottle throttle() {
    return throttle;
  }

  /** Taken by a login for its password hash. */
  public HashPermits hashing() {
    return hashing;
  }
}

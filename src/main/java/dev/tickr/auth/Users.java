package dev.tickr.auth;

import dev.tickr.store.UserChange;
import dev.tickr.store.UserRow;
import dev.tickr.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dashboard users: the first {@code admin}, new users and new passwords. Passwords are kept only as
 * Argon2id hashes ({@link Passwords}) and never logged.
 */
public final class Users {
  /** The first user's name. */
  public static final String FIRST_ADMIN = "admin";

  /** Where the first admin's password comes from, when set. */
  public static final String PASSWORD_VARIABLE = "TICKR_ADMIN_PASSWORD";

  /** The fewest characters a password may have (OWASP ASVS 2.1.1 asks for at least 8). */
  public static final int MIN_PASSWORD = 8;

  /** The most: Argon2 takes any length, but a megabyte-long "password" is only a load. */
  public static final int MAX_PASSWORD = 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._@-]{0,63}");
  private static final Logger LOG = LoggerFactory.getLogger(Users.class);

  private final UserStore store;
  private final Clock clock;
  private final Passwords passwords;
  private final SecureRandom random;

  public Users(UserStore store, Clock clock, Passwords passwords, SecureRandom random) {
    this.store = store;
    this.clock = clock;
    this.passwords = passwords;
    this.random = random;
  }

  /**
   * The first admin, made when there is no user.
   *
   * @param generatedPassword the password Tickr made up, to be shown once; null when it came from
   *     {@link #PASSWORD_VARIABLE}
   */
  public record FirstAdmin(String name, @Nullable String generatedPassword) {
    /** Leaves the password out. */
    @Override
    public String toString() {
      return "FirstAdmin[name=" + name + ", generated=" + (generatedPassword != null) + "]";
    }
  }

  /**
   * On a first start (no user yet) makes the user {@code admin} with the password in {@link
   * #PASSWORD_VARIABLE}, or a generated one (144 random bits) to be shown once. Afterwards it does
   * nothing, whatever the environment says.
   *
   * @return the new admin, or empty when there were users already
   * @throws AccountException INVALID when the variable is set but too short or too long
   */
  public Optional<FirstAdmin> createFirstAdmin(Map<String, String> environment) {
    return createFirstAdmin(() -> planFirstAdmin(environment, passwords, random));
  }

  /**
   * The first admin's password and its hash, worked out before a store is at hand: hashing is
   * deliberately slow, and {@code tickr run} does it while its config is read.
   *
   * @param hash the Argon2id PHC string of the password
   * @param generated whether Tickr made the password up (to be shown once)
   */
  public record FirstAdminPlan(String password, boolean generated, String hash) {
    /** Leaves the password and hash out. */
    @Override
    public String toString() {
      return "FirstAdminPlan[generated=" + generated + "]";
    }
  }

  /**
   * The first admin's password from {@link #PASSWORD_VARIABLE}, or a generated one, with its hash.
   *
   * @throws AccountException INVALID when the variable is set but too short or too long
   */
  public static FirstAdminPlan planFirstAdmin(
      Map<String, String> environment, Passwords passwords, SecureRandom random) {
    String given = environment.get(PASSWORD_VARIABLE);
    boolean generated = given == null || given.isEmpty();
    String password;
    if (given == null || given.isEmpty()) {
      password = Digests.random(random, 18);
    } else {
      checkPassword(given, PASSWORD_VARIABLE);
      password = given;
    }
    return new FirstAdminPlan(password, generated, passwords.hash(password));
  }

  /**
   * {@link #createFirstAdmin(Map)} with a password that may have been planned ahead; {@code plan}
   * is asked only when there is no user yet.
   *
   * @return the new admin, or empty when there were users already
   * @throws AccountException what {@code plan} throws
   */
  public Optional<FirstAdmin> createFirstAdmin(Supplier<FirstAdminPlan> planned) {
    if (store.hasUsers()) {
      return Optional.empty();
    }
    FirstAdminPlan plan = planned.get();
    Instant now = clock.instant();
    boolean added =
        store.addUser(new UserRow(FIRST_ADMIN, plan.hash(), Role.ADMIN.code(), now, now));
    if (!added) {
      return Optional.empty(); // someone else was first
    }
    LOG.info(
        "user={} role=admin created password={}",
        FIRST_ADMIN,
        plan.generated() ? "generated" : "from " + PASSWORD_VARIABLE);
    return Optional.of(new FirstAdmin(FIRST_ADMIN, plan.generated() ? plan.password() : null));
  }

  /**
   * Adds a user.
   *
   * @throws AccountException INVALID for a bad name or password, CONFLICT when the name is taken
   */
  public void add(String name, String password, Role role) {
    checkName(name);
    checkPassword(password, "the password");
    Instant now = clock.instant();
    if (!store.addUser(new UserRow(name, passwords.hash(password), role.code(), now, now))) {
      throw new AccountException(
          AccountException.Kind.CONFLICT, "a user named \"" + name + "\" exists already");
    }
    LOG.info("user={} role={} created", name, role);
  }

  /**
   * Sets a user's password; every session of the user ends.
   *
   * @throws AccountException INVALID for a bad password, NOT_FOUND when there is no such user
   */
  public void changePassword(String name, String password) {
    checkPassword(password, "the password");
    if (!store.changePassword(name, passwords.hash(password), clock.instant())) {
      throw new AccountException(
          AccountException.Kind.NOT_FOUND, "no user named \"" + ApiTokens.printable(name) + "\"");
    }
    LOG.info("user={} password changed, sessions ended", name);
  }

  /**
   * Deletes a user: its sessions end and the API tokens it made are revoked, all at once.
   *
   * @return how many sessions ended and tokens were revoked
   * @throws AccountException NOT_FOUND when there is no such user, CONFLICT when it is the last
   *     admin (then nothing changes)
   */
  public UserChange delete(String name) {
    UserChange change =
        done(store.deleteUser(name, Principal.userLabel(name), clock.instant()), name);
    LOG.info(
        "user={} deleted sessionsEnded={} tokensRevoked={}",
        name,
        change.sessionsEnded(),
        change.tokensRevoked());
    return change;
  }

  /**
   * Gives a user another role. Its sessions go on with the new role at their next request; when it
   * stops being an admin, the admin tokens it made are revoked (a token may do no more than its
   * maker).
   *
   * @return how many tokens were revoked
   * @throws AccountException NOT_FOUND when there is no such user, CONFLICT when that would leave
   *     no admin (then nothing changes)
   */
  public UserChange setRole(String name, Role role) {
    UserChange change =
        done(
            store.setUserRole(name, role.code(), Principal.userLabel(name), clock.instant()), name);
    LOG.info("user={} role={} set tokensRevoked={}", name, role, change.tokensRevoked());
    return change;
  }

  private static UserChange done(UserChange change, String name) {
    return switch (change.outcome()) {
      case DONE -> change;
      case NO_SUCH_USER ->
          throw new AccountException(
              AccountException.Kind.NOT_FOUND,
              "no user named \"" + ApiTokens.printable(name) + "\"");
      case LAST_ADMIN ->
          throw new AccountException(
              AccountException.Kind.CONFLICT,
              "\""
                  + name
                  + "\" is the last admin: add another admin first (tickr user add NAME --role"
                  + " admin), or nobody could manage users and tokens any more");
    };
  }

  /** Every user: name, role and when made (the hash stays inside). */
  public List<UserRow> list() {
    return store.users();
  }

  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          "a user name is 1-64 letters, digits and . _ @ -, starting with a letter; got \""
              + ApiTokens.printable(name)
              + "\"");
    }
  }

  /** Refuses a password outside the lengths, naming {@code what} (never showing the value). */
  static void checkPassword(String password, String what) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          what + " must have at least " + MIN_PASSWORD + " characters, it has " + length);
    }
    if (length > MAX_PASSWORD) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          what + " must have at most " + MAX_PASSWORD + " characters, it has " + length);
    }
  }
}

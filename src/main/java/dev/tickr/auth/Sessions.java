package dev.tickr.auth;

import dev.tickr.store.SessionRow;
import dev.tickr.store.SessionStore;
import dev.tickr.store.StoreException;
import dev.tickr.store.UserRow;
import dev.tickr.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dashboard sessions: a login with a user's password starts one, identified by 256 random bits (the
 * cookie); the store keeps only the SHA-256 of that id, so a restart logs nobody out and a copy of
 * the database logs nobody in. A session ends after {@link #IDLE} without a request, after {@link
 * #ABSOLUTE} in any case, at logout, and when its user's password changes.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofHours(12);
  public static final Duration ABSOLUTE = Duration.ofDays(7);

  /** How often at most a session's last request is written. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final int ID_BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final byte[] CSRF_LABEL = "tickr csrf v1".getBytes(StandardCharsets.US_ASCII);
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private final SessionStore store;
  private final UserStore users;
  private final Clock clock;
  private final Passwords passwords;
  private final SecureRandom random;

  public Sessions(
      SessionStore store, UserStore users, Clock clock, Passwords passwords, SecureRandom random) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.passwords = passwords;
    this.random = random;
  }

  /**
   * Starts a session when the password is the user's. A wrong password and an unknown user take the
   * same time and give the same empty answer.
   */
  public Optional<Session> login(String user, String password) {
    Optional<UserRow> row =
        user.isEmpty() || user.length() > 64 ? Optional.empty() : users.user(user);
    boolean right = passwords.verify(password, row.map(UserRow::passwordHash).orElse(null));
    if (!right || row.isEmpty()) {
      return Optional.empty();
    }
    Optional<Role> role = Role.of(row.get().role());
    if (role.isEmpty()) {
      LOG.warn("user={} has an unknown role and may not log in", user);
      return Optional.empty();
    }
    Instant now = clock.instant();
    int ended = store.removeSessions(now.minus(IDLE), now.minus(ABSOLUTE));
    String id = Digests.random(random, ID_BYTES);
    store.addSession(Digests.sha256(id), row.get().name(), now);
    LOG.info("user={} logged in expiredSessionsRemoved={}", row.get().name(), ended);
    return Optional.of(
        new Session(
            id, new Principal(row.get().name(), role.get(), Principal.Kind.USER), csrf(id)));
  }

  /**
   * The live session with this id (the cookie's value), noting the request at most once a minute.
   */
  public Optional<Session> find(String id) {
    if (!SHAPE.matcher(id).matches()) {
      return Optional.empty();
    }
    String hash = Digests.sha256(id);
    Optional<SessionRow> found = store.session(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SessionRow row = found.get();
    Instant now = clock.instant();
    Optional<Role> role = Role.of(row.role());
    if (!now.isBefore(row.lastSeenAt().plus(IDLE))
        || !now.isBefore(row.createdAt().plus(ABSOLUTE))
        || role.isEmpty()) {
      quietly(() -> store.removeSession(hash));
      return Optional.empty();
    }
    if (!now.isBefore(row.lastSeenAt().plus(TOUCH_EVERY))) {
      quietly(() -> store.touchSession(hash, now));
    }
    return Optional.of(
        new Session(id, new Principal(row.user(), role.get(), Principal.Kind.USER), csrf(id)));
  }

  /** Ends the session with this id, if there is one. */
  public void logout(String id) {
    if (SHAPE.matcher(id).matches()) {
      store.removeSession(Digests.sha256(id));
    }
  }

  /**
   * A session's CSRF token: HMAC-SHA256 of a fixed label keyed with the session id. Only who holds
   * the id (the HttpOnly cookie) can make it; the store, which has only the id's hash, cannot.
   */
  static String csrf(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionId.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (StoreException e) {
      LOG.debug("a session's bookkeeping could not be written: {}", e.getMessage());
    }
  }
}

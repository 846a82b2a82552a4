package dev.tickr.auth;

import dev.tickr.store.ApiTokenRow;
import dev.tickr.store.ApiTokenStore;
import dev.tickr.store.StoreException;
import dev.tickr.time.Durations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: {@code tkr_} and 256 random bits (43 URL-safe characters). Only the SHA-256 of a
 * token is stored. A token is a long random secret, not something a person chose, so a fast hash is
 * enough: guessing is hopeless whatever the hash costs, and a slow KDF would only slow every
 * request (a KDF is for low-entropy passwords; see {@link Passwords}).
 *
 * <p>Every request's token is looked up in the store (an indexed read of the hash, live tokens
 * only), so a revocation takes effect on the very next request, also when {@code tickr token
 * revoke} runs in another process while the daemon runs.
 */
public final class ApiTokens {
  /** What every token starts with, so one is recognisable in a config or a secret scanner. */
  public static final String PREFIX = "tkr_";

  /** How often at most a token's last use is written. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** The shortest lifetime a token may be given. */
  public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);

  /** The longest lifetime a token may be given (ten years); without one it never expires. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  private static final int RANDOM_BYTES = 32;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._@-]{0,63}");
  private static final Pattern SHAPE = Pattern.compile("tkr_[A-Za-z0-9_-]{43}");
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

  private final ApiTokenStore store;
  private final Clock clock;
  private final SecureRandom random;

  public ApiTokens(ApiTokenStore store, Clock clock, SecureRandom random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Makes a token that works until it is revoked. Its secret is in the answer only; show it once.
   *
   * @param createdBy who asks: {@code cli}, or a {@link Principal#label()}
   * @throws AccountException INVALID for a bad name, CONFLICT when a live token has that name
   */
  public NewToken create(String name, Role role, String createdBy) {
    return create(name, role, createdBy, null);
  }

  /**
   * Makes a token that stops working {@code lifetime} from now (never when null). Its secret is in
   * the answer only; show it once.
   *
   * @param createdBy who asks: {@code cli}, or a {@link Principal#label()}
   * @throws AccountException INVALID for a bad name or lifetime ({@link #checkLifetime}), CONFLICT
   *     when a live token has that name
   */
  public NewToken create(String name, Role role, String createdBy, @Nullable Duration lifetime) {
    checkName(name);
    if (lifetime != null) {
      checkLifetime(lifetime);
    }
    Instant now = clock.instant();
    Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
    String secret = PREFIX + Digests.random(random, RANDOM_BYTES);
    Optional<ApiTokenRow> row =
        store.addApiToken(name, role.code(), Digests.sha256(secret), createdBy, now, expiresAt);
    if (row.isEmpty()) {
      throw new AccountException(
          AccountException.Kind.CONFLICT,
          "a token named \"" + name + "\" exists already (revoke it first, or pick another name)");
    }
    ApiToken token = ApiToken.of(row.get());
    LOG.info(
        "token={} id={} role={} createdBy={} expiresAt={} created",
        name,
        token.id(),
        role,
        createdBy,
        expiresAt == null ? "never" : expiresAt);
    return new NewToken(token, secret);
  }

  /** Every token, live and revoked, oldest first. */
  public List<ApiToken> list() {
    return store.apiTokens().stream().map(ApiToken::of).toList();
  }

  /**
   * Revokes a live token, by its id (all digits) or its name; it stops working at once.
   *
   * @return the token as revoked, or empty when no live token has that id or name
   */
  public Optional<ApiToken> revoke(String idOrName) {
    Instant now = clock.instant();
    boolean byId = !idOrName.isEmpty() && idOrName.chars().allMatch(c -> c >= '0' && c <= '9');
    String id = byId ? idOrName.replaceFirst("^0+(?=.)", "") : "";
    Optional<ApiToken> live =
        list().stream()
            .filter(ApiToken::live)
            .filter(t -> byId ? Long.toString(t.id()).equals(id) : t.name().equals(idOrName))
            .findFirst();
    if (live.isEmpty() || !store.revokeApiToken(live.get().id(), now)) {
      return Optional.empty();
    }
    ApiToken t = live.get();
    LOG.info("token={} id={} revoked", t.name(), t.id());
    return Optional.of(
        new ApiToken(
            t.id(),
            t.name(),
            t.role(),
            t.createdAt(),
            t.createdBy(),
            t.lastUsedAt(),
            now,
            t.expiresAt()));
  }

  /**
   * Who a bearer token stands for: empty when it is not a live token or has expired. Notes its use
   * at most once a minute.
   */
  public Optional<Principal> authenticate(String secret) {
    if (!SHAPE.matcher(secret).matches()) {
      return Optional.empty(); // not one of ours: no need to ask the store
    }
    Optional<ApiTokenRow> found = store.liveApiToken(Digests.sha256(secret));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiTokenRow row = found.get();
    Optional<Role> role = Role.of(row.role());
    if (role.isEmpty()) {
      LOG.warn("token={} id={} has an unknown role and is refused", row.name(), row.id());
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant expiresAt = row.expiresAt();
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      LOG.debug("token={} id={} expired at {} and is refused", row.name(), row.id(), expiresAt);
      return Optional.empty();
    }
    Instant last = row.lastUsedAt();
    if (last == null || !now.isBefore(last.plus(TOUCH_EVERY))) {
      try {
        store.touchApiToken(row.id(), now);
      } catch (StoreException e) {
        LOG.debug("token={} its last use could not be noted: {}", row.name(), e.getMessage());
      }
    }
    return Optional.of(new Principal(row.name(), role.get(), Principal.Kind.TOKEN));
  }

  /**
   * @throws AccountException INVALID unless the name is 1–64 letters, digits and {@code ._@-},
   *     starting with a letter (so it is never mistaken for an id)
   */
  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          "a token name is 1-64 letters, digits and . _ @ -, starting with a letter; got \""
              + printable(name)
              + "\"");
    }
  }

  /**
   * @throws AccountException INVALID unless the lifetime is from {@link #MIN_LIFETIME} to {@link
   *     #MAX_LIFETIME}
   */
  public static void checkLifetime(Duration lifetime) {
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          "a token's lifetime is from 1m to 3650d, got " + Durations.format(lifetime));
    }
  }

  static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}

package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * API tokens, kept by the hash of their secret.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface ApiTokenStore {
  /**
   * Adds an API token with a new id, stored by the hash of its secret; durable when this returns.
   *
   * @param role {@code admin} or {@code viewer}
   * @param expiresAt when the token stops working, or null for never
   * @return empty when a live (not revoked) token has that name already
   */
  Optional<ApiTokenRow> addApiToken(
      String name,
      String role,
      String tokenHash,
      String createdBy,
      Instant at,
      @Nullable Instant expiresAt);

  /** Every API token, live and revoked, by id. */
  List<ApiTokenRow> apiTokens();

  /** The live token with this hash (an indexed read). */
  Optional<ApiTokenRow> liveApiToken(String tokenHash);

  /**
   * Revokes a live token; durable when this returns.
   *
   * @return false when no live token has this id
   */
  boolean revokeApiToken(long id, Instant at);

  /** Notes that a token was used at {@code at} (never moves the time back). */
  void touchApiToken(long id, Instant at);
}

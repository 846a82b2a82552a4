package dev.tickr.check.auth;

import dev.tickr.check.Check;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Redaction;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth2 tokens of every monitor, one per distinct {@link OAuth2Settings}: made once by the
 * composition root and kept across config reloads, so that a reload fetches no token again and
 * monitors with the same settings share one. Tokens are fetched through the HTTP check, with the
 * deadline of the check that needs one.
 */
public final class OAuth2Tokens {
  /** Past this many slots, idle ones are let go when a new one is made. */
  private static final int PRUNE_ABOVE = 64;

  private final Check<HttpTarget> http;
  private final Clock clock;
  private final Map<OAuth2Settings, TokenSlot> slots = new ConcurrentHashMap<>();

  public OAuth2Tokens(Check<HttpTarget> http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The auth of a request with these settings. */
  public OAuth2Auth auth(OAuth2Settings settings) {
    return new OAuth2Auth(settings, this);
  }

  TokenSlot slot(OAuth2Settings settings) {
    TokenSlot slot = slots.get(settings);
    if (slot != null) {
      return slot;
    }
    if (slots.size() > PRUNE_ABOVE) {
      Instant now = clock.instant();
      slots.values().removeIf(s -> s.idle(now));
    }
    return slots.computeIfAbsent(
        settings, s -> new TokenSlot(s, http, clock, OAuth2Tokens.ownSecrets(s)));
  }

  /** The slot of these settings, if a token was ever asked for with them. */
  @Nullable TokenSlot existing(OAuth2Settings settings) {
    return slots.get(settings);
  }

  /**
   * What the settings themselves hold that is secret: the client secret, the Basic credentials made
   * of it, and the values of extra fields whose names say they are secret.
   */
  static Set<String> ownSecrets(OAuth2Settings s) {
    Set<String> out = new LinkedHashSet<>();
    out.add(s.clientSecret());
    out.add(TokenRequest.basic(s));
    s.params()
        .forEach(
            (name, value) -> {
              if (Redaction.isSecretName(name)) {
                out.add(value);
              }
            });
    return Set.copyOf(out);
  }
}

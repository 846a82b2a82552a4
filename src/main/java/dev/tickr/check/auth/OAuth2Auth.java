package dev.tickr.check.auth;

import dev.tickr.check.Deadline;
import dev.tickr.check.Redaction;
import dev.tickr.check.RequestAuth;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * OAuth2 client credentials: each request carries {@code Authorization: Bearer <token>}, the token
 * shared with every monitor of the same settings through {@link OAuth2Tokens}. A 401 drops the
 * token, and the check asks once more with a new one.
 */
public final class OAuth2Auth implements RequestAuth {
  private final OAuth2Settings settings;
  private final OAuth2Tokens tokens;
  private final Set<String> ownSecrets;

  OAuth2Auth(OAuth2Settings settings, OAuth2Tokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
    this.ownSecrets = OAuth2Tokens.ownSecrets(settings);
  }

  public OAuth2Settings settings() {
    return settings;
  }

  @Override
  public Outcome apply(Request request, Deadline deadline) {
    return tokens.slot(settings).get(deadline, request.via());
  }

  @Override
  public boolean rejected(Credentials used) {
    return tokens.slot(settings).rejected(used);
  }

  /** The client secret (and what is made of it), and the tokens made lately. */
  @Override
  public Set<String> secretValues() {
    TokenSlot slot = tokens.existing(settings);
    if (slot == null) {
      return ownSecrets;
    }
    Set<String> out = new LinkedHashSet<>(ownSecrets);
    out.addAll(slot.recentTokens());
    return out;
  }

  @Override
  public String describe() {
    return "OAuth2 client credentials from " + Redaction.url(settings.tokenUrl());
  }

  @Override
  public String identity() {
    return settings.identity();
  }

  @Override
  public String toString() {
    return describe();
  }
}

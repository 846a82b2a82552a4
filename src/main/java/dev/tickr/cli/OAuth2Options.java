package dev.tickr.cli;

import dev.tickr.check.Redaction;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.auth.OAuth2Settings;
import dev.tickr.check.auth.OAuth2Settings.ClientAuth;
import dev.tickr.check.auth.OAuth2Tokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code tickr check}'s OAuth2 client credentials flags: the same settings as {@code auth: {oauth2:
 * ...}} in the config.
 */
final class OAuth2Options {
  @Option(
      names = "--oauth2-token-url",
      paramLabel = "URL",
      description =
          "Get a Bearer token from this OAuth2 token endpoint (client credentials grant);"
              + " https:// (http:// only to a loopback host).")
  @Nullable String tokenUrl;

  @Option(names = "--client-id", paramLabel = "ID", description = "OAuth2 client id.")
  @Nullable String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description = "OAuth2 client secret; write env:NAME to keep it out of the shell history.")
  @Nullable String clientSecret;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "OAuth2 scope form field.")
  @Nullable String scope;

  @Option(names = "--audience", paramLabel = "AUDIENCE", description = "OAuth2 audience field.")
  @Nullable String audience;

  @Option(
      names = "--oauth2-param",
      paramLabel = "NAME=VALUE",
      description = "Another form field of the token request; repeatable.")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--client-auth",
      paramLabel = "basic|body",
      description =
          "Send the client id and secret as Authorization: Basic (default) or in the body.")
  @Nullable String clientAuth;

  /**
   * The auth these flags ask for, or {@code null} when none is given.
   *
   * @param otherAuthorization the flag that already sets the Authorization header, or {@code null}
   */
  @Nullable RequestAuth auth(
      Secrets secrets, OAuth2Tokens tokens, @Nullable String otherAuthorization) {
    if (tokenUrl == null) {
      String stray = stray();
      if (stray != null) {
        throw new UsageException(stray + ": needs --oauth2-token-url");
      }
      return null;
    }
    if (otherAuthorization != null) {
      throw new UsageException(
          "--oauth2-token-url: sets the Authorization header, which "
              + otherAuthorization
              + " also sets; keep one");
    }
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw new UsageException("--oauth2-token-url: needs --client-id and --client-secret");
    }
    return tokens.auth(
        new OAuth2Settings(
            url(tokenUrl),
            clientId,
            secrets.resolve("--client-secret", clientSecret),
            scope,
            audience,
            params(secrets),
            how()));
  }

  private @Nullable String stray() {
    if (clientId != null) {
      return "--client-id";
    }
    if (clientSecret != null) {
      return "--client-secret";
    }
    if (scope != null) {
      return "--scope";
    }
    if (audience != null) {
      return "--audience";
    }
    if (!params.isEmpty()) {
      return "--oauth2-param";
    }
    return clientAuth != null ? "--client-auth" : null;
  }

  private static URI url(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UsageException("--oauth2-token-url: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      throw new UsageException(
          "--oauth2-token-url: must be an https:// URL, got \"" + Redaction.url(uri) + "\"");
    }
    if (scheme.equals("http") && !OAuth2Settings.loopbackHost(uri.getHost())) {
      throw new UsageException(
          "--oauth2-token-url: must be https:// (the client secret is sent to it); http:// is"
              + " allowed only to a loopback host, got \""
              + Redaction.url(uri)
              + "\"");
    }
    return uri;
  }

  private Map<String, String> params(Secrets secrets) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--oauth2-param: expected NAME=VALUE, got \"" + p + "\"");
      }
      String name = p.substring(0, eq);
      if (List.of("grant_type", "client_id", "client_secret", "scope", "audience").contains(name)) {
        throw new UsageException("--oauth2-param: " + name + " is sent by Tickr itself");
      }
      out.put(name, secrets.resolve("--oauth2-param " + name, p.substring(eq + 1)));
    }
    return out;
  }

  private ClientAuth how() {
    if (clientAuth == null) {
      return ClientAuth.BASIC;
    }
    return switch (clientAuth) {
      case "basic" -> ClientAuth.BASIC;
      case "body" -> ClientAuth.BODY;
      default ->
          throw new UsageException(
              "--client-auth: must be basic or body, got \"" + clientAuth + "\"");
    };
  }
}

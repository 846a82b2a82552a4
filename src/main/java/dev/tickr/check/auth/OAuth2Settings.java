package dev.tickr.check.auth;

import dev.tickr.check.Redaction;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to get an OAuth2 access token with the client credentials grant (RFC 6749 §4.4). A value:
 * monitors with equal settings share one token ({@link OAuth2Tokens}).
 *
 * @param tokenUrl where the token is asked for, by {@code POST}
 * @param scope sent as the {@code scope} form field, or {@code null}
 * @param audience sent as the {@code audience} form field, or {@code null}
 * @param params more form fields, in order
 * @param clientAuth how the client id and secret are sent
 */
public record OAuth2Settings(
    URI tokenUrl,
    String clientId,
    String clientSecret,
    @Nullable String scope,
    @Nullable String audience,
    Map<String, String> params,
    ClientAuth clientAuth) {

  /** How the client authenticates to the token endpoint (RFC 6749 §2.3.1). */
  public enum ClientAuth {
    /** {@code Authorization: Basic}, the id and secret form-encoded first: the RFC's default. */
    BASIC,
    /** {@code client_id} and {@code client_secret} as form fields of the body. */
    BODY;

    /** The config spelling: {@code basic} or {@code body}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public OAuth2Settings {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Whether {@code host} is {@code localhost} or a loopback address written as one (never looked
   * up): the only hosts a token URL may reach over plain {@code http://}, since the client secret
   * is sent to it.
   */
  public static boolean loopbackHost(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    h = h.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.matches("[0-9a-f:.]*:[0-9a-f:.]*")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Everything, the secret included: only ever hashed, to notice an edit. */
  public String identity() {
    return "oauth2\n"
        + tokenUrl
        + "\n"
        + clientId
        + "\n"
        + clientSecret
        + "\n"
        + scope
        + "\n"
        + audience
        + "\n"
        + params
        + "\n"
        + clientAuth;
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "OAuth2Settings[" + Redaction.url(tokenUrl) + ", client-id=" + clientId + "]";
  }
}

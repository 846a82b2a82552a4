package dev.tickr.web;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The session cookie and the login form's token cookie: their names, flags and reading. Both are
 * HttpOnly; the session's is SameSite=Lax, the form token's SameSite=Strict. They are {@code
 * Secure} when {@code server.public-url} is {@code https://} (read at each request, so a reload
 * counts) or the request came over HTTPS, directly or through a trusted proxy that says so ({@code
 * X-Forwarded-Proto}, {@code Forwarded}; see {@link ClientAddress}). A secure session cookie is
 * named {@code __Host-tickr_session} (Path=/, no Domain: no other host or plain-HTTP page can set
 * it), the form token's {@code __Secure-tickr_login_csrf}; without HTTPS they are {@code
 * tickr_session} and {@code tickr_login_csrf}. A request is read by the name its answers would set,
 * never the other.
 */
final class Cookies {
  static final String SESSION = "tickr_session";
  static final String HOST_SESSION = "__Host-" + SESSION;
  static final String LOGIN_TOKEN = "tickr_login_csrf";
  static final String SECURE_LOGIN_TOKEN = "__Secure-" + LOGIN_TOKEN;
  private static final String LOGIN_PATH = "/login";

  private final Supplier<@Nullable URI> publicUrl;
  private final ClientAddress clients;

  /**
   * @param publicUrl the current {@code server.public-url}, or null when none is set
   * @param clients whether a request came over HTTPS, believing only trusted proxies
   */
  Cookies(Supplier<@Nullable URI> publicUrl, ClientAddress clients) {
    this.publicUrl = publicUrl;
    this.clients = clients;
  }

  /** Who sent a request, believing only trusted proxies. */
  ClientAddress clients() {
    return clients;
  }

  /** The session id the request carries, under the name in use. */
  @Nullable String session(Context ctx) {
    return ctx.cookie(secure(ctx) ? HOST_SESSION : SESSION);
  }

  void setSession(Context ctx, String id, Duration maxAge) {
    boolean secure = secure(ctx);
    ctx.addHeader(
        "Set-Cookie", header(secure ? HOST_SESSION : SESSION, id, "/", maxAge, "Lax", secure));
  }

  void clearSession(Context ctx) {
    setSession(ctx, "", Duration.ZERO);
  }

  /** The login form's double-submit token the request carries, under the name in use. */
  @Nullable String loginToken(Context ctx) {
    return ctx.cookie(secure(ctx) ? SECURE_LOGIN_TOKEN : LOGIN_TOKEN);
  }

  void setLoginToken(Context ctx, String token, Duration maxAge) {
    boolean secure = secure(ctx);
    ctx.addHeader(
        "Set-Cookie",
        header(
            secure ? SECURE_LOGIN_TOKEN : LOGIN_TOKEN,
            token,
            LOGIN_PATH,
            maxAge,
            "Strict",
            secure));
  }

  void clearLoginToken(Context ctx) {
    setLoginToken(ctx, "", Duration.ZERO);
  }

  /** Whether the cookies of this answer are {@code Secure} (and so carry the prefixed names). */
  boolean secure(Context ctx) {
    URI url = publicUrl.get();
    if (url != null && "https".equalsIgnoreCase(url.getScheme())) {
      return true;
    }
    return clients.https(ctx);
  }

  /** A {@code Set-Cookie} value; an empty value with max age 0 removes the cookie. */
  static String header(
      String name, String value, String path, Duration maxAge, String sameSite, boolean secure) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite="
        + sameSite
        + (secure ? "; Secure" : "");
  }
}

package dev.tickr.web;

import dev.tickr.auth.Accounts;
import dev.tickr.auth.LoginThrottle;
import dev.tickr.auth.Session;
import dev.tickr.auth.Sessions;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /login} (the form), {@code POST /login} (user name, password and a CSRF token that
 * must match the form's cookie: a double submit, since there is no session yet) and {@code POST
 * /logout}. A wrong user and a wrong password get the same answer; {@link LoginThrottle} answers
 * 429 with {@code Retry-After} after too many failures.
 */
final class LoginRoutes {
  static final String LOGIN_CSRF_COOKIE = "tickr_login_csrf";
  private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);
  private static final Pattern SAFE_NEXT = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]{0,2047}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);

  private LoginRoutes() {}

  static void add(JavalinConfig config, @Nullable Accounts accounts) {
    config.routes.get("/login", ctx -> form(ctx, accounts));
    config.routes.post("/login", ctx -> login(ctx, accounts));
    config.routes.post("/logout", ctx -> logout(ctx, accounts));
  }

  private static void form(Context ctx, @Nullable Accounts accounts) {
    String next = safeNext(ctx.queryParam("next"));
    String cookie = ctx.cookie(Access.SESSION_COOKIE);
    if (cookie != null && accounts != null && accounts.sessions().find(cookie).isPresent()) {
      ctx.redirect(next, HttpStatus.SEE_OTHER);
      return;
    }
    page(ctx, HttpStatus.OK, next, "", null);
  }

  private static void login(Context ctx, @Nullable Accounts accounts) {
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String next = safeNext(ctx.formParam("next"));
    String formToken = ctx.formParam(Access.CSRF_FIELD);
    String cookieToken = ctx.cookie(LOGIN_CSRF_COOKIE);
    if (formToken == null
        || cookieToken == null
        || !MessageDigest.isEqual(
            formToken.getBytes(StandardCharsets.UTF_8),
            cookieToken.getBytes(StandardCharsets.UTF_8))) {
      page(
          ctx,
          HttpStatus.FORBIDDEN,
          next,
          user,
          "The login form expired or came from elsewhere. Please try again.");
      return;
    }
    if (accounts == null) {
      page(ctx, HttpStatus.UNAUTHORIZED, next, user, "Wrong user name or password.");
      return;
    }
    String ip = ctx.ip();
    Optional<Duration> wait = accounts.throttle().retryAfter(ip, user);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      page(
          ctx,
          HttpStatus.TOO_MANY_REQUESTS,
          next,
          user,
          "Too many failed logins. Try again in " + seconds + " s.");
      return;
    }
    Optional<Session> session = accounts.sessions().login(user, password);
    if (session.isEmpty()) {
      accounts.throttle().failed(ip, user);
      LOG.info("login failed client={}", ip);
      page(ctx, HttpStatus.UNAUTHORIZED, next, user, "Wrong user name or password.");
      return;
    }
    accounts.throttle().succeeded(user);
    String old = ctx.cookie(Access.SESSION_COOKIE);
    if (old != null) {
      accounts.sessions().logout(old); // a session id is never reused across logins
    }
    ctx.addHeader(
        "Set-Cookie",
        cookie(Access.SESSION_COOKIE, session.get().id(), "/", Sessions.ABSOLUTE, secure(ctx)));
    ctx.addHeader(
        "Set-Cookie", cookie(LOGIN_CSRF_COOKIE, "", "/login", Duration.ZERO, secure(ctx)));
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  /** Behind the gate: a session with its CSRF token (or a bearer token) got here. */
  private static void logout(Context ctx, @Nullable Accounts accounts) {
    Optional<Session> session = Access.session(ctx);
    if (session.isPresent() && accounts != null) {
      accounts.sessions().logout(session.get().id());
      LOG.info("user={} logged out", session.get().principal().name());
    }
    clearSessionCookie(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  static void clearSessionCookie(Context ctx) {
    ctx.addHeader("Set-Cookie", cookie(Access.SESSION_COOKIE, "", "/", Duration.ZERO, secure(ctx)));
  }

  /** The login form, with a fresh double-submit token in its field and its cookie. */
  private static void page(
      Context ctx, HttpStatus status, String next, String user, @Nullable String error) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ctx.addHeader(
        "Set-Cookie", cookie(LOGIN_CSRF_COOKIE, token, "/login", LOGIN_FORM_LIFETIME, secure(ctx)));
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors"
            + " 'none'; base-uri 'none'");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.status(status).html(LoginPage.html(next, user, token, error));
  }

  /**
   * A {@code Set-Cookie} value: HttpOnly, SameSite=Lax (Strict for the login form's token), Secure
   * over HTTPS; an empty value with max age 0 removes it.
   */
  static String cookie(String name, String value, String path, Duration maxAge, boolean secure) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite="
        + (name.equals(LOGIN_CSRF_COOKIE) ? "Strict" : "Lax")
        + (secure ? "; Secure" : "");
  }

  /** Came over HTTPS, directly or through a proxy that says so. */
  static boolean secure(Context ctx) {
    if (ctx.scheme().equalsIgnoreCase("https")) {
      return true;
    }
    String forwarded = ctx.header("X-Forwarded-Proto");
    return forwarded != null
        && forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https");
  }

  /** Where to go after the login: a path on this server only, else {@code /}. */
  static String safeNext(@Nullable String next) {
    return next != null && SAFE_NEXT.matcher(next).matches() ? next : "/";
  }
}

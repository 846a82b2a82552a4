package dev.tickr.web;

import dev.tickr.auth.Accounts;
import dev.tickr.auth.HashPermits;
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
 * /logout}. A wrong user and a wrong password get the same answer. The login form is posted as
 * {@code application/x-www-form-urlencoded} of at most {@link #MAX_FORM_BYTES}: another type is
 * 415, a longer body 413, a body of unknown length 411, all before it is read. Each attempt is
 * counted by {@link LoginThrottle} before its password is verified (429 with {@code Retry-After}
 * while the address and name must wait), and needs one of the {@link HashPermits} (503 with {@code
 * Retry-After}, without hashing, when all are taken).
 */
final class LoginRoutes {
  static final int MAX_FORM_BYTES = 8 * 1024;
  private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);
  private static final Pattern SAFE_NEXT = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]{0,2047}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);

  private final @Nullable Accounts accounts;
  private final Cookies cookies;

  private LoginRoutes(@Nullable Accounts accounts, Cookies cookies) {
    this.accounts = accounts;
    this.cookies = cookies;
  }

  static void add(JavalinConfig config, @Nullable Accounts accounts, Cookies cookies) {
    LoginRoutes routes = new LoginRoutes(accounts, cookies);
    config.routes.get("/login", routes::form);
    config.routes.post("/login", routes::post);
    config.routes.post("/logout", routes::logout);
  }

  private void form(Context ctx) {
    String next = safeNext(ctx.queryParam("next"));
    String cookie = cookies.session(ctx);
    if (cookie != null && accounts != null && accounts.sessions().find(cookie).isPresent()) {
      ctx.redirect(next, HttpStatus.SEE_OTHER);
      return;
    }
    page(ctx, HttpStatus.OK, next, "", null);
  }

  private void post(Context ctx) {
    if (formRefused(ctx)) {
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String next = safeNext(ctx.formParam("next"));
    String formToken = ctx.formParam(Access.CSRF_FIELD);
    String cookieToken = cookies.loginToken(ctx);
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
    login(ctx, accounts, user, password, next);
  }

  /**
   * Answers 415, 411 or 413 to a body that is not a short URL-encoded form, from the request's head
   * alone.
   */
  private static boolean formRefused(Context ctx) {
    String type = ctx.contentType();
    if (type == null
        || !type.strip()
            .toLowerCase(Locale.ROOT)
            .matches("application/x-www-form-urlencoded\\s*(;.*)?")) {
      refuse(
          ctx,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "the login form is sent as application/x-www-form-urlencoded\n");
      return true;
    }
    long length = ctx.req().getContentLengthLong();
    if (length < 0) {
      refuse(ctx, HttpStatus.LENGTH_REQUIRED, "the login form needs a Content-Length\n");
      return true;
    }
    if (length > MAX_FORM_BYTES) {
      refuse(
          ctx,
          HttpStatus.CONTENT_TOO_LARGE,
          "the login form is at most " + MAX_FORM_BYTES + " bytes\n");
      return true;
    }
    return false;
  }

  private static void refuse(Context ctx, HttpStatus status, String why) {
    ctx.header("Connection", "close"); // the body stays unread (UnreadBody drops a short one)
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("text/plain; charset=utf-8").result(why);
  }

  private void login(Context ctx, Accounts accounts, String user, String password, String next) {
    String ip = cookies.clients().ip(ctx); // behind a trusted proxy, the client's own address
    if (!accounts.hashing().tryAcquire()) {
      LOG.info("login refused busy=true client={}", ip);
      ctx.header("Retry-After", "1");
      page(
          ctx,
          HttpStatus.SERVICE_UNAVAILABLE,
          next,
          user,
          "Too many logins at once. Please try again in a moment.");
      return;
    }
    Optional<Session> session;
    try {
      Optional<Duration> wait = accounts.throttle().attempt(ip, user);
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
      session = accounts.sessions().login(user, password);
    } finally {
      accounts.hashing().release();
    }
    if (session.isEmpty()) {
      LOG.info("login failed client={}", ip);
      page(ctx, HttpStatus.UNAUTHORIZED, next, user, "Wrong user name or password.");
      return;
    }
    accounts.throttle().succeeded(ip, user);
    String old = cookies.session(ctx);
    if (old != null) {
      accounts.sessions().logout(old); // a session id is never reused across logins
    }
    cookies.setSession(ctx, session.get().id(), Sessions.ABSOLUTE);
    cookies.clearLoginToken(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  /** Behind the gate: a session with its CSRF token (or a bearer token) got here. */
  private void logout(Context ctx) {
    Optional<Session> session = Access.session(ctx);
    if (session.isPresent() && accounts != null) {
      accounts.sessions().logout(session.get().id());
      LOG.info("user={} logged out", session.get().principal().name());
    }
    cookies.clearSession(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** The login form, with a fresh double-submit token in its field and its cookie. */
  private void page(
      Context ctx, HttpStatus status, String next, String user, @Nullable String error) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    cookies.setLoginToken(ctx, token, LOGIN_FORM_LIFETIME);
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors"
            + " 'none'; base-uri 'none'");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.status(status).html(LoginPage.html(next, user, token, error));
  }

  /** Where to go after the login: a path on this server only, else {@code /}. */
  static String safeNext(@Nullable String next) {
    return next != null && SAFE_NEXT.matcher(next).matches() ? next : "/";
  }
}

package dev.tickr.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Principal;
import dev.tickr.auth.Session;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what over HTTP. Everything is closed but the public paths ({@code /healthz}, {@code
 * /readyz}, {@code /metrics} behind its own {@link MetricsGate}, {@code /ping/*}, {@code /status},
 * {@code /status/*}, {@code /badge/*}, {@code /login}): a request needs {@code Authorization:
 * Bearer <API token>} or the session cookie of a logged-in user. Without, {@code /api/*} answers
 * 401 (RFC 9457 problem JSON, {@code WWW-Authenticate: Bearer}) and pages redirect to {@code
 * /login?next=…}. A viewer may only read (GET, HEAD, OPTIONS): anything else is 403. A
 * state-changing request that rides on the session cookie must carry the session's CSRF token, as
 * form field {@code csrf} or header {@code X-CSRF-Token} ({@link #csrfToken}); a bearer token needs
 * none (a browser never adds it by itself).
 *
 * <p>The request's {@link Principal} is on the context for route code: {@link #principal}.
 */
public final class Access {
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "csrf";

  private static final String PRINCIPAL = "tickr.access.principal";
  private static final String SESSION = "tickr.access.session";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Access() {}

  /**
   * Installs the gate in front of every route, and {@code GET/POST /login} and {@code POST
   * /logout}.
   *
   * @param accounts where users, tokens and sessions are; null: nobody can log in, and only the
   *     public paths are served
   * @param cookies how the session cookie is named, set and read
   */
  static void install(JavalinConfig config, @Nullable Accounts accounts, Cookies cookies) {
    config.routes.before(ctx -> gate(ctx, accounts, cookies));
    LoginRoutes.add(config, accounts, cookies);
  }

  /** Who made this request; empty only on a public path. */
  public static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.<Principal>attribute(PRINCIPAL));
  }

  /**
   * Who made this request, on a path behind the gate.
   *
   * @throws IllegalStateException on a public path, where nobody needs to be anyone
   */
  public static Principal requirePrincipal(Context ctx) {
    return principal(ctx)
        .orElseThrow(() -> new IllegalStateException(ctx.path() + " is a public path"));
  }

  /**
   * The CSRF token a page of this request must put in its forms (field {@code csrf}) or scripts
   * must send (header {@code X-CSRF-Token}); empty when the request has no session (a bearer token
   * needs none).
   */
  public static Optional<String> csrfToken(Context ctx) {
    return session(ctx).map(Session::csrfToken);
  }

  static Optional<Session> session(Context ctx) {
    return Optional.ofNullable(ctx.<Session>attribute(SESSION));
  }

  /** Paths anyone may request. Everything else is closed unless opened here. */
  static boolean isPublic(String path) {
    return path.equals("/healthz")
        || path.equals("/readyz")
        || path.equals("/metrics")
        || path.startsWith("/ping/")
        || path.equals("/status")
        || path.startsWith("/status/")
        || path.startsWith("/badge/")
        || path.startsWith("/assets/")
        || path.equals("/login");
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** GET, HEAD, OPTIONS: they change nothing, so need no CSRF token and no write permission. */
  static boolean reads(Context ctx) {
    String method = ctx.method().name();
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  private static void gate(Context ctx, @Nullable Accounts accounts, Cookies cookies) {
    String path = ctx.path();
    if (isPublic(path)) {
      return;
    }
    boolean api = isApi(path);
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<Principal> byToken =
          accounts == null
              ? Optional.empty()
              : accounts.tokens().authenticate(authorization.substring(7).strip());
      if (byToken.isEmpty()) {
        unauthorized(ctx, "the bearer token is not valid (unknown, malformed or revoked)");
        return;
      }
      allow(ctx, byToken.get(), null, api);
      return;
    }
    String cookie = cookies.session(ctx);
    Optional<Session> session =
        cookie == null || accounts == null ? Optional.empty() : accounts.sessions().find(cookie);
    if (session.isPresent()) {
      allow(ctx, session.get().principal(), session.get(), api);
      return;
    }
    if (cookie != null) {
      cookies.clearSession(ctx);
    }
    if (api) {
      unauthorized(
          ctx,
          "authentication is required: Authorization: Bearer <API token>, or log in at /login");
    } else {
      ctx.header("Cache-Control", "no-store");
      ctx.redirect(loginPath(ctx), HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
    }
  }

  private static void allow(
      Context ctx, Principal principal, @Nullable Session session, boolean api) {
    if (session != null && !reads(ctx) && !csrfOk(ctx, session)) {
      forbidden(
          ctx,
          api,
          "a CSRF token is required: send the session's token as header "
              + CSRF_HEADER
              + " or form field "
              + CSRF_FIELD);
      return;
    }
    if (!principal.mayWrite() && !reads(ctx) && !ctx.path().equals("/logout")) {
      forbidden(ctx, api, principal.role() + " " + principal.name() + " may only read (GET, HEAD)");
      return;
    }
    ctx.attribute(PRINCIPAL, principal);
    if (session != null) {
      ctx.attribute(SESSION, session);
    }
  }

  private static boolean csrfOk(Context ctx, Session session) {
    String given = ctx.header(CSRF_HEADER);
    if (given == null && formBody(ctx)) {
      given = ctx.formParam(CSRF_FIELD);
    }
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  static boolean formBody(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
  }

  /** {@code /login?next=<this path and query>}. */
  private static String loginPath(Context ctx) {
    String query = ctx.queryString();
    String next = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    return next.equals("/")
        ? "/login"
        : "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  private static void unauthorized(Context ctx, String detail) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"tickr\"");
    problem(ctx, HttpStatus.UNAUTHORIZED, detail);
  }

  private static void forbidden(Context ctx, boolean api, String detail) {
    if (api) {
      problem(ctx, HttpStatus.FORBIDDEN, detail);
    } else {
      ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result(detail);
      ctx.header("Cache-Control", "no-store");
      ctx.skipRemainingHandlers();
    }
  }

  /** An RFC 9457 problem: {@code {"type","title","status","detail"}}, and no further handler. */
  static void problem(Context ctx, HttpStatus status, String detail) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", status.getMessage());
    body.put("status", status.getCode());
    body.put("detail", detail);
    ctx.status(status).contentType("application/problem+json").result(body.toString());
    ctx.header("Cache-Control", "no-store");
    ctx.skipRemainingHandlers();
  }
}

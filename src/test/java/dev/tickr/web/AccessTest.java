package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Role;
import dev.tickr.config.ServerSpec;
import dev.tickr.testing.Browser;
import dev.tickr.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in front of the web server, on a real server on loopback with a real store: bearer
 * tokens, sessions, CSRF, roles, public paths and the login form. The {@code /api/v1} routes are
 * not here yet: a probe path shows the gate answers before routing (401 for a path no route has),
 * and lets through to routing (404) what it should.
 */
class AccessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "/api/v1/monitors/probe";

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private volatile ServerSpec settings = ServerSpec.DEFAULT;
  private TestSite site;
  private Accounts accounts;
  private Browser browser;
  private int port;

  @BeforeEach
  void start() {
    site =
        TestSite.start(
            dir,
            clock,
            () -> settings,
            config ->
                config.routes.get(
                    "/",
                    ctx ->
                        ctx.html(
                            "<h1>Tickr</h1>"
                                + Access.principal(ctx)
                                    .map(
                                        p ->
                                            LoginPage.logoutForm(
                                                p.name(), Access.csrfToken(ctx).orElse(null)))
                                    .orElse(""))));
    accounts = site.accounts();
    accounts.users().add("vera", "vera-password", Role.VIEWER);
    browser = site.browser();
    port = site.port();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private static JsonNode problem(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText()).isNotEmpty();
    assertThat(body.path("title").asText()).isNotEmpty();
    assertThat(body.path("detail").asText()).isNotEmpty();
    return body;
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void an_api_request_without_credentials_is_401_problem_json_even_where_no_route_is()
      throws Exception {
    for (String path : List.of(PROBE, "/api/v1/not-yet-written", "/api", "/api/v1/openapi.json")) {
      HttpResponse<String> answer = browser.get(path);
      problem(answer, 401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    problem(browser.post(PROBE, "{}"), 401);
    problem(browser.send("DELETE", PROBE, null, null), 401);
  }

  @Test
  void a_wrong_malformed_or_other_scheme_credential_is_401() throws Exception {
    String real = accounts.tokens().create("ci", Role.ADMIN, "test").secret();
    String wrong = real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A");
    problem(browser.get(PROBE, "Authorization", bearer(wrong)), 401);
    problem(browser.get(PROBE, "Authorization", bearer("tkr_short")), 401);
    problem(browser.get(PROBE, "Authorization", bearer("")), 401);
    problem(browser.get(PROBE, "Authorization", "Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ="), 401);
    assertThat(browser.get("/", "Authorization", bearer(wrong)).statusCode()).isEqualTo(401);
  }

  @Test
  void an_admin_token_passes_the_gate_for_reads_and_writes() throws Exception {
    String token = accounts.tokens().create("deploy", Role.ADMIN, "test").secret();
    assertThat(token).startsWith("tkr_").hasSize(4 + 43);
    assertThat(browser.get(PROBE, "Authorization", bearer(token)).statusCode())
        .as("past the gate, the router has no such route")
        .isEqualTo(404);
    assertThat(browser.post(PROBE, "{}", "Authorization", bearer(token)).statusCode())
        .as("a bearer token needs no CSRF token")
        .isEqualTo(404);
    HttpResponse<String> page = browser.get("/", "Authorization", "bearer " + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Tickr</h1>").doesNotContain("Log out");
  }

  @Test
  void a_viewer_token_may_read_but_anything_else_is_403() throws Exception {
    String token = accounts.tokens().create("grafana", Role.VIEWER, "test").secret();
    assertThat(browser.get(PROBE, "Authorization", bearer(token)).statusCode()).isEqualTo(404);
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      JsonNode body =
          problem(
              browser.send(method, PROBE, "{}", "application/json", "Authorization", bearer(token)),
              403);
      assertThat(body.path("detail").asText()).contains("viewer").contains("may only read");
    }
  }

  @Test
  void a_revoked_token_fails_on_the_very_next_request_and_its_use_is_noted() throws Exception {
    String token = accounts.tokens().create("old", Role.ADMIN, "test").secret();
    assertThat(browser.get(PROBE, "Authorization", bearer(token)).statusCode()).isEqualTo(404);
    assertThat(accounts.tokens().list().get(0).lastUsedAt()).isEqualTo(clock.instant());

    assertThat(accounts.tokens().revoke("old")).isPresent();
    problem(browser.get(PROBE, "Authorization", bearer(token)), 401);
    assertThat(accounts.tokens().list().get(0).revokedAt()).isNotNull();
  }

  @Test
  void last_use_is_written_at_most_once_a_minute() throws Exception {
    String token = accounts.tokens().create("busy", Role.VIEWER, "test").secret();
    Instant first = clock.instant();
    browser.get(PROBE, "Authorization", bearer(token));
    clock.advance(Duration.ofSeconds(59));
    browser.get(PROBE, "Authorization", bearer(token));
    assertThat(accounts.tokens().list().get(0).lastUsedAt()).isEqualTo(first);
    Instant later = clock.advance(Duration.ofSeconds(1));
    browser.get(PROBE, "Authorization", bearer(token));
    assertThat(accounts.tokens().list().get(0).lastUsedAt()).isEqualTo(later);
  }

  @Test
  void public_paths_need_no_credentials() throws Exception {
    assertThat(browser.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(browser.get("/ping/some-token").statusCode())
        .as("the ping route answers, not the gate")
        .isEqualTo(404);
    assertThat(browser.post("/ping/some-token/fail", "log").statusCode()).isEqualTo(404);
    for (String path : List.of("/status", "/status/shop", "/badge/api.svg")) {
      assertThat(browser.get(path).statusCode())
          .as(path + ": no route yet, but open")
          .isEqualTo(404);
    }
    assertThat(browser.get("/login").statusCode()).isEqualTo(200);
    assertThat(browser.get("/metrics").statusCode())
        .as("no metrics in this server: the router's 404, not the gate")
        .isEqualTo(404);
  }

  @Test
  void a_page_without_a_session_redirects_to_the_login_with_a_relative_next() throws Exception {
    HttpResponse<String> root = browser.get("/");
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).hasValue("/login");
    HttpResponse<String> deep = browser.get("/monitors/shop?range=24h");
    assertThat(deep.statusCode()).isEqualTo(303);
    assertThat(deep.headers().firstValue("Location"))
        .hasValue("/login?next=%2Fmonitors%2Fshop%3Frange%3D24h");
  }

  @Test
  void dot_segments_after_a_public_prefix_do_not_reach_a_closed_page() throws Exception {
    for (String path :
        List.of(
            "/ping/../",
            "/ping/%2e%2e/",
            "/status/../",
            "/badge/..%2f",
            "/ping/x/../../api/v1/x",
            "/healthz/../")) {
      HttpResponse<String> answer = browser.get(path);
      assertThat(answer.body()).as(path).doesNotContain("<h1>Tickr</h1>");
      assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
    }
  }

  @Test
  void a_login_sets_a_session_cookie_with_safe_flags_and_opens_the_dashboard() throws Exception {
    HttpResponse<String> form = browser.get("/login?next=/monitors");
    assertThat(form.body())
        .contains("<label for=\"username\">")
        .contains("<label for=\"password\">")
        .contains("autocomplete=\"current-password\"")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(form.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(Browser.setCookie(form, "tickr_login_csrf"))
        .hasValueSatisfying(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict"));

    HttpResponse<String> in =
        browser.form(
            "/login",
            Map.of(
                "username",
                "alice",
                "password",
                "alice-password",
                "csrf",
                Browser.csrfField(form.body()),
                "next",
                "/monitors"));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/monitors");
    String cookie = Browser.setCookie(in, "tickr_session").orElseThrow();
    assertThat(cookie)
        .matches("tickr_session=[A-Za-z0-9_-]{43}; .*")
        .contains("; Path=/;")
        .contains("; HttpOnly")
        .contains("; SameSite=Lax")
        .doesNotContain("Secure");

    HttpResponse<String> page = browser.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Logged in as alice").contains("Log out");
    assertThat(browser.get(PROBE).statusCode()).isEqualTo(404);
  }

  @Test
  void the_session_cookie_is_secure_and_host_prefixed_behind_a_trusted_https_proxy()
      throws Exception {
    String[] https = {"X-Forwarded-Proto", "https"};
    HttpResponse<String> untrusted = browser.get("/login", https);
    assertThat(Browser.setCookie(untrusted, "__Secure-tickr_login_csrf"))
        .as("X-Forwarded-Proto from an address that is not a trusted proxy")
        .isEmpty();
    assertThat(Browser.setCookie(untrusted, "tickr_login_csrf")).isPresent();
    settings =
        new ServerSpec(
            "127.0.0.1",
            8080,
            null,
            null,
            new dev.tickr.config.TrustedProxies(
                java.util.List.of(dev.tickr.config.TrustedProxies.Cidr.parse("127.0.0.1/32"))));
    HttpResponse<String> form = browser.get("/login", https);
    assertThat(Browser.setCookie(form, "__Secure-tickr_login_csrf"))
        .hasValueSatisfying(c -> assertThat(c).contains("; Path=/login;").endsWith("; Secure"));
    HttpResponse<String> in =
        browser.form(
            "/login",
            Map.of(
                "username",
                "alice",
                "password",
                "alice-password",
                "csrf",
                Browser.csrfField(form.body())),
            https);
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(Browser.setCookie(in, "__Host-tickr_session"))
        .hasValueSatisfying(
            c -> assertThat(c).contains("; Path=/;").doesNotContain("Domain").endsWith("; Secure"));
    assertThat(Browser.setCookie(in, "tickr_session")).isEmpty();
    assertThat(browser.get("/", https).statusCode()).isEqualTo(200);
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_answer() throws Exception {
    HttpResponse<String> wrongPassword = browser.login("alice", "not-her-password");
    HttpResponse<String> unknownUser = browser.login("mallory", "alice-password");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownUser.statusCode()).isEqualTo(401);
    String same = "Wrong user name or password.";
    assertThat(wrongPassword.body()).contains(same);
    assertThat(unknownUser.body()).contains(same);
    assertThat(browser.cookies).doesNotContainKey("tickr_session");
    assertThat(browser.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void a_login_without_the_forms_token_is_refused() throws Exception {
    HttpResponse<String> page = browser.get("/login");
    String token = Browser.csrfField(page.body());
    Map<String, String> noToken = Map.of("username", "alice", "password", "alice-password");
    assertThat(browser.form("/login", noToken).statusCode()).isEqualTo(403);
    browser.cookies.clear(); // a cross-site form has the field of some page, but not our cookie
    Map<String, String> withToken =
        Map.of("username", "alice", "password", "alice-password", "csrf", token);
    assertThat(browser.form("/login", withToken).statusCode()).isEqualTo(403);
    assertThat(browser.cookies).doesNotContainKey("tickr_session");
  }

  @Test
  void a_state_change_with_the_session_needs_its_csrf_token() throws Exception {
    browser.login("alice", "alice-password");
    JsonNode body = problem(browser.post(PROBE, "{}"), 403);
    assertThat(body.path("detail").asText()).contains("CSRF");
    assertThat(browser.post(PROBE, "{}", "X-CSRF-Token", "made-up").statusCode()).isEqualTo(403);

    String csrf = Browser.csrfField(browser.get("/").body());
    assertThat(browser.post(PROBE, "{}", "X-CSRF-Token", csrf).statusCode()).isEqualTo(404);
    assertThat(browser.form(PROBE, Map.of("csrf", csrf)).statusCode()).isEqualTo(404);
  }

  @Test
  void a_viewer_user_may_read_pages_and_the_api_but_not_write() throws Exception {
    browser.login("vera", "vera-password");
    HttpResponse<String> page = browser.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = Browser.csrfField(page.body());
    assertThat(browser.get(PROBE).statusCode()).isEqualTo(404);
    problem(browser.post(PROBE, "{}", "X-CSRF-Token", csrf), 403);
    assertThat(browser.form("/logout", Map.of("csrf", csrf)).statusCode())
        .as("a viewer may still log out")
        .isEqualTo(303);
  }

  @Test
  void logout_ends_the_session_in_the_store_not_only_in_the_browser() throws Exception {
    browser.login("alice", "alice-password");
    String session = browser.cookies.get("tickr_session");
    String csrf = Browser.csrfField(browser.get("/").body());

    assertThat(browser.form("/logout", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
    HttpResponse<String> out = browser.form("/logout", Map.of("csrf", csrf));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).hasValue("/login");
    assertThat(browser.cookies).doesNotContainKey("tickr_session");

    browser.cookies.put("tickr_session", session); // a copy kept somewhere
    assertThat(browser.get("/").statusCode()).isEqualTo(303);
    problem(browser.get(PROBE), 401);
  }

  @Test
  void a_session_ends_after_twelve_idle_hours_and_lives_while_used() throws Exception {
    browser.login("alice", "alice-password");
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(11));
      assertThat(browser.get("/").statusCode()).as("used within 12 h").isEqualTo(200);
    }
    clock.advance(Duration.ofHours(12));
    assertThat(browser.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void a_session_ends_after_seven_days_however_busy() throws Exception {
    browser.login("alice", "alice-password");
    for (int i = 0; i < 15; i++) {
      clock.advance(Duration.ofHours(11));
      assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }
    clock.advance(Duration.ofHours(8)); // 7 d + 1 h after the login
    assertThat(browser.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void a_password_change_ends_the_users_sessions() throws Exception {
    browser.login("alice", "alice-password");
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    accounts.users().changePassword("alice", "a-new-password");
    assertThat(browser.get("/").statusCode()).isEqualTo(303);
    assertThat(browser.login("alice", "alice-password").statusCode()).isEqualTo(401);
    assertThat(browser.login("alice", "a-new-password").statusCode()).isEqualTo(303);
  }

  @Test
  void five_failed_logins_then_429_with_retry_after_even_for_the_right_password() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(browser.login("alice", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = browser.login("alice", "alice-password");
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
    assertThat(browser.login("vera", "vera-password").statusCode())
        .as("the wait is for this address and name together, not for other names")
        .isEqualTo(303);
    browser.cookies.clear(); // vera is logged in: the form again

    clock.advance(Duration.ofSeconds(61));
    assertThat(browser.login("alice", "alice-password").statusCode()).isEqualTo(303);
  }

  @Test
  void after_the_login_only_a_path_on_this_server_is_followed() throws Exception {
    for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example")) {
      try (Browser b = new Browser(port)) {
        HttpResponse<String> page = b.get("/login");
        HttpResponse<String> in =
            b.form(
                "/login",
                Map.of(
                    "username",
                    "alice",
                    "password",
                    "alice-password",
                    "csrf",
                    Browser.csrfField(page.body()),
                    "next",
                    next));
        assertThat(in.headers().firstValue("Location")).as(next).hasValue("/");
      }
    }
  }
}

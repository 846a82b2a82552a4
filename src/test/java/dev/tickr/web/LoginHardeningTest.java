package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.auth.Accounts;
import dev.tickr.auth.HashPermits;
import dev.tickr.config.ServerSpec;
import dev.tickr.testing.Browser;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.TricklingClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login's defences against guessing and floods, and its cookies' names and flags, on a real
 * server on loopback with a real store. Another client address is a second loopback address
 * (127.0.0.2), which Linux routes to the same interface.
 */
class LoginHardeningTest {
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
            config -> config.routes.get("/", ctx -> ctx.html("<h1>Tickr</h1>")));
    accounts = site.accounts();
    browser = site.browser();
    port = site.port();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private static long retryAfter(HttpResponse<String> answer) {
    return Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void waits_double_after_the_free_attempts_and_a_right_password_starts_again() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(browser.login("alice", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> first = browser.login("alice", "alice-password");
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(retryAfter(first)).isEqualTo(30);

    clock.advance(Duration.ofSeconds(30));
    assertThat(browser.login("alice", "guess-5").statusCode()).isEqualTo(401);
    HttpResponse<String> second = browser.login("alice", "guess-6");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(retryAfter(second)).isEqualTo(60);

    clock.advance(Duration.ofSeconds(60));
    assertThat(browser.login("alice", "guess-7").statusCode()).isEqualTo(401);
    assertThat(retryAfter(browser.login("alice", "guess-8"))).isEqualTo(120);

    clock.advance(Duration.ofMinutes(2));
    assertThat(browser.login("alice", "alice-password").statusCode()).isEqualTo(303);
    browser.cookies.clear(); // logged out: the form again
    for (int i = 0; i < 5; i++) {
      assertThat(browser.login("alice", "typo-" + i).statusCode())
          .as("the login forgot the failures before it")
          .isEqualTo(401);
    }
  }

  @Test
  void a_guesser_at_another_address_does_not_lock_the_user_out() throws Exception {
    try (Browser guesser = new Browser(port, InetAddress.getByName("127.0.0.2"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(guesser.login("alice", "guess-" + i).statusCode()).isEqualTo(401);
      }
      assertThat(guesser.login("alice", "guess-5").statusCode()).isEqualTo(429);
      assertThat(guesser.login("ALICE", "guess-6").statusCode())
          .as("the name's case does not make a new pair")
          .isEqualTo(429);
    }
    assertThat(browser.login("alice", "alice-password").statusCode()).isEqualTo(303);
  }

  @Test
  void with_every_hash_permit_taken_a_login_is_503_and_neither_hashed_nor_counted()
      throws Exception {
    HashPermits hashing = accounts.hashing();
    for (int i = 0; i < hashing.size(); i++) {
      assertThat(hashing.tryAcquire()).as("permit %d of %d", i + 1, hashing.size()).isTrue();
    }
    try {
      for (int i = 0; i < 8; i++) {
        HttpResponse<String> busy = browser.login("alice", "guess-" + i);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(retryAfter(busy)).isEqualTo(1);
      }
    } finally {
      for (int i = 0; i < hashing.size(); i++) {
        hashing.release();
      }
    }
    assertThat(browser.login("alice", "alice-password").statusCode())
        .as("the 503s were not counted as attempts")
        .isEqualTo(303);
  }

  @Test
  void the_login_takes_only_a_short_url_encoded_form() throws Exception {
    String csrf = Browser.csrfField(browser.get("/login").body());
    String json =
        "{\"username\":\"alice\",\"password\":\"alice-password\",\"csrf\":\"" + csrf + "\"}";
    assertThat(browser.send("POST", "/login", json, "application/json").statusCode())
        .isEqualTo(415);
    assertThat(browser.send("POST", "/login", "x", "text/plain").statusCode()).isEqualTo(415);
    assertThat(
            browser.send("POST", "/login", "--b--", "multipart/form-data; boundary=b").statusCode())
        .isEqualTo(415);
    assertThat(browser.send("POST", "/login", "", null).statusCode()).isEqualTo(415);
    String padding = "a".repeat(LoginRoutes.MAX_FORM_BYTES);
    assertThat(
            browser
                .form(
                    "/login",
                    Map.of(
                        "username",
                        "alice",
                        "password",
                        "alice-password",
                        "csrf",
                        csrf,
                        "pad",
                        padding))
                .statusCode())
        .isEqualTo(413);
    assertThat(browser.login("alice", "alice-password").statusCode())
        .as("a form of the right type and size still logs in")
        .isEqualTo(303);
  }

  @Test
  void a_refused_login_body_is_answered_from_the_head_without_waiting_for_the_body()
      throws Exception {
    assertThat(headOnly("application/json", 1_000_000)).startsWith("HTTP/1.1 415");
    assertThat(headOnly("application/x-www-form-urlencoded", 1_000_000)).startsWith("HTTP/1.1 413");
  }

  @Test
  void a_client_still_sending_a_refused_body_reads_the_refusal() throws Exception {
    int tooLong = LoginRoutes.MAX_FORM_BYTES * 8;
    assertThat(
            TricklingClient.post(
                port, "/login", "application/x-www-form-urlencoded", tooLong, 8, 40))
        .startsWith("HTTP/1.1 413");
    assertThat(TricklingClient.post(port, "/login", "application/json", 20_000, 8, 40))
        .startsWith("HTTP/1.1 415");
    assertThat(browser.login("alice", "alice-password").statusCode()).isEqualTo(303);
  }

  /** Sends only a request's head announcing a body of {@code length}; the status line back. */
  private String headOnly(String type, long length) throws Exception {
    try (Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
      socket.setSoTimeout(30_000); // a server waiting for the body would time this out
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  + type
                  + "\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      return line.toString(StandardCharsets.US_ASCII).strip();
    }
  }

  @Test
  void with_an_https_public_url_the_cookies_are_secure_and_prefixed_even_over_plain_http()
      throws Exception {
    settings = new ServerSpec("127.0.0.1", 8080, URI.create("https://tickr.example.com"), null);
    HttpResponse<String> form = browser.get("/login");
    assertThat(Browser.setCookie(form, "__Secure-tickr_login_csrf"))
        .hasValueSatisfying(c -> assertThat(c).endsWith("; Secure"));
    HttpResponse<String> in =
        browser.form(
            "/login",
            Map.of(
                "username",
                "alice",
                "password",
                "alice-password",
                "csrf",
                Browser.csrfField(form.body())));
    assertThat(in.statusCode()).isEqualTo(303);
    String cookie = Browser.setCookie(in, "__Host-tickr_session").orElseThrow();
    assertThat(cookie)
        .contains("; Path=/;", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Domain")
        .endsWith("; Secure");
    assertThat(browser.get("/").statusCode()).isEqualTo(200);

    String id = browser.cookies.remove("__Host-tickr_session");
    browser.cookies.put("tickr_session", id);
    assertThat(browser.get("/").statusCode())
        .as("the unprefixed name, which any host or plain page could set, is not read")
        .isEqualTo(303);
  }

  @Test
  void an_http_public_url_keeps_the_plain_cookie_names() throws Exception {
    settings = new ServerSpec("127.0.0.1", 8080, URI.create("http://tickr.internal"), null);
    HttpResponse<String> in = browser.login("alice", "alice-password");
    assertThat(Browser.setCookie(in, "tickr_session"))
        .hasValueSatisfying(c -> assertThat(c).doesNotContain("Secure"));
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
  }
}

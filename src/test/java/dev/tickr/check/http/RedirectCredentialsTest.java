package dev.tickr.check.http;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Reason;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials follow a redirect only to the same origin (scheme, host and port), and a request body
 * is never replayed to another one: two real servers on loopback, on different ports of the same
 * host, one of them TLS.
 */
class RedirectCredentialsTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final String TOKEN = "redirect-token-7c6b5a49";
  private static final String KEY = "redirect-key-3e2d1c0b";
  private static final List<Header> CREDENTIALS =
      List.of(
          Header.secret("Authorization", "Bearer " + TOKEN),
          Header.secret("X-Api-Key", KEY),
          Header.plain("Accept", "application/json"));

  private final Ticker ticker = Ticker.system();
  private final HttpCheck http = new HttpCheck(Clock.systemUTC(), ticker, "Tickr/test");
  private TestHttpServer first;
  private TestHttpServer second;

  @BeforeEach
  void start() {
    http.ready(); // the TLS set-up, once, outside any check's deadline
    first = TestHttpServer.plain();
    second = TestHttpServer.plain().text("/landed", 200, "landed");
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
  }

  private Observation observe(URI url, String method, @Nullable String body) {
    return http.observe(
        new HttpTarget(
            url,
            method,
            CREDENTIALS,
            body == null ? null : Payload.of(body),
            true,
            HttpTarget.DEFAULT_MAX_BODY,
            true,
            List.of()),
        Deadline.after(BUDGET, ticker));
  }

  private static RecordedRequest only(TestHttpServer server) {
    assertThat(server.requests()).hasSize(1);
    return server.requests().get(0);
  }

  @Test
  void another_port_on_the_same_host_gets_no_credentials() {
    first.redirect("/start", 302, second.url("/landed").toString());

    Observation o = observe(first.url("/start"), "GET", null);

    assertThat(o.status()).isEqualTo(200);
    RecordedRequest landed = only(second);
    assertThat(landed.header("Authorization")).isNull();
    assertThat(landed.header("X-Api-Key")).isNull();
    assertThat(landed.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void an_https_to_http_downgrade_gets_no_credentials() {
    try (TestHttpServer secure =
        TestHttpServer.tls(TestCertificates.create().selfSigned("127.0.0.1"))) {
      secure.redirect("/start", 301, second.url("/landed").toString());

      Observation o = observe(secure.url("/start"), "GET", null);

      assertThat(o.status()).isEqualTo(200);
      assertThat(only(secure).header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(only(second).header("Authorization")).isNull();
      assertThat(only(second).header("X-Api-Key")).isNull();
    }
  }

  @Test
  void the_same_origin_keeps_the_credentials_and_a_body_on_307() {
    first.redirect("/start", 307, "/again").text("/again", 200, "ok");

    Observation o = observe(first.url("/start"), "POST", "{\"secret\": \"" + KEY + "\"}");

    assertThat(o.status()).as("%s", o.failure()).isEqualTo(200);
    RecordedRequest again = first.requests().get(1);
    assertThat(again.path()).isEqualTo("/again");
    assertThat(again.method()).isEqualTo("POST");
    assertThat(again.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(again.body()).contains(KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void a_body_is_not_replayed_to_another_origin(int status) {
    first.redirect("/start", status, second.url("/landed").toString());

    Observation o = observe(first.url("/start"), "POST", "{\"secret\": \"" + KEY + "\"}");

    assertThat(second.requests()).isEmpty();
    assertThat(o.status()).isEqualTo(status);
    Failure failure = requireNonNull(o.failure(), "a failure");
    assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(failure.message())
        .contains("redirect not followed")
        .contains(second.url("/landed").toString());
  }

  @Test
  void a_post_turned_get_by_302_reaches_another_origin_without_body_or_credentials() {
    first.redirect("/start", 302, second.url("/landed").toString());

    Observation o = observe(first.url("/start"), "POST", "{\"secret\": \"" + KEY + "\"}");

    assertThat(o.status()).isEqualTo(200);
    RecordedRequest landed = only(second);
    assertThat(landed.method()).isEqualTo("GET");
    assertThat(landed.body()).isEmpty();
    assertThat(landed.header("Authorization")).isNull();
  }
}

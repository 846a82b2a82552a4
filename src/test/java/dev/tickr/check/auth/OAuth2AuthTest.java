package dev.tickr.check.auth;

import static dev.tickr.check.auth.TokenServer.CLIENT_ID;
import static dev.tickr.check.auth.TokenServer.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.check.auth.OAuth2Settings.ClientAuth;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.RefusingPort;
import dev.tickr.time.Ticker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OAuth2 client credentials against a real token endpoint and API on loopback: the token is fetched
 * once and shared, kept until shortly before it expires (by an injected clock), fetched again once
 * on a 401, and a failing token endpoint is an {@code auth-rejected} failure that names it.
 */
class OAuth2AuthTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);

  private final Ticker ticker = Ticker.system();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
  private final HttpCheck http = new HttpCheck(clock, ticker, "Tickr/test");
  private final OAuth2Tokens tokens = new OAuth2Tokens(http, clock);
  private final TokenServer server = new TokenServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private Observation check(OAuth2Settings settings) {
    return check(settings, server.apiUrl());
  }

  private Observation check(OAuth2Settings settings, URI api) {
    HttpTarget target = HttpTarget.get(api).withAuth(tokens.auth(settings));
    return http.observe(target, Deadline.after(BUDGET, ticker));
  }

  private static String bearer(RecordedRequest r) {
    return Objects.requireNonNull(r.header("Authorization")).replaceFirst("^Bearer ", "");
  }

  @ParameterizedTest
  @EnumSource(ClientAuth.class)
  void fetches_a_token_on_first_use_and_sends_it_as_a_bearer_token(ClientAuth how) {
    server.clientAuth = how;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("resource", "https://api.example.com/");
    params.put("sid", "3456789");
    Observation o =
        check(server.settings(how, SECRET, "3456789 reports", "https://api.example.com", params));

    assertThat(o.failure()).isNull();
    assertThat(o.status()).isEqualTo(200);
    List<RecordedRequest> fetched = server.tokenRequests();
    assertThat(fetched).hasSize(1);
    Map<String, String> form = TokenServer.form(fetched.get(0).body());
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "3456789 reports")
        .containsEntry("audience", "https://api.example.com")
        .containsEntry("resource", "https://api.example.com/")
        .containsEntry("sid", "3456789");
    assertThat(fetched.get(0).header("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    if (how == ClientAuth.BASIC) {
      assertThat(form).doesNotContainKeys("client_id", "client_secret");
    } else {
      assertThat(form).containsEntry("client_id", CLIENT_ID);
      assertThat(fetched.get(0).header("Authorization")).isNull();
    }
    assertThat(bearer(server.apiRequests().get(0))).isEqualTo("minted-token-1-9b8a7c6d");
  }

  @Test
  void basic_client_auth_form_encodes_id_and_secret_before_base64_as_rfc_6749_says() {
    OAuth2Settings s =
        new OAuth2Settings(
            URI.create("https://auth.example.com/token"),
            "id with space",
            "s3cr+t/=:",
            null,
            null,
            Map.of(),
            ClientAuth.BASIC);
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(TokenRequest.basic(s)),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("id+with+space:s3cr%2Bt%2F%3D%3A");
  }

  @Test
  void keeps_the_token_until_a_tenth_of_its_lifetime_before_expiry_then_fetches_a_new_one() {
    server.expiresIn = 300L; // fetched again 30 s before it expires
    OAuth2Settings s = server.settings();
    check(s);
    clock.advance(Duration.ofSeconds(269));
    assertThat(check(s).status()).isEqualTo(200);
    assertThat(server.tokenRequests()).hasSize(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(check(s).status()).isEqualTo(200);
    assertThat(server.tokenRequests()).hasSize(2);
    List<RecordedRequest> api = server.apiRequests();
    assertThat(bearer(api.get(2))).isEqualTo("minted-token-2-9b8a7c6d");
  }

  @Test
  void a_long_lived_token_is_fetched_again_a_minute_before_it_expires() {
    server.expiresIn = 7200L;
    OAuth2Settings s = server.settings();
    check(s);
    clock.advance(Duration.ofSeconds(7200 - 61));
    check(s);
    assertThat(server.tokenRequests()).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    check(s);
    assertThat(server.tokenRequests()).hasSize(2);
  }

  @Test
  void a_token_without_expires_in_lives_an_hour() {
    server.expiresIn = null;
    OAuth2Settings s = server.settings();
    check(s);
    clock.advance(Duration.ofSeconds(3600 - 61));
    check(s);
    assertThat(server.tokenRequests()).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    check(s);
    assertThat(server.tokenRequests()).hasSize(2);
  }

  @Test
  void a_401_for_a_revoked_token_fetches_a_new_one_once_and_the_check_succeeds() {
    OAuth2Settings s = server.settings();
    check(s);
    server.revoke("minted-token-1-9b8a7c6d"); // rotated at the provider before expires_in

    Observation o = check(s);

    assertThat(o.status()).isEqualTo(200);
    assertThat(server.tokenRequests()).hasSize(2);
    List<RecordedRequest> api = server.apiRequests();
    assertThat(api).hasSize(3);
    assertThat(bearer(api.get(1))).isEqualTo("minted-token-1-9b8a7c6d");
    assertThat(bearer(api.get(2))).isEqualTo("minted-token-2-9b8a7c6d");
    check(s);
    assertThat(server.tokenRequests()).as("the new token is cached").hasSize(2);
  }

  @Test
  void an_api_that_refuses_the_new_token_too_ends_the_check_with_its_401_after_one_refetch() {
    OAuth2Settings s = server.settings();
    check(s);
    server.apiRefusesAll = true;

    Observation o = check(s);

    assertThat(o.status()).isEqualTo(401);
    assertThat(server.tokenRequests()).hasSize(2);
    assertThat(server.apiRequests()).hasSize(3);
  }

  @Test
  void a_wrong_client_secret_is_auth_rejected_by_the_token_endpoint_and_the_api_is_not_called() {
    Observation o =
        check(server.settings(ClientAuth.BASIC, "wrong-secret-0a1b2c3d", null, null, Map.of()));

    Failure f = Objects.requireNonNull(o.failure());
    assertThat(f.reason()).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(f.message())
        .startsWith("token endpoint refused: HTTP 401 invalid_client: Bad client credentials")
        .contains(server.tokenUrl().toString())
        .doesNotContain("wrong-secret-0a1b2c3d");
    assertThat(o.status()).isNull();
    assertThat(server.apiRequests()).isEmpty();
  }

  @Test
  void a_token_endpoint_that_refuses_connections_is_auth_rejected_naming_it_not_connect() {
    try (RefusingPort closed = RefusingPort.open()) {
      URI tokenUrl = closed.url("http", "/oauth/token");
      OAuth2Settings s =
          new OAuth2Settings(tokenUrl, CLIENT_ID, SECRET, null, null, Map.of(), ClientAuth.BASIC);
      Observation o = check(s);

      Failure f = Objects.requireNonNull(o.failure());
      assertThat(f.reason()).isEqualTo(Reason.AUTH_REJECTED);
      assertThat(f.message())
          .startsWith("token endpoint unreachable (connect): ")
          .contains("refused")
          .endsWith("(" + tokenUrl + ")");
      assertThat(server.apiRequests()).isEmpty();
    }
  }

  @Test
  void a_failed_fetch_is_remembered_for_a_backoff_then_tried_again_once() {
    OAuth2Settings wrong =
        server.settings(ClientAuth.BASIC, "wrong-secret-0a1b2c3d", null, null, Map.of());
    Failure first = Objects.requireNonNull(check(wrong).failure());
    clock.advance(Duration.ofSeconds(9));
    assertThat(check(wrong).failure()).isEqualTo(first);
    assertThat(check(wrong).failure()).isEqualTo(first);
    assertThat(server.tokenRequests()).hasSize(1);

    clock.advance(Duration.ofSeconds(2));
    check(wrong);
    assertThat(server.tokenRequests()).hasSize(2);
    clock.advance(Duration.ofSeconds(19)); // the second failure in a row waits 20 s
    check(wrong);
    assertThat(server.tokenRequests()).hasSize(2);
    clock.advance(Duration.ofSeconds(2));
    check(wrong);
    assertThat(server.tokenRequests()).hasSize(3);
  }

  @Test
  void backoff_doubles_up_to_two_minutes() {
    assertThat(TokenSlot.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(TokenSlot.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(TokenSlot.backoff(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(TokenSlot.backoff(5)).isEqualTo(Duration.ofMinutes(2));
    assertThat(TokenSlot.backoff(50)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void many_monitors_with_the_same_settings_checking_at_once_share_one_fetch() throws Exception {
    server.tokenDelay = Duration.ofMillis(200); // so that the checks overlap the fetch
    List<Observation> seen = together(40, () -> check(server.settings()));

    assertThat(seen).allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
    assertThat(server.tokenRequests()).hasSize(1);
    assertThat(server.apiRequests())
        .allSatisfy(r -> assertThat(bearer(r)).isEqualTo("minted-token-1-9b8a7c6d"));
  }

  @Test
  void many_monitors_at_once_against_a_failing_token_endpoint_ask_it_once() throws Exception {
    server.tokenDelay = Duration.ofMillis(200);
    OAuth2Settings wrong =
        server.settings(ClientAuth.BASIC, "wrong-secret-0a1b2c3d", null, null, Map.of());
    List<Observation> seen = together(40, () -> check(wrong));

    assertThat(seen)
        .allSatisfy(
            o ->
                assertThat(Objects.requireNonNull(o.failure()).reason())
                    .isEqualTo(Reason.AUTH_REJECTED));
    assertThat(server.tokenRequests()).hasSize(1);
  }

  @Test
  void other_settings_get_a_token_of_their_own() {
    check(server.settings());
    check(server.settings(ClientAuth.BASIC, SECRET, "reports", null, Map.of()));
    check(server.settings());
    assertThat(server.tokenRequests()).hasSize(2);
  }

  @Test
  void secret_values_hold_the_client_secret_and_the_minted_token_so_evidence_is_masked() {
    OAuth2Settings s = server.settings();
    HttpTarget target = HttpTarget.get(server.apiUrl()).withAuth(tokens.auth(s));
    Observation o = http.observe(target, Deadline.after(BUDGET, ticker));

    assertThat(o.body().text()).contains("minted-token-1-9b8a7c6d");
    assertThat(Redaction.secretsOf(target)).contains(SECRET, "minted-token-1-9b8a7c6d");
    String shown = Redaction.scrub(o.body().text(), Redaction.secretsOf(target));
    assertThat(shown).doesNotContain("minted-token-1-9b8a7c6d");
    assertThat(target.toString() + tokens.auth(s) + s).doesNotContain(SECRET, "minted-token");
  }

  private static <T> List<T> together(int n, java.util.concurrent.Callable<T> task)
      throws Exception {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(task));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    }
  }
}

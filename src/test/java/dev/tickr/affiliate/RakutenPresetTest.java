package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.RakutenFake;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.PresetProbe;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code rakuten} preset against a simulated Rakuten Advertising, whose token endpoint and
 * Events API are both on the fake, with no user-written condition.
 */
class RakutenPresetTest {
  /** The fake's clock, on which its tokens expire; it stands still until a test moves it. */
  private final MutableClock clock = new MutableClock(Instant.now());

  private final Ledger ledger = new Ledger(clock);
  private final RakutenFake fake = new RakutenFake(ledger, "rakuten-client", "rakuten-secret");
  private final PresetProbe rakuten = new PresetProbe(fake);

  RakutenPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    rakuten.close();
  }

  @Test
  void a_healthy_account_is_up_with_one_token_for_two_checks() throws Exception {
    CheckResult first = rakuten.probe();
    CheckResult second = rakuten.probe();
    assertThat(first.success()).as("%s", first).isTrue();
    assertThat(second.success()).as("%s", second).isTrue();
    assertThat(fake.tokenRequests()).isEqualTo(1);
  }

  @Test
  void each_failure_of_the_api_has_its_reason() throws Exception {
    assertThat(reasonOf(Fault.ACCESS_DENIED)).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(reasonOf(Fault.RATE_LIMITED)).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reasonOf(Fault.OUTAGE)).isEqualTo(Reason.HTTP_STATUS);
  }

  @Test
  void revoked_credentials_are_auth_rejected() throws Exception {
    assertThat(rakuten.probe().success()).isTrue(); // a token is held
    assertThat(reasonOf(Fault.REVOKED)).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void a_wrong_client_secret_is_refused_by_the_token_endpoint() throws Exception {
    CheckResult r = rakuten.probe("client-secret: wrong-secret");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(r.error()).contains("token endpoint").doesNotContain("wrong-secret");
  }

  @Test
  void a_sid_the_client_may_not_use_is_auth_rejected() throws Exception {
    CheckResult r = rakuten.probe("sid: \"1111111\"");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(r.error()).contains("invalid_scope");
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void the_fake_answers_only_live_tokens_of_its_own_and_the_preset_mints_a_new_one()
      throws Exception {
    assertThat(rakuten.probe().success()).isTrue();
    String base = rakuten.network().baseUrl("rakuten");
    String events =
        base
            + "/events/1.0/transactions?process_date_start=2020-01-01%2000:00:00"
            + "&process_date_end=2030-01-01%2000:00:00";
    String basic =
        Base64.getEncoder()
            .encodeToString("rakuten-client:rakuten-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> minted =
        FakeClient.send(
            FakeClient.to(base + "/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + RakutenFake.SID)));
    assertThat(minted.statusCode()).isEqualTo(200);
    String token = new ObjectMapper().readTree(minted.body()).path("access_token").asText();

    assertThat(get(events, token).statusCode()).isEqualTo(200);
    assertThat(get(events, "not-a-token-it-made").statusCode()).isEqualTo(401);
    assertThat(get(events, null).statusCode()).isEqualTo(401);
    clock.advance(RakutenFake.TOKEN_LIFETIME.plusSeconds(1));
    assertThat(get(events, token).statusCode()).isEqualTo(401);

    // The preset's token expired too: refused once, a new one is minted and the check passes.
    int before = fake.tokenRequests();
    CheckResult r = rakuten.probe();
    assertThat(r.success()).as("%s", r).isTrue();
    assertThat(fake.tokenRequests()).isEqualTo(before + 1);
  }

  private static HttpResponse<String> get(String url, @Nullable String token) throws Exception {
    var request = FakeClient.to(url).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return FakeClient.send(request);
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    fake.fault(fault);
    CheckResult r = rakuten.probe();
    fake.fault(Fault.NONE);
    assertThat(r.success()).as("%s under %s", r, fault).isFalse();
    return r.reason();
  }
}

package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.EverflowFake;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.PresetProbe;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code everflow} preset against a simulated Everflow, with no user-written condition. */
class EverflowPresetTest {
  private static final String BODY =
      "{\"from\":\"2020-01-01\",\"to\":\"2030-01-01\",\"timezone_id\":67}";

  /** The fake's clock stands still, so its 30-second window does too, until a test moves it. */
  private final MutableClock clock = new MutableClock(Instant.now());

  private final Ledger ledger = new Ledger(clock);
  private final PresetProbe everflow =
      new PresetProbe(new EverflowFake(ledger, "advertiser-key", "network-key"));

  EverflowPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    everflow.close();
  }

  @Test
  void a_healthy_account_is_up_on_every_endpoint() throws Exception {
    CheckResult conversions = everflow.probe();
    assertThat(conversions.success()).as("%s", conversions).isTrue();
    CheckResult timezones = everflow.probe("endpoint: timezones");
    assertThat(timezones.success()).as("%s", timezones).isTrue();
  }

  @Test
  void each_failure_has_its_reason() throws Exception {
    assertThat(reasonOf(Fault.REVOKED)).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(reasonOf(Fault.ACCESS_DENIED)).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(reasonOf(Fault.RATE_LIMITED)).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reasonOf(Fault.OUTAGE)).isEqualTo(Reason.HTTP_STATUS);
  }

  @Test
  void wrong_credentials_are_rejected_as_the_platform_does() throws Exception {
    CheckResult r = everflow.probe("api-key: wrong-key");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void a_key_of_another_portal_is_out_of_realm() throws Exception {
    CheckResult r = everflow.probe("api-key: network-key");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(r.error()).contains("Out of realm");
    assertThat(everflow.probe("api-key: network-key", "portal: networks").success()).isTrue();
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void the_fake_answers_only_its_keys_and_within_the_window_limit() throws Exception {
    String url = everflow.network().baseUrl("everflow") + "/v1/advertisers/reporting/conversions";
    assertThat(post(url, null).statusCode()).isEqualTo(401);
    assertThat(post(url, "advertiser-keyX").statusCode()).isEqualTo(401);
    for (int i = 1; i < EverflowFake.CALLS_PER_WINDOW; i++) {
      assertThat(post(url, "advertiser-key").statusCode()).as("call %d", i).isEqualTo(200);
    }
    assertThat(everflow.probe().success()).isTrue(); // the 150th call of the window
    assertThat(post(url, "advertiser-key").statusCode()).isEqualTo(429);
    assertThat(everflow.probe().reason()).isEqualTo(Reason.RATE_LIMITED);
    clock.advance(EverflowFake.WINDOW);
    assertThat(post(url, "advertiser-key").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> post(String url, @Nullable String key) throws Exception {
    var request = FakeClient.to(url).POST(BodyPublishers.ofString(BODY));
    request.header("Content-Type", "application/json");
    if (key != null) {
      request.header("X-Eflow-API-Key", key);
    }
    return FakeClient.send(request);
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return everflow.reasonUnder(fault);
  }
}

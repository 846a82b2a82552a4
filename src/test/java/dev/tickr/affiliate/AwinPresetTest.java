package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.AwinFake;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.PresetProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code awin} preset against a simulated Awin, with no user-written condition. */
class AwinPresetTest {
  /** The fake's clock stands still, so its per-minute window does too, until a test moves it. */
  private final MutableClock clock = new MutableClock(Instant.now());

  private final Ledger ledger = new Ledger(clock);
  private final PresetProbe awin = new PresetProbe(new AwinFake(ledger, "awin-user-token"));

  AwinPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    awin.close();
  }

  @Test
  void a_healthy_account_is_up() throws Exception {
    CheckResult r = awin.probe();
    assertThat(r.success()).as("%s", r).isTrue();
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
    CheckResult r = awin.probe("token: wrong-token");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void a_publisher_the_user_cannot_see_is_access_denied() throws Exception {
    CheckResult r = awin.probe("publisher: \"999\"");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void the_fake_answers_only_the_users_bearer_token_and_a_valid_window() throws Exception {
    String base = awin.network().baseUrl("awin") + "/publishers/" + AwinFake.PUBLISHER;
    String ok = base + "/transactions/?startDate=2026-01-01T00:00:00&endDate=2026-01-31T00:00:00";
    assertThat(get(ok + "&timezone=UTC", null).statusCode()).isEqualTo(401);
    assertThat(get(ok + "&timezone=UTC", "awin-user-tokenX").statusCode()).isEqualTo(401);
    assertThat(get(ok + "&timezone=UTC", "awin-user-token").statusCode()).isEqualTo(200);
    HttpResponse<String> noZone = get(ok, "awin-user-token");
    assertThat(noZone.statusCode()).isEqualTo(400);
    assertThat(noZone.body()).contains("timezone");
    String tooLong =
        base + "/transactions/?startDate=2026-01-01T00:00:00&endDate=2026-02-01T00:00:01";
    assertThat(get(tooLong + "&timezone=UTC", "awin-user-token").statusCode()).isEqualTo(400);
  }

  @Test
  void the_fake_allows_twenty_calls_a_minute_per_user() throws Exception {
    String url =
        awin.network().baseUrl("awin")
            + "/publishers/"
            + AwinFake.PUBLISHER
            + "/transactions/?startDate=2026-01-01T00:00:00&endDate=2026-01-02T00:00:00"
            + "&timezone=UTC";
    for (int i = 0; i < AwinFake.CALLS_PER_MINUTE; i++) {
      assertThat(get(url, "awin-user-token").statusCode()).as("call %d", i + 1).isEqualTo(200);
    }
    HttpResponse<String> over = get(url, "awin-user-token");
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
    assertThat(awin.probe().reason()).isEqualTo(Reason.RATE_LIMITED);

    clock.advance(Duration.ofMinutes(1));
    assertThat(get(url, "awin-user-token").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String url, @Nullable String token) throws Exception {
    var request = FakeClient.to(url).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return FakeClient.send(request);
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return awin.reasonUnder(fault);
  }
}

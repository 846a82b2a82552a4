package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.CjFake;
import dev.tickr.testing.PresetProbe;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code cj} preset against a simulated CJ Affiliate, with no user-written condition. */
class CjPresetTest {
  private static String query(String publisher) {
    return "{\"query\":\"{ publisherCommissions(forPublishers: [\\\""
        + publisher
        + "\\\"], sincePostingDate: \\\"2020-01-01T00:00:00Z\\\", beforePostingDate:"
        + " \\\"2030-01-01T00:00:00Z\\\") { count payloadComplete records { commissionId"
        + " postingDate } } }\"}";
  }

  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe cj = new PresetProbe(new CjFake(ledger, "cj-personal-token"));

  CjPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    cj.close();
  }

  @Test
  void a_healthy_account_is_up() throws Exception {
    CheckResult r = cj.probe();
    assertThat(r.success()).as("%s", r).isTrue();
  }

  @Test
  void each_failure_has_its_reason() throws Exception {
    assertThat(reasonOf(Fault.REVOKED)).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(reasonOf(Fault.ACCESS_DENIED)).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(reasonOf(Fault.ERROR_IN_200)).isEqualTo(Reason.BODY_ERROR);
    assertThat(reasonOf(Fault.RATE_LIMITED)).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reasonOf(Fault.OUTAGE)).isEqualTo(Reason.HTTP_STATUS);
  }

  @Test
  void wrong_credentials_are_rejected_as_the_platform_does() throws Exception {
    CheckResult r = cj.probe("token: wrong-token");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void a_publisher_the_token_does_not_serve_is_a_graphql_error_in_a_200() throws Exception {
    CheckResult r = cj.probe("publisher: \"1111111\"");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(r.error()).contains("errors");
  }

  @Test
  void an_incomplete_payload_is_a_body_error() throws Exception {
    Ledger busy = new Ledger(Clock.systemUTC());
    busy.seed(20, Duration.ofDays(1));
    try (PresetProbe small = new PresetProbe(new CjFake(busy, "cj-personal-token", 10))) {
      CheckResult r = small.probe();
      assertThat(r.success()).isFalse();
      assertThat(r.reason()).isEqualTo(Reason.BODY_ERROR);
      assertThat(r.error()).contains("payloadComplete");
    }
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void the_fake_answers_only_its_bearer_token() throws Exception {
    String url = cj.network().baseUrl("cj") + "/query";
    String body = query(CjFake.PUBLISHER);
    HttpResponse<String> none =
        FakeClient.send(FakeClient.to(url).POST(BodyPublishers.ofString(body)));
    HttpResponse<String> wrong =
        FakeClient.send(
            FakeClient.to(url)
                .header("Authorization", "Bearer cj-personal-tokenX")
                .POST(BodyPublishers.ofString(body)));
    HttpResponse<String> right =
        FakeClient.send(
            FakeClient.to(url)
                .header("Authorization", "Bearer cj-personal-token")
                .POST(BodyPublishers.ofString(body)));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("\"count\":20", "\"payloadComplete\":true");
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return cj.reasonUnder(fault);
  }
}

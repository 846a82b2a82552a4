package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.PartnerstackFake;
import dev.tickr.testing.PresetProbe;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code partnerstack} preset against a simulated PartnerStack, with no user-written condition.
 */
class PartnerstackPresetTest {
  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe probe =
      new PresetProbe(new PartnerstackFake(ledger, "ps-api-key-0123456789"));

  PartnerstackPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    probe.close();
  }

  @Test
  void a_healthy_account_is_up_on_every_endpoint() throws Exception {
    CheckResult first = probe.probe();
    assertThat(first.success()).as("%s", first).isTrue();
    CheckResult other = probe.probe("endpoint: partnerships");
    assertThat(other.success()).as("%s", other).isTrue();
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
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void wrong_credentials_are_rejected_as_the_platform_does() throws Exception {
    assertRejected("token: wrong-key-0000");
  }

  @Test
  void the_credentials_are_masked_where_the_monitor_is_shown() throws Exception {
    var config = probe.load(probe.monitor("probe", "token: ps_literal0000"));
    MonitorSpec spec = config.monitors().get(0);
    assertThat(spec.settings().secretValues()).contains("ps_literal0000");
    String shown =
        spec.settings().describe() + MonitorJson.of(spec, config.secretValues().values());
    assertThat(shown).doesNotContain("ps_literal0000");
  }

  private void assertRejected(String... extra) throws Exception {
    CheckResult r = probe.probe(extra);
    assertThat(r.success()).as("%s", r).isFalse();
    assertThat(r.observation().status()).isEqualTo(401);
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return probe.reasonUnder(fault);
  }
}

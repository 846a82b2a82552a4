package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.ImpactFake;
import dev.tickr.testing.PresetProbe;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code impact} preset against a simulated Impact.com, with no user-written condition. */
class ImpactPresetTest {
  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe impact = new PresetProbe(new ImpactFake(ledger, "s3cr3t-token"));

  ImpactPresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    impact.close();
  }

  @Test
  void a_healthy_account_is_up_on_every_endpoint() throws Exception {
    CheckResult actions = impact.probe();
    assertThat(actions.success()).as("%s", actions).isTrue();
    assertThat(impact.probe("endpoint: campaigns").success()).isTrue();
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
    CheckResult r = impact.probe("token: wrong-token");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return impact.reasonUnder(fault);
  }
}

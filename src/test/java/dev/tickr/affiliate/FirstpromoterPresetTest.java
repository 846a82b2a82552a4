package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.FirstpromoterFake;
import dev.tickr.testing.PresetProbe;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code firstpromoter} preset against a simulated FirstPromoter, with no user-written
 * condition.
 */
class FirstpromoterPresetTest {
  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe probe =
      new PresetProbe(new FirstpromoterFake(ledger, "fp-api-key-0123456789"));

  FirstpromoterPresetTest() {
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
  void more_than_the_limit_in_a_minute_is_a_429() throws Exception {
    try (PresetProbe few =
        new PresetProbe(new FirstpromoterFake(stopped(), "fp-api-key-0123456789", 2))) {
      assertThat(few.probe().success()).isTrue();
      assertThat(few.probe().success()).isTrue();
      CheckResult third = few.probe();
      assertThat(third.observation().status()).isEqualTo(429);
      assertThat(third.reason()).isEqualTo(Reason.RATE_LIMITED);
    }
  }

  @Test
  void wrong_credentials_are_rejected_as_the_platform_does() throws Exception {
    assertRejected("token: wrong-key-0000");
    assertRejected("account: acc_other");
  }

  @Test
  void the_credentials_are_masked_where_the_monitor_is_shown() throws Exception {
    var config = probe.load(probe.monitor("probe", "token: fp_literal0000"));
    MonitorSpec spec = config.monitors().get(0);
    assertThat(spec.settings().secretValues()).contains("fp_literal0000");
    String shown =
        spec.settings().describe() + MonitorJson.of(spec, config.secretValues().values());
    assertThat(shown).doesNotContain("fp_literal0000");
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

  /** A ledger whose clock stands still, so that every request falls in one window. */
  private static Ledger stopped() {
    Ledger still = new Ledger(Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC));
    still.seed(5, Duration.ofDays(1));
    return still;
  }
}

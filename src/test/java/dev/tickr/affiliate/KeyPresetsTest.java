package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import dev.tickr.simulator.platform.FirstpromoterFake;
import dev.tickr.simulator.platform.PartnerstackFake;
import dev.tickr.simulator.platform.RefersionFake;
import dev.tickr.simulator.platform.TapfiliateFake;
import dev.tickr.testing.PresetProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The presets of the platforms reached with an API key ({@code partnerstack}, {@code tapfiliate},
 * {@code firstpromoter}, {@code refersion}), each against its simulated platform, with no
 * user-written condition: up on every endpoint, each failure with its reason, wrong credentials
 * refused as the platform does, the key masked.
 */
class KeyPresetsTest {

  /**
   * One preset and what its platform does.
   *
   * @param fake the simulated platform over a ledger, with its healthy key
   * @param endpoints the endpoints besides the default one
   * @param stale whether the preset tells a report that stopped moving ({@code stale-data})
   * @param wrong lines that give wrong credentials, each refused with a 401
   * @param keyLine the monitor line that writes the secret key literally, e.g. {@code token: …}
   */
  record Case(
      String name,
      BiFunction<Ledger, String, PlatformFake> fake,
      String key,
      List<String> endpoints,
      boolean stale,
      List<String> wrong,
      String keyLine) {

    PresetProbe probe() {
      Ledger ledger = new Ledger(Clock.systemUTC());
      ledger.seed(20, Duration.ofDays(3));
      return new PresetProbe(fake.apply(ledger, key));
    }

    String literal() {
      return keyLine.substring(keyLine.indexOf(':') + 1).strip();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> presets() {
    return Stream.of(
        new Case(
            "partnerstack",
            PartnerstackFake::new,
            "ps-api-key-0123456789",
            List.of("partnerships"),
            true,
            List.of("token: wrong-key-0000"),
            "token: ps_literal0000"),
        new Case(
            "tapfiliate",
            TapfiliateFake::new,
            "tap-api-key-0123456789",
            List.of("affiliates"),
            true,
            List.of("token: wrong-key-0000"),
            "token: tap_literal0000"),
        new Case(
            "firstpromoter",
            FirstpromoterFake::new,
            "fp-api-key-0123456789",
            List.of(),
            false,
            List.of("token: wrong-key-0000", "account: acc_other"),
            "token: fp_literal0000"),
        new Case(
            "refersion",
            RefersionFake::new,
            "sec_simulated0123456789",
            List.of(),
            false,
            List.of("secret-key: sec_wrong0000", "public-key: pub_other0000"),
            "secret-key: sec_literal0000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void a_healthy_account_is_up_on_every_endpoint(Case c) throws Exception {
    try (PresetProbe probe = c.probe()) {
      CheckResult first = probe.probe();
      assertThat(first.success()).as("%s: %s", c, first).isTrue();
      for (String endpoint : c.endpoints()) {
        CheckResult other = probe.probe("endpoint: " + endpoint);
        assertThat(other.success()).as("%s, endpoint %s: %s", c, endpoint, other).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void each_failure_has_its_reason(Case c) throws Exception {
    Map<Fault, Reason> expected = new LinkedHashMap<>();
    expected.put(Fault.REVOKED, Reason.AUTH_REJECTED);
    expected.put(Fault.ACCESS_DENIED, Reason.ACCESS_DENIED);
    expected.put(Fault.ERROR_IN_200, Reason.BODY_ERROR);
    expected.put(Fault.RATE_LIMITED, Reason.RATE_LIMITED);
    expected.put(Fault.OUTAGE, Reason.HTTP_STATUS);
    if (c.stale()) {
      expected.put(Fault.STALE, Reason.STALE_DATA);
    }
    try (PresetProbe probe = c.probe()) {
      for (Map.Entry<Fault, Reason> e : expected.entrySet()) {
        assertThat(probe.reasonUnder(e.getKey()))
            .as("%s under %s", c, e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void wrong_credentials_are_rejected_as_the_platform_does(Case c) throws Exception {
    try (PresetProbe probe = c.probe()) {
      for (String wrong : c.wrong()) {
        CheckResult r = probe.probe(wrong);
        assertThat(r.success()).as("%s with %s: %s", c, wrong, r).isFalse();
        assertThat(r.observation().status()).as("%s with %s", c, wrong).isEqualTo(401);
        assertThat(r.reason()).as("%s with %s", c, wrong).isEqualTo(Reason.AUTH_REJECTED);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void the_credentials_are_masked_where_the_monitor_is_shown(Case c) throws Exception {
    try (PresetProbe probe = c.probe()) {
      var config = probe.load(probe.monitor("probe", c.keyLine()));
      MonitorSpec spec = config.monitors().get(0);
      assertThat(spec.settings().secretValues()).as("%s", c).contains(c.literal());
      String shown =
          spec.settings().describe() + MonitorJson.of(spec, config.secretValues().values());
      assertThat(shown).as("%s", c).doesNotContain(c.literal());
    }
  }

  @Test
  void firstpromoter_refuses_more_than_its_limit_in_a_minute_with_a_429() throws Exception {
    Ledger still = new Ledger(Clock.fixed(Instant.now(), ZoneOffset.UTC));
    still.seed(5, Duration.ofDays(1));
    try (PresetProbe few =
        new PresetProbe(new FirstpromoterFake(still, "fp-api-key-0123456789", 2))) {
      assertThat(few.probe().success()).isTrue();
      assertThat(few.probe().success()).isTrue();
      CheckResult third = few.probe();
      assertThat(third.observation().status()).isEqualTo(429);
      assertThat(third.reason()).isEqualTo(Reason.RATE_LIMITED);
    }
  }
}

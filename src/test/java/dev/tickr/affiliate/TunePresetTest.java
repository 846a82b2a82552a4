package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.TuneFake;
import dev.tickr.testing.PresetProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code tune} preset against a simulated TUNE network, with no user-written condition. */
class TunePresetTest {
  private static final String TOKEN = "NETtok3n0123456789abcdef";

  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe tune = new PresetProbe(new TuneFake(ledger, TOKEN));

  TunePresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    tune.close();
  }

  @Test
  void a_healthy_network_is_up_on_every_endpoint() throws Exception {
    CheckResult conversions = tune.probe();
    assertThat(conversions.success()).as("%s", conversions).isTrue();
    CheckResult offers = tune.probe("endpoint: offers");
    assertThat(offers.success()).as("%s", offers).isTrue();
  }

  @Test
  void each_failure_inside_a_200_has_its_reason() throws Exception {
    assertThat(reasonOf(Fault.REVOKED)).isEqualTo(Reason.AUTH_REJECTED);
    assertThat(reasonOf(Fault.ACCESS_DENIED)).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(reasonOf(Fault.ERROR_IN_200)).isEqualTo(Reason.BODY_ERROR);
    assertThat(reasonOf(Fault.RATE_LIMITED)).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reasonOf(Fault.OUTAGE)).isEqualTo(Reason.HTTP_STATUS);
  }

  @Test
  void more_than_the_limit_in_10_seconds_is_rate_limited_inside_a_200() throws Exception {
    try (PresetProbe few = new PresetProbe(new TuneFake(stopped(), TOKEN, 2))) {
      assertThat(few.probe().success()).isTrue();
      assertThat(few.probe().success()).isTrue();
      CheckResult third = few.probe();
      assertThat(third.observation().status()).isEqualTo(200);
      assertThat(third.reason()).isEqualTo(Reason.RATE_LIMITED);
    }
  }

  @Test
  void a_report_that_stopped_moving_is_stale() throws Exception {
    assertThat(reasonOf(Fault.STALE)).isEqualTo(Reason.STALE_DATA);
  }

  @Test
  void a_wrong_token_is_refused_inside_a_200_as_tune_does() throws Exception {
    CheckResult r = tune.probe("token: wrong-token-0000");
    assertThat(r.observation().status()).isEqualTo(200);
    assertThat(r.observation().body().text()).contains("\"status\":-1");
    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.AUTH_REJECTED);
  }

  @Test
  void the_base_url_is_built_from_the_network_id() throws Exception {
    MonitorSpec spec = tune.load(monitorWithout("base-url", "network: acme42")).monitors().get(0);
    assertThat(spec.settings().describe())
        .startsWith("GET https://acme42.api.hasoffers.com/Apiv3/json?NetworkToken=***&");
  }

  @Test
  void a_network_id_that_is_no_host_label_is_refused() {
    assertThatThrownBy(() -> tune.load(monitorWithout("base-url", "network: acme/evil")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"network\" of preset tune must be letters, digits and -");
  }

  @Test
  void the_network_token_is_masked_wherever_the_monitor_is_shown() throws Exception {
    for (String token : new String[] {TOKEN, "wrong-token-0000"}) {
      var config = tune.load(tune.monitor("probe", "token: " + token));
      MonitorSpec spec = config.monitors().get(0);
      Set<String> secrets = spec.settings().secretValues();
      assertThat(secrets).contains(token);
      assertThat(spec.settings().describe()).contains("NetworkToken=***").doesNotContain(token);
      String json = MonitorJson.of(spec, config.secretValues().values()).toString();
      assertThat(json).contains("NetworkToken=***").doesNotContain(token);

      // TUNE echoes a wrong token in its error: the evidence Tickr keeps is scrubbed.
      CheckResult r = tune.probe(spec);
      String evidence = Redaction.scrub(r.observation().body().text(), secrets);
      String detail = Redaction.scrubShortened(String.valueOf(r.error()), secrets);
      assertThat(evidence + detail).doesNotContain(token);
    }
  }

  /** The probe's monitor with its {@code key} left out and {@code extra} lines. */
  private String monitorWithout(String key, String... extra) {
    StringBuilder out = new StringBuilder();
    for (String line : tune.monitor("probe", extra).split("\n")) {
      if (!line.strip().startsWith(key + ":")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private @Nullable Reason reasonOf(Fault fault) throws Exception {
    return tune.reasonUnder(fault);
  }

  /** A ledger whose clock stands still, so that every request falls in one window. */
  private static Ledger stopped() {
    Ledger still = new Ledger(Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC));
    still.seed(5, Duration.ofDays(1));
    return still;
  }
}

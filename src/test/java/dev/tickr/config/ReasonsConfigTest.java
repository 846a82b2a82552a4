package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.ReasonRule;
import dev.tickr.check.Reason;
import org.junit.jupiter.api.Test;

/**
 * {@code reasons:} and {@code rate-limited:} as the loader reads them, from defaults and monitors.
 */
class ReasonsConfigTest {
  private static final String YAML =
      """
      defaults:
        rate-limited: down
        reasons:
          ip-not-allowed: ["unregistered address"]
      monitors:
        - name: reports
          url: https://api.partner.example/reports
        - name: postback
          url: https://track.partner.example/postback
          rate-limited: degraded
          reasons:
            body-error: ["success=false", "err_msg="]
            access-denied: [ERR_SCOPE]
        - name: nightly
          type: heartbeat
          period: 1d
      """;

  @Test
  void monitors_take_the_defaults_and_their_own_replace_them() throws ConfigException {
    Config config = Fixtures.LOADER.parse("tickr.yml", YAML);
    MonitorSpec reports = config.monitor("reports").orElseThrow();
    MonitorSpec postback = config.monitor("postback").orElseThrow();

    assertThat(reports.rateLimited()).isEqualTo(RateLimited.DOWN);
    assertThat(reports.reasons().rules())
        .extracting(ReasonRule::reason, r -> r.pattern().pattern(), ReasonRule::anyStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Reason.IP_NOT_ALLOWED, "unregistered address", true));
    assertThat(reports.reasons().rules().get(0).source()).isEqualTo("tickr.yml:4:22");
    assertThat(postback.rateLimited()).isEqualTo(RateLimited.DEGRADED);
    assertThat(postback.reasons().rules())
        .extracting(ReasonRule::reason)
        .containsExactly(Reason.BODY_ERROR, Reason.BODY_ERROR, Reason.ACCESS_DENIED);
    assertThat(config.monitor("nightly").orElseThrow().reasons().isEmpty()).isTrue();
  }

  @Test
  void without_the_keys_a_monitor_is_degraded_when_rate_limited_and_has_no_own_reasons()
      throws ConfigException {
    MonitorSpec spec =
        Fixtures.LOADER
            .parse("tickr.yml", "monitors: [{name: a, url: 'https://a.example'}]")
            .monitor("a")
            .orElseThrow();

    assertThat(spec.rateLimited()).isEqualTo(RateLimited.DEGRADED);
    assertThat(spec.reasons().isEmpty()).isTrue();
  }

  @Test
  void a_change_of_reasons_or_rate_limited_changes_the_fingerprint() throws ConfigException {
    String before =
        Fixtures.LOADER.parse("tickr.yml", YAML).monitor("postback").orElseThrow().fingerprint();
    String otherPattern =
        Fixtures.LOADER
            .parse("tickr.yml", YAML.replace("ERR_SCOPE", "ERR_REALM"))
            .monitor("postback")
            .orElseThrow()
            .fingerprint();
    String otherChoice =
        Fixtures.LOADER
            .parse("tickr.yml", YAML.replace("rate-limited: degraded", "rate-limited: down"))
            .monitor("postback")
            .orElseThrow()
            .fingerprint();

    assertThat(otherPattern).isNotEqualTo(before);
    assertThat(otherChoice).isNotEqualTo(before);
  }
}

package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaPlanTest {

  private static Config load(String yaml) {
    try {
      return Fixtures.LOADER.parse("tickr.yml", yaml);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static String monitors(int n, String interval, String quota) {
    StringBuilder out = new StringBuilder("monitors:\n");
    for (int i = 0; i < n; i++) {
      out.append("  - name: m")
          .append(i)
          .append("\n    url: http://127.0.0.1:1/")
          .append(i)
          .append("\n    interval: ")
          .append(interval)
          .append("\n    quota: ")
          .append(i == 0 ? quota : "{key: impact-acct-1}")
          .append('\n');
    }
    return out.toString();
  }

  @Test
  void monitors_within_their_share_keep_their_intervals() {
    // 5 monitors every 6 minutes: 50 checks an hour, exactly 10% of 500.
    Config config =
        load(monitors(5, "6m", "{key: impact-acct-1, limit: 500, per: 1h, share: 10%}"));

    assertThat(config.monitors())
        .allSatisfy(
            m -> {
              assertThat(m.interval()).isEqualTo(Duration.ofMinutes(6));
              assertThat(m.limits().stretch()).isNull();
              assertThat(m.limits().quota().limit()).isEqualTo(500);
              assertThat(m.limits().quota().budget()).isEqualTo(50);
            });
    assertThat(QuotaPlan.warnings(config.monitors())).isEmpty();
  }

  @Test
  void monitors_over_their_share_are_stretched_evenly_and_say_so() {
    Config config =
        load(monitors(6, "1m", "{key: impact-acct-1, limit: 500, per: 1h, share: 10%}"));

    // 6 monitors every minute would make 360 checks an hour; 10% of 500 is 50. Every 7m30s each
    // starts at most 8 in any hour (48); every 7m20s it could start 9 (54).
    assertThat(config.monitors())
        .allSatisfy(
            m -> {
              assertThat(m.interval()).isEqualTo(Duration.ofSeconds(450));
              assertThat(m.configuredInterval()).isEqualTo(Duration.ofMinutes(1));
            });
    long perHour =
        config.monitors().stream()
            .mapToLong(m -> (3_600_000 + m.interval().toMillis() - 1) / m.interval().toMillis())
            .sum();
    assertThat(perHour).isLessThanOrEqualTo(50);
    List<Problem> warnings = QuotaPlan.warnings(config.monitors());
    assertThat(warnings).hasSize(6);
    assertThat(warnings.get(0).toString())
        .isEqualTo(
            "tickr.yml:5:12: monitor \"m0\": interval stretched from 1m to 7m30s by quota"
                + " impact-acct-1 (50 of 500/1h); at their configured intervals its monitors"
                + " would make 360 checks per 1h");
  }

  @Test
  void a_quota_without_a_key_is_the_monitors_own() {
    Config config =
        load(
            """
            monitors:
              - name: solo
                url: http://127.0.0.1:1/
                interval: 10s
                quota: {limit: 100, per: 1h}
              - name: other
                url: http://127.0.0.1:1/
                interval: 10s
                quota: {limit: 100, per: 1h}
            """);

    // Each has 100 an hour to itself: 360 an hour are stretched to 36s, not shared.
    assertThat(config.monitors()).allSatisfy(m -> assertThat(m.interval()).hasSeconds(36));
    RateLimits.Stretch stretch = config.monitors().get(0).limits().stretch();
    assertThat(stretch).isNotNull();
    assertThat(java.util.Objects.requireNonNull(stretch).text())
        .isEqualTo(
            "interval stretched from 10s to 36s by quota of monitor \"solo\" (100 of 100/1h)");
  }

  @Test
  void paused_monitors_spend_nothing() {
    String yaml =
        monitors(2, "1m", "{key: impact-acct-1, limit: 60, per: 1h}")
            .replace("  - name: m1\n", "  - name: m1\n    paused: true\n");

    Config config = load(yaml);

    assertThat(config.monitor("m0").orElseThrow().interval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void the_api_monitors_share_the_files_quota() {
    Config file = load(monitors(1, "1m", "{key: impact-acct-1, limit: 60, per: 1h}"));
    MonitorSpec api =
        load(monitors(2, "1m", "{key: impact-acct-1, limit: 60, per: 1h}")).monitors().get(1);

    Config both = file.withApi(List.of(api), List.of(), java.util.Set.of(), java.util.Set.of());

    assertThat(both.monitors()).allSatisfy(m -> assertThat(m.interval()).hasMinutes(2));
  }

  @Test
  void retry_after_max_defaults_to_an_hour() {
    Config config = load("monitors:\n  - name: a\n    url: http://127.0.0.1:1/\n");

    RateLimits limits = config.monitors().get(0).limits();
    assertThat(limits.retryAfterMax()).isEqualTo(Duration.ofHours(1));
    assertThat(limits.quota().limited()).isFalse();
    assertThat(limits.quota().warnBelow()).isEqualTo(0.10);
  }

  @Test
  void defaults_can_hold_a_shared_quota_and_the_cap() {
    Config config =
        load(
            """
            defaults:
              quota: {key: acct, limit: 100, per: 1h, share: 0.5, warn-below: 25%}
              retry-after-max: 10m
            monitors:
              - name: a
                url: http://127.0.0.1:1/a
              - name: b
                url: http://127.0.0.1:1/b
            """);

    // 2 monitors every minute: 120 an hour, and 50 allowed.
    assertThat(config.monitors())
        .allSatisfy(
            m -> {
              assertThat(m.limits().retryAfterMax()).isEqualTo(Duration.ofMinutes(10));
              assertThat(m.limits().quota().warnBelow()).isEqualTo(0.25);
              assertThat(m.interval().toSeconds()).isGreaterThanOrEqualTo(144);
            });
  }
}

package dev.tickr.config;

import static dev.tickr.config.Fixtures.http;
import static dev.tickr.config.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.Condition;
import dev.tickr.check.Header;
import dev.tickr.check.Payload;
import dev.tickr.types.HeartbeatType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A monitor's values and the defaults that fill what it leaves out: timeouts, headers, degraded,
 * heartbeats.
 */
class MonitorDefaultsConfigTest {

  @Test
  void fills_every_default_of_a_minimal_http_monitor() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: health
                url: https://api.example.com/health
            """);

    assertThat(spec.name()).isEqualTo("health");
    assertThat(spec.type().name()).isEqualTo("http");
    assertThat(http(spec).url()).isEqualTo(URI.create("https://api.example.com/health"));
    assertThat(http(spec).method()).isEqualTo("GET");
    assertThat(http(spec).headers()).isEmpty();
    assertThat(http(spec).body()).isNull();
    assertThat(http(spec).followRedirects()).isTrue();
    assertThat(spec.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(spec.conditions()).map(Condition::text).containsExactly("[STATUS] < 400");
    assertThat(spec.degraded()).isTrue();
    assertThat(spec.failureThreshold()).isEqualTo(2);
    assertThat(spec.successThreshold()).isEqualTo(1);
    assertThat(spec.alerts()).isEmpty();
    assertThat(spec.tags()).isEmpty();
    assertThat(spec.paused()).isFalse();
    assertThat(spec.source()).isEqualTo("yaml");
    assertThat(spec.line()).isEqualTo(2);
  }

  @Test
  void reads_every_value_a_monitor_sets() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            channels:
              - {name: ops, type: webhook, url: https://hooks.example.com/x}
            monitors:
              - name: conversions
                url: https://api.example.com/conversions
                method: put
                body: '{"id": 1}'
                interval: 2m
                timeout: 30s
                conditions: ["[STATUS] == 200", "[RESPONSE_TIME] < 800"]
                degraded: false
                failure-threshold: 3
                success-threshold: 2
                alerts: [ops, ops]
                tags: [impact, impact, writes]
                paused: true
            """);

    assertThat(http(spec).method()).isEqualTo("PUT");
    assertThat(http(spec).body()).isEqualTo(Payload.of("{\"id\": 1}"));
    assertThat(spec.interval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.conditions())
        .map(Condition::text)
        .containsExactly("[STATUS] == 200", "[RESPONSE_TIME] < 800");
    assertThat(spec.degraded()).isFalse();
    assertThat(spec.failureThreshold()).isEqualTo(3);
    assertThat(spec.successThreshold()).isEqualTo(2);
    assertThat(spec.alerts()).containsExactly("ops");
    assertThat(spec.tags()).containsExactly("impact", "writes");
    assertThat(spec.paused()).isTrue();
  }

  @Test
  void a_body_without_a_method_is_posted() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: postback
                url: https://track.example.com/postback
                body: click_id=test&amount=1.00
            """);

    assertThat(http(spec).method()).isEqualTo("POST");
  }

  @Test
  void timeout_defaults_to_the_interval_when_that_is_shorter_than_ten_seconds()
      throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: pixel
                url: https://track.example.com/pixel.gif
                interval: 5s
            """);

    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void an_empty_condition_list_means_no_conditions() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: anything goes
                url: https://api.example.com/
                conditions: []
            """);

    assertThat(spec.conditions()).isEmpty();
  }

  @Test
  void defaults_come_first_and_headers_merge_by_name_with_the_monitor_winning()
      throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            defaults:
              interval: 5m
              failure-threshold: 3
              tags: [affiliate]
              headers:
                Accept: application/json
                User-Agent: tickr-default
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                headers:
                  user-agent: tickr-campaigns
                  X-Request-Source: monitor
              - name: reports
                url: https://api.example.com/reports
                interval: 15m
                tags: [reports]
            """);

    MonitorSpec campaigns = config.monitor("campaigns").orElseThrow();
    assertThat(http(campaigns).headers())
        .containsExactly(
            Header.plain("Accept", "application/json"),
            Header.plain("user-agent", "tickr-campaigns"),
            Header.plain("X-Request-Source", "monitor"));
    assertThat(campaigns.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(campaigns.failureThreshold()).isEqualTo(3);
    assertThat(campaigns.tags()).containsExactly("affiliate");

    MonitorSpec reports = config.monitor("reports").orElseThrow();
    assertThat(http(reports).headers())
        .containsExactly(
            Header.plain("Accept", "application/json"),
            Header.plain("User-Agent", "tickr-default"));
    assertThat(reports.interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(reports.tags()).as("lists replace, they do not merge").containsExactly("reports");
  }

  @Test
  void degraded_can_be_turned_off_in_defaults_and_on_again_by_a_monitor() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            defaults:
              degraded: false
            monitors:
              - name: postback
                url: https://track.example.com/postback
                conditions: ["[STATUS] == 200", "[RESPONSE_TIME] < 800"]
              - name: certificate
                type: tls
                host: shop.example.com
                conditions: ["[CERTIFICATE_EXPIRATION] > 14d"]
                degraded: true
              - name: database
                type: tcp
                host: db.internal
                port: 5432
            """);

    assertThat(config.monitor("postback").orElseThrow().degraded()).isFalse();
    assertThat(config.monitor("certificate").orElseThrow().degraded()).isTrue();
    assertThat(config.monitor("database").orElseThrow().degraded()).isFalse();
  }

  @Test
  void heartbeat_monitors_take_period_grace_and_an_optional_token() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            defaults:
              grace: 5m
            monitors:
              - name: api
                url: https://api.example.com/
              - name: export
                type: Heartbeat
                period: 1h
              - name: import
                type: heartbeat
                period: 1d
                failure-threshold: 2
                token: abcdefghijklmnopqrstuv_-0123
            """);

    MonitorSpec export = config.monitor("export").orElseThrow();
    assertThat(export.settings())
        .isEqualTo(new HeartbeatType.Settings(Duration.ofHours(1), Duration.ofMinutes(5), null));
    assertThat(export.failureThreshold())
        .as("a heartbeat fails at its first missed ping by default")
        .isEqualTo(1);
    MonitorSpec importing = config.monitor("import").orElseThrow();
    assertThat(((HeartbeatType.Settings) importing.settings()).token())
        .isEqualTo("abcdefghijklmnopqrstuv_-0123");
    assertThat(importing.failureThreshold()).isEqualTo(2);
    assertThat(importing.settings().toString())
        .as("the token is a secret")
        .doesNotContain("abcdefghijklmnopqrstuv");
  }

  @Test
  void a_heartbeat_token_must_be_long_url_safe_and_unique() {
    assertThat(
            Fixtures.problems(
                """
                monitors:
                  - name: short
                    type: heartbeat
                    period: 1h
                    token: tooshort
                  - name: slashed
                    type: heartbeat
                    period: 1h
                    token: abcdefghijklmnopqrstuvwxyz/0123
                  - name: first
                    type: heartbeat
                    period: 1h
                    token: abcdefghijklmnopqrstuvwxyz0123
                  - name: second
                    type: heartbeat
                    period: 1h
                    token: abcdefghijklmnopqrstuvwxyz0123
                """))
        .containsExactly(
            "tickr.yml:5:12: token must be at least 22 characters of A-Z, a-z, 0-9, \"-\" and"
                + " \"_\" (got 8 characters)",
            "tickr.yml:9:12: token must be at least 22 characters of A-Z, a-z, 0-9, \"-\" and"
                + " \"_\" (got 31 characters)",
            "tickr.yml:14:11: heartbeat monitor \"second\" has the same token as \"first\"; each"
                + " needs its own");
  }

  @Test
  void defaults_that_a_type_does_not_use_are_ignored_for_it() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            defaults:
              method: HEAD
              headers: {Accept: application/json}
              conditions: ["[STATUS] == 200"]
              grace: 5m
            monitors:
              - name: database
                type: tcp
                host: db.internal
                port: 5432
              - name: api
                url: https://api.example.com/
            """);

    assertThat(config.monitor("database").orElseThrow().conditions())
        .as("conditions from defaults are for http monitors")
        .isEmpty();
    MonitorSpec api = config.monitor("api").orElseThrow();
    assertThat(http(api).method()).isEqualTo("HEAD");
    assertThat(api.conditions()).map(Condition::text).containsExactly("[STATUS] == 200");
  }
}

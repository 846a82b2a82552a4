package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.types.DnsType;
import dev.tickr.types.HeartbeatType;
import dev.tickr.types.HttpType;
import dev.tickr.types.TcpType;
import dev.tickr.types.TlsType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static MonitorSpec only(String yaml) throws ConfigException {
    Config config = Fixtures.parse(yaml);
    assertThat(config.monitors()).hasSize(1);
    return config.monitors().get(0);
  }

  private static HttpTarget http(MonitorSpec spec) {
    assertThat(spec.settings()).isInstanceOf(HttpType.Settings.class);
    return ((HttpType.Settings) spec.settings()).target();
  }

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

  @Test
  void reads_every_monitor_type() throws ConfigException {
    Config config = Fixtures.LOADER.load(Fixtures.ROOT.resolve("valid/every-type.yml"));

    assertThat(config.monitors())
        .map(MonitorSpec::settings)
        .containsExactly(
            new HttpType.Settings(HttpTarget.get(URI.create("https://api.example.com/campaigns"))),
            new TcpType.Settings("db.internal", 5432),
            new TcpType.Settings("::1", 6379),
            new DnsType.Settings("track.example.com", "AAAA", "[2606:4700:4700::1111]:53"),
            new TlsType.Settings("shop.example.com", 443));
    assertThat(config.monitors())
        .map(m -> m.type().name())
        .containsExactly("http", "tcp", "tcp", "dns", "tls");
  }

  @Test
  void describes_each_endpoint_for_people() {
    assertThat(new TcpType.Settings("::1", 6379).describe()).isEqualTo("[::1]:6379");
    assertThat(new TlsType.Settings("shop.example.com", 443).describe())
        .isEqualTo("shop.example.com:443");
    assertThat(new DnsType.Settings("example.com", "MX", "1.1.1.1").describe())
        .isEqualTo("MX example.com @1.1.1.1");
    assertThat(new DnsType.Settings("example.com", "A", null).describe())
        .isEqualTo("A example.com");
    assertThat(new HeartbeatType.Settings(Duration.ofDays(1), Duration.ofHours(1), null).describe())
        .isEqualTo("a ping every 1d (grace 1h)");
  }

  @Test
  void a_dns_monitor_asks_for_an_a_record_of_the_system_resolver_by_default()
      throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: resolver
                type: dns
                host: example.com
            """);

    assertThat(spec.settings()).isEqualTo(new DnsType.Settings("example.com", "A", null));
  }

  @Test
  void reads_type_and_query_type_in_any_case() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: resolver
                type: DNS
                host: example.com
                query-type: mx
            """);

    assertThat(spec.settings()).isEqualTo(new DnsType.Settings("example.com", "MX", null));
  }

  @Test
  void basic_auth_becomes_a_secret_authorization_header() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: campaigns
                url: https://api.impact.com/Advertisers/${IMPACT_SID}/Campaigns
                auth:
                  basic:
                    username: ${IMPACT_SID}
                    password: ${IMPACT_TOKEN}
            """);

    String expected =
        Base64.getEncoder()
            .encodeToString(
                "IRtestSid1230000000000000000000000:impact-test-token"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(http(spec).headers())
        .containsExactly(Header.secret("Authorization", "Basic " + expected));
    assertThat(http(spec).url().getPath())
        .isEqualTo("/Advertisers/IRtestSid1230000000000000000000000/Campaigns");
  }

  @Test
  void bearer_and_header_auth_become_secret_headers() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: bearer
                url: https://api.example.com/a
                auth: {bearer: literal-token}
              - name: header
                url: https://api.example.com/b
                auth:
                  header: {name: X-Network-Token, value: plain-in-the-file}
            """);

    assertThat(http(config.monitor("bearer").orElseThrow()).headers())
        .containsExactly(Header.secret("Authorization", "Bearer literal-token"));
    assertThat(http(config.monitor("header").orElseThrow()).headers())
        .containsExactly(Header.secret("X-Network-Token", "plain-in-the-file"));
  }

  @Test
  void marks_header_values_secret_when_they_come_from_the_environment_or_their_name_says_so()
      throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: offers
                url: https://api.example.com/offers
                headers:
                  Accept: application/json
                  X-Partner: ${API_HOST}
                  X-Api-Key: written-in-the-file
                  Cookie: session=abc
                  X-Signature: abc
                  X-Auth-Token: abc
            """);

    assertThat(http(spec).headers())
        .extracting(Header::name, Header::secret)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accept", false),
            org.assertj.core.groups.Tuple.tuple("X-Partner", true),
            org.assertj.core.groups.Tuple.tuple("X-Api-Key", true),
            org.assertj.core.groups.Tuple.tuple("Cookie", true),
            org.assertj.core.groups.Tuple.tuple("X-Signature", true),
            org.assertj.core.groups.Tuple.tuple("X-Auth-Token", true));
  }

  @Test
  void never_prints_a_secret() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - name: ops
                type: webhook
                url: https://hooks.example.com/tickr
                secret: ${WEBHOOK_SECRET}
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                auth: {bearer: "${TUNE_NETWORK_TOKEN}"}
                headers: {X-Api-Key: "${POSTBACK_SECRET}"}
            """);

    assertThat(config.toString())
        .doesNotContain("webhook-test-secret", "tune-test-token", "postback-test-secret")
        .contains("***");
  }

  @Test
  void a_problem_never_shows_a_value_from_the_environment() {
    ConfigLoader loader = BuiltInTypes.loader(Map.of("INTERVAL", "soon", "TOKEN", "not-a-port"));

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                loader.parse(
                    "tickr.yml",
                    """
                    monitors:
                      - name: db
                        type: tcp
                        host: db.internal
                        port: ${TOKEN}
                        interval: ${INTERVAL}
                    """));

    assertThat(e.problems())
        .map(Problem::toString)
        .containsExactly(
            "tickr.yml:5:11: port must be a whole number, got ***",
            "tickr.yml:6:15: interval must be a duration like 30s, got ***");
  }

  @Test
  void a_double_dollar_writes_a_literal_dollar_brace() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: templated
                url: https://api.example.com/templated
                headers:
                  X-Template: "$${NOT_A_VARIABLE} costs $5 and $$ stays"
            """);

    assertThat(http(spec).headers())
        .containsExactly(Header.plain("X-Template", "${NOT_A_VARIABLE} costs $5 and $$ stays"));
  }

  @Test
  void a_value_from_the_environment_is_read_as_its_field_requires() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: certificate
                type: tls
                host: ${API_HOST}
                port: ${PORT}
            """);

    assertThat(spec.settings()).isEqualTo(new TlsType.Settings("api.example.com", 8443));
  }

  @Test
  void two_loads_of_the_same_text_give_equal_specs() throws ConfigException {
    String yaml = Fixtures.read(Path.of("examples/tickr.yml"));

    Config first = Fixtures.LOADER.parse("tickr.yml", yaml);
    Config second = Fixtures.LOADER.parse("tickr.yml", yaml);

    assertThat(second).isEqualTo(first);
    assertThat(second.monitors())
        .map(MonitorSpec::fingerprint)
        .containsExactlyElementsOf(
            first.monitors().stream().map(MonitorSpec::fingerprint).toList());
  }

  @Test
  void the_fingerprint_ignores_where_a_monitor_is_written_but_not_what_it_checks()
      throws ConfigException {
    String yaml =
        """
        monitors:
          - name: campaigns
            url: https://api.example.com/campaigns
            auth: {bearer: "${TOKEN}"}
        """;
    MonitorSpec original = only(yaml.replace("${TOKEN}", "one"));
    MonitorSpec moved = only("# a comment moves it down\n" + yaml.replace("${TOKEN}", "one"));
    MonitorSpec rotated = only(yaml.replace("${TOKEN}", "two"));
    MonitorSpec slower = only(yaml.replace("${TOKEN}", "one") + "    interval: 5m\n");
    MonitorSpec strict = only(yaml.replace("${TOKEN}", "one") + "    degraded: false\n");

    assertThat(moved).isNotEqualTo(original);
    assertThat(moved.fingerprint()).isEqualTo(original.fingerprint());
    assertThat(rotated.fingerprint()).isNotEqualTo(original.fingerprint());
    assertThat(slower.fingerprint()).isNotEqualTo(original.fingerprint());
    assertThat(strict.fingerprint()).isNotEqualTo(original.fingerprint());
    assertThat(original.fingerprint()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void every_type_has_a_fingerprint_of_its_own() throws ConfigException {
    Config config = Fixtures.LOADER.load(Fixtures.ROOT.resolve("valid/every-type.yml"));

    assertThat(config.monitors().stream().map(MonitorSpec::fingerprint).distinct())
        .hasSize(config.monitors().size());
  }

  @Test
  void keeps_channel_settings_raw_with_their_places_and_secrets() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - name: ops
                type: Webhook
                url: https://hooks.example.com/tickr
                secret: ${WEBHOOK_SECRET}
                retries: 3
                ratio: 0.5
                enabled: true
                note: "true"
                headers:
                  X-Api-Key: abc
                  X-Team: growth
                to: [a@example.com, b@example.com]
                empty:
            """);

    ChannelSpec ops = config.channel("ops").orElseThrow();
    assertThat(ops.type()).isEqualTo("webhook");
    assertThat(ops.line()).isEqualTo(2);
    assertThat(ops.settings())
        .containsExactly(
            Map.entry("url", "https://hooks.example.com/tickr"),
            Map.entry("secret", "webhook-test-secret"),
            Map.entry("retries", 3L),
            Map.entry("ratio", 0.5),
            Map.entry("enabled", true),
            Map.entry("note", "true"),
            Map.entry("headers", Map.of("X-Api-Key", "abc", "X-Team", "growth")),
            Map.entry("to", List.of("a@example.com", "b@example.com")));
    assertThat(ops.location("url")).contains(new Location("tickr.yml", 4, 10));
    assertThat(ops.location("headers.X-Team")).contains(new Location("tickr.yml", 12, 15));
    assertThat(ops.location("to[1]")).contains(new Location("tickr.yml", 13, 25));
    assertThat(ops.isSecret("secret")).isTrue();
    assertThat(ops.isSecret("headers.X-Api-Key")).isTrue();
    assertThat(ops.isSecret("headers.X-Team")).isFalse();
    assertThat(ops.isSecret("url")).isFalse();
    assertThatThrownBy(() -> ops.settings().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void reads_status_pages_with_their_groups() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - {name: campaigns, url: https://api.example.com/campaigns}
              - {name: postback, url: https://track.example.com/postback}
            status-pages:
              - slug: partners
                monitors: [campaigns, postback]
                groups:
                  - name: Tracking
                    monitors: [postback]
              - slug: internal
                title: Internal APIs
            """);

    StatusPageSpec partners = config.statusPage("partners").orElseThrow();
    assertThat(partners.title()).as("the slug when no title is given").isEqualTo("partners");
    assertThat(partners.monitors()).containsExactly("campaigns", "postback");
    assertThat(partners.groups())
        .containsExactly(new StatusPageSpec.Group("Tracking", List.of("postback")));
    assertThat(partners.location("groups[0].name")).contains(new Location("tickr.yml", 8, 15));
    assertThat(partners.line()).isEqualTo(5);
    assertThat(partners.source()).isEqualTo(MonitorSpec.SOURCE_YAML);
    StatusPageSpec internal = config.statusPage("internal").orElseThrow();
    assertThat(internal.title()).isEqualTo("Internal APIs");
    assertThat(internal.monitors()).isEmpty();
    assertThat(internal.groups()).isEmpty();
  }

  @Test
  void a_status_page_that_lost_a_monitor_shows_the_rest() throws ConfigException {
    StatusPageSpec page =
        Fixtures.parse(
                """
                monitors:
                  - {name: a, url: https://a.example.com}
                  - {name: b, url: https://b.example.com}
                status-pages:
                  - {slug: p, monitors: [a, b], groups: [{name: G, monitors: [b]}]}
                """)
            .statusPage("p")
            .orElseThrow();

    StatusPageSpec kept = page.keeping(List.of("a"));

    assertThat(kept.monitors()).containsExactly("a");
    assertThat(kept.groups()).containsExactly(new StatusPageSpec.Group("G", List.of()));
    assertThat(page.keeping(List.of("a", "b", "c"))).isSameAs(page);
  }

  @Test
  void reads_maintenance_windows() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
            maintenance:
              - name: network release
                start: 2026-12-01T02:00:00Z
                duration: 2h
                monitors: [campaigns]
              - name: nightly backup
                every: monday..friday
                from: "02:00"
                to: "03:30"
                timezone: Europe/Berlin
                tags: [db]
            """);

    assertThat(config.maintenance())
        .containsExactly(
            new MaintenanceWindow(
                "network release",
                List.of("campaigns"),
                List.of(),
                new MaintenanceWindow.Once(
                    Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-01T04:00:00Z")),
                5),
            new MaintenanceWindow(
                "nightly backup",
                List.of(),
                List.of("db"),
                new MaintenanceWindow.Weekly(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(2, 0),
                    null,
                    LocalTime.of(3, 30),
                    ZoneId.of("Europe/Berlin")),
                9));
  }

  @Test
  void reads_storage_and_server() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            storage:
              path: /var/lib/tickr
              raw-retention: 14d
              rollup-retention: 2y
            """
                    .replace("2y", "730d")
                + """
            server:
              listen: "[::]:9090"
              public-url: https://status.example.com
            """);

    assertThat(config.storage())
        .isEqualTo(
            new StorageSpec(Path.of("/var/lib/tickr"), Duration.ofDays(14), Duration.ofDays(730)));
    assertThat(config.server())
        .isEqualTo(new ServerSpec("::", 9090, URI.create("https://status.example.com")));
    assertThat(config.server().listen()).isEqualTo("[::]:9090");
  }

  @Test
  void storage_and_server_have_defaults() throws ConfigException {
    Config config = Fixtures.parse("monitors: []\nstorage: {}\nserver: {}\n");

    assertThat(config.storage()).isEqualTo(StorageSpec.DEFAULT);
    assertThat(config.storage().rawRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.storage().rollupRetention()).isEqualTo(Duration.ofDays(400));
    assertThat(config.server()).isEqualTo(ServerSpec.DEFAULT);
    assertThat(config.server().listen()).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void an_empty_file_is_an_empty_config() throws ConfigException {
    assertThat(Fixtures.parse("")).isEqualTo(Config.EMPTY);
    assertThat(Fixtures.parse("# nothing yet\n")).isEqualTo(Config.EMPTY);
    assertThat(Fixtures.parse("\uFEFFmonitors:\n")).isEqualTo(Config.EMPTY);
  }

  @Test
  void top_level_keys_starting_with_x_dash_hold_anchors() throws ConfigException {
    Config config = Fixtures.LOADER.load(Fixtures.ROOT.resolve("valid/anchors.yml"));

    assertThat(config.monitors())
        .map(MonitorSpec::interval)
        .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15));
    assertThat(config.monitors())
        .allSatisfy(
            m ->
                assertThat(http(m).headers())
                    .containsExactly(Header.plain("Accept", "application/json")));
  }

  @Test
  void a_merge_key_must_name_a_mapping() {
    assertThat(
            Fixtures.problems(
                """
                monitors:
                  - name: campaigns
                    url: https://api.example.com/campaigns
                    <<: not a mapping
                """))
        .containsExactly("tickr.yml:4:9: << merges a mapping (<<: *anchor), got \"not a mapping\"");
  }

  @Test
  void an_alias_means_the_last_anchor_of_its_name_before_it() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            x-tags: &tags [first]
            x-again: &tags [second]
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                tags: *tags
            """);

    assertThat(config.monitors().getFirst().tags()).containsExactly("second");
  }

  @Test
  void every_alias_without_an_anchor_before_it_is_reported_where_it_is() {
    assertThat(
            Fixtures.problems(
                """
                monitors:
                  - name: campaigns
                    url: https://api.example.com/campaigns
                    tags: *later
                    headers: *nowhere
                x-later: &later [a]
                """))
        .containsExactly(
            "tickr.yml:4:11: *later refers to no anchor: &later must come before it",
            "tickr.yml:5:14: *nowhere refers to no anchor: &nowhere must come before it");
  }

  @Test
  void reports_a_file_that_cannot_be_read_at_its_first_line(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yml");

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(missing)))
        .hasMessage(missing + ":1:1: cannot read the config: no such file");
    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(dir)))
        .hasMessage(dir + ":1:1: cannot read the config: it is a directory");
  }

  @Test
  void reports_a_file_that_is_not_utf8(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("tickr.yml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(latin1)))
        .hasMessage(latin1 + ":1:1: cannot read the config: it is not UTF-8 text");
  }

  @Test
  void loads_a_file_and_names_it_in_problems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tickr.yml");
    Files.writeString(
        file, "monitors:\n  - name: x\n    url: https://example.com\n    interval: 1\n");

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(file)))
        .hasMessage(
            file + ":4:15: interval must be a duration like 30s, got 1 (add a unit, e.g. 1s)");
  }

  @Test
  void the_config_cannot_be_changed() throws ConfigException {
    Config config = Fixtures.LOADER.load(Path.of("examples/tickr.yml"));

    assertThatThrownBy(() -> config.monitors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.monitors().get(0).tags().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.maintenance().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.policies().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_monitor_cannot_have_a_target_of_another_type() {
    assertThatThrownBy(
            () ->
                new MonitorSpec(
                    "x",
                    BuiltInTypes.types().find("heartbeat").orElseThrow(),
                    new TlsType.Settings("h", 443),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(10),
                    List.of(),
                    true,
                    RateLimited.DEFAULT,
                    ReasonRules.NONE,
                    2,
                    1,
                    List.of(),
                    List.of(),
                    Flapping.DEFAULT,
                    List.of(),
                    false,
                    RateLimits.defaults(new Location("t.yml", 1, 1)),
                    "yaml",
                    1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_config_exception_lists_one_problem_per_line() {
    ConfigException e =
        new ConfigException(
            List.of(new Problem("a.yml", 1, 2, "first"), new Problem("a.yml", 3, 4, "second")));

    assertThat(e).hasMessage("a.yml:1:2: first\na.yml:3:4: second");
    assertThatThrownBy(() -> new ConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_config_of_several_megabytes_loads_with_every_place_right() throws ConfigException {
    // 12,000 detailed monitors: about 5 MB, more than SnakeYAML reads by default (3 Mi chars).
    StringBuilder yaml = new StringBuilder("defaults:\n  interval: 30s\nmonitors:\n");
    int monitors = 12_000;
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: conversion-postback-")
          .append(i)
          .append("\n    url: https://track.example.com/postback/")
          .append(i)
          .append("?click_id=abc123&payout=12.50&currency=USD&network=impact&sub1=campaign\n")
          .append("    method: POST\n")
          .append("    headers:\n      Accept: application/json\n      X-Program: program-")
          .append(i % 50)
          .append("\n    body: '{\"event\":\"conversion\",\"order_id\":\"order-")
          .append(i)
          .append("\",\"amount\":12.50}'\n")
          .append("    conditions: ['[STATUS] == 200', '[BODY].status == ok']\n")
          .append("    tags: [affiliate, program-")
          .append(i % 50)
          .append("]\n");
    }
    yaml.append("  - name: last\n    url: https://api.example.com/health\n    interval: 0s\n");
    assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Fixtures.parse(yaml.toString()));
    // Everything was read: the one problem is the last monitor's, at its own line and column.
    long lines = yaml.chars().filter(c -> c == '\n').count();
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(lines);
              assertThat(p.column()).isEqualTo(15);
              assertThat(p.message()).contains("interval");
            });

    Config config = Fixtures.parse(yaml.substring(0, yaml.lastIndexOf("  - name: last")));
    assertThat(config.monitors()).hasSize(monitors);
    MonitorSpec lastOne = config.monitors().get(monitors - 1);
    assertThat(lastOne.name()).isEqualTo("conversion-postback-" + (monitors - 1));
    assertThat(http(lastOne).headers()).hasSize(2);
    assertThat(lastOne.conditions()).hasSize(2);
    assertThat(lastOne.interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_long_list_keeps_its_order_and_every_monitor_its_defaults() throws ConfigException {
    StringBuilder yaml = new StringBuilder("defaults:\n  interval: 45s\nmonitors:\n");
    int monitors = ConfigReader.PARALLEL_FROM + 501;
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: m").append(i).append("\n    url: https://api.example.com/");
      yaml.append(i).append('\n');
    }

    Config config = Fixtures.parse(yaml.toString());

    assertThat(config.monitors()).hasSize(monitors);
    for (int i = 0; i < monitors; i++) {
      MonitorSpec m = config.monitors().get(i);
      assertThat(m.name()).isEqualTo("m" + i);
      assertThat(m.interval()).isEqualTo(Duration.ofSeconds(45));
      assertThat(m.line()).isEqualTo(4 + 2 * i);
    }
  }

  @Test
  void a_long_list_reports_each_problem_in_file_order_with_its_place() {
    StringBuilder yaml = new StringBuilder("monitors:\n");
    int monitors = 3_000;
    for (int i = 0; i < monitors; i++) {
      String name = i == 2_990 ? "m5" : "m" + i; // the second m5, far from the first
      String interval = i == 10 || i == 2_500 ? "0s" : "30s";
      yaml.append("  - name: ")
          .append(name)
          .append("\n    url: https://api.example.com/")
          .append(i)
          .append("\n    interval: ")
          .append(interval)
          .append('\n');
    }
    List<String> problems = Fixtures.problems(yaml.toString());
    // Three lines a monitor after the first: monitor i starts at line 2 + 3i.
    assertThat(problems)
        .containsExactly(
            "tickr.yml:" + (2 + 3 * 10 + 2) + ":15: interval must be at least 1s, got \"0s\"",
            "tickr.yml:" + (2 + 3 * 2_500 + 2) + ":15: interval must be at least 1s, got \"0s\"",
            "tickr.yml:"
                + (2 + 3 * 2_990)
                + ":11: duplicate monitor name \"m5\" (first declared at line "
                + (2 + 3 * 5)
                + ")");
  }
}

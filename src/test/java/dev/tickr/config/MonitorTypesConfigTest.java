package dev.tickr.config;

import static dev.tickr.config.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.HttpTarget;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.types.DnsType;
import dev.tickr.types.HeartbeatType;
import dev.tickr.types.HttpType;
import dev.tickr.types.TcpType;
import dev.tickr.types.TlsType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each monitor type read from YAML: its target, how it is described, and its fingerprint. */
class MonitorTypesConfigTest {

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
}

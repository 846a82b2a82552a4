package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.ConfigException;
import dev.tickr.config.Key;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.TypeDefinition;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hot reload takes a monitor as changed when its fingerprint changes: every key of every registered
 * type must change it, and two loads of the same text must not. A type whose settings leave a key
 * out of their fingerprint, or a key without a case here, fails.
 */
class FingerprintTest {
  private static final TestCertificates CERTIFICATES = TestCertificates.create();
  private static final TestCa CA = CERTIFICATES.ca();
  private static final TestIdentity CLIENT = CA.leaf("tickr-client");

  private static Map<String, String> cases(String... keysAndYaml) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < keysAndYaml.length; i += 2) {
      out.put(keysAndYaml[i], keysAndYaml[i + 1]);
    }
    return Map.copyOf(out);
  }

  /** PEM text as a YAML block scalar under a monitor's key. */
  private static String block(String pem) {
    return "|\n" + pem.strip().lines().map(l -> "      " + l).collect(Collectors.joining("\n"));
  }

  /** Each type's keys as YAML lines: the base monitor, then one other value for each key. */
  private static final Map<String, Map<String, String>> CASES =
      Map.of(
          "http",
          cases(
              "",
              "url: https://a.test/x",
              "url",
              "url: https://a.test/y",
              "method",
              "url: https://a.test/x\n    method: HEAD",
              "headers",
              "url: https://a.test/x\n    headers: {X-A: b}",
              "body",
              "url: https://a.test/x\n    body: hello",
              "auth",
              "url: https://a.test/x\n    auth: {bearer: t0k3n}",
              "follow-redirects",
              "url: https://a.test/x\n    follow-redirects: false",
              "follow-refresh",
              "url: https://a.test/x\n    follow-refresh: true",
              "insecure",
              "url: https://a.test/x\n    insecure: true",
              "max-body",
              "url: https://a.test/x\n    max-body: 2KiB",
              "proxy",
              "url: https://a.test/x\n    proxy: http://127.0.0.1:3128",
              "ca-cert",
              "url: https://a.test/x\n    ca-cert: " + block(CA.pem()),
              "client-cert",
              "url: https://a.test/x\n    client-cert: "
                  + block(CLIENT.chainPem())
                  + "\n    client-key: "
                  + block(CLIENT.keyPem()),
              "client-key",
              "url: https://a.test/x\n    client-cert: "
                  + block(CLIENT.chainPem())
                  + "\n    client-key: "
                  + block(CLIENT.keyPem())),
          "tcp",
          Map.of(
              "",
              "host: a.test\n    port: 1",
              "url",
              "url: tcp://a.test:2",
              "host",
              "host: b.test\n    port: 1",
              "port",
              "host: a.test\n    port: 2"),
          "dns",
          Map.of(
              "",
              "host: a.test",
              "host",
              "host: b.test",
              "query-type",
              "host: a.test\n    query-type: MX",
              "nameserver",
              "host: a.test\n    nameserver: 10.0.0.2"),
          "tls",
          Map.of(
              "", "host: a.test", "host", "host: b.test", "port", "host: a.test\n    port: 8443"),
          "heartbeat",
          Map.of(
              "",
              "period: 1h",
              "period",
              "period: 2h",
              "grace",
              "period: 1h\n    grace: 5m",
              "token",
              "period: 1h\n    token: abcdefghijklmnopqrstuvwxyz012345",
              "count",
              "period: 1h\n    count: \"[BODY].orders\""),
          "flow",
          Map.of(
              "",
              "steps: [{name: a, url: https://a.test/x}]",
              "steps",
              "steps: [{name: a, url: https://a.test/x, poll: {every: 1s, within: 1m}}]",
              "durations",
              "steps: [{name: a, url: https://a.test/x}]\n    durations: {latency: {from: a, to: a}}"));

  private static MonitorSpec monitor(String type, String keys) throws ConfigException {
    String yaml = "monitors:\n  - name: m\n    type: " + type + "\n    " + keys + "\n";
    return BuiltInTypes.loader(Map.of()).parse("tickr.yml", yaml).monitors().get(0);
  }

  @Test
  void every_key_of_every_type_changes_the_fingerprint() throws ConfigException {
    for (TypeDefinition type : BuiltInTypes.types().all()) {
      assertThat(CASES).as("cases for type %s", type.name()).containsKey(type.name());
      Map<String, String> cases = CASES.getOrDefault(type.name(), Map.of());
      String base = monitor(type.name(), cases.getOrDefault("", "")).fingerprint();
      assertThat(monitor(type.name(), cases.getOrDefault("", "")).fingerprint())
          .as("%s: the same text, the same fingerprint", type.name())
          .isEqualTo(base);
      List<String> keys = type.keys().stream().map(Key::name).toList();
      assertThat(cases.keySet()).as("cases for %s", type.name()).containsAll(keys);
      for (String key : keys) {
        assertThat(monitor(type.name(), cases.getOrDefault(key, "")).fingerprint())
            .as("%s: another %s, another fingerprint", type.name(), key)
            .isNotEqualTo(base);
      }
    }
  }

  @Test
  void locations_and_confirm_change_the_fingerprint_and_no_locations_keeps_it()
      throws ConfigException {
    String url = "url: https://a.test/x";
    String base = monitor("http", url).fingerprint();
    String placed = monitor("http", url + "\n    locations: [eu, us]").fingerprint();

    assertThat(placed).isNotEqualTo(base);
    assertThat(monitor("http", url + "\n    locations: [eu, us]\n    confirm: 1").fingerprint())
        .as("another confirm")
        .isNotEqualTo(placed);
    assertThat(monitor("http", url + "\n    locations: [us, eu]").fingerprint())
        .as("another order of locations")
        .isNotEqualTo(placed);
    assertThat(monitor("http", url + "\n    locations: [eu, us]\n    confirm: 2").fingerprint())
        .as("confirm written as its default")
        .isEqualTo(placed);
  }

  @Test
  void placeholders_fingerprint_as_written_and_a_change_to_one_is_a_change()
      throws ConfigException {
    String window =
        "url: https://a.test/tx?from={{now-30d/d:yyyy-MM-dd}}&to={{now:yyyy-MM-dd}}\n"
            + "    headers: {X-At: \"{{now:unix}}\"}\n"
            + "    body: '{\"id\": \"{{uuid}}\"}'";
    String base = monitor("http", window).fingerprint();

    assertThat(monitor("http", window).fingerprint()).isEqualTo(base);
    for (String[] edit :
        List.of(
            new String[] {"now-30d/d", "now-31d/d"},
            new String[] {"{{now:unix}}", "{{now:unix-ms}}"},
            new String[] {"{{uuid}}", "{{random:8}}"})) {
      assertThat(monitor("http", window.replace(edit[0], edit[1])).fingerprint())
          .as("%s written %s", edit[0], edit[1])
          .isNotEqualTo(base);
    }
  }
}

package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.ConfigException;
import dev.tickr.config.Key;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.TypeDefinition;
import dev.tickr.testing.BuiltInTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hot reload takes a monitor as changed when its fingerprint changes: every key of every registered
 * type must change it, and two loads of the same text must not. A type whose settings leave a key
 * out of their fingerprint, or a key without a case here, fails.
 */
class FingerprintTest {
  /** Each type's keys as YAML lines: the base monitor, then one other value for each key. */
  private static final Map<String, Map<String, String>> CASES =
      Map.of(
          "http",
          Map.of(
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
              "url: https://a.test/x\n    auth: {bearer: t0k3n}"),
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
              "period: 1h\n    token: abcdefghijklmnopqrstuvwxyz012345"));

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
}

package dev.tickr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.testing.BuiltInTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFingerprintTest {
  private static final String BASE =
      """
      defaults:
        interval: 30s
      channels:
        - {name: ops, type: webhook, url: "https://hooks.example.com/x", headers: {A: "1", B: "2"}}
      monitors:
        - name: api
          url: https://api.example.com/health
          locations: [eu, us]
        - name: db
          type: tcp
          host: db.example.com
          port: 5432
      server:
        listen: 127.0.0.1:8080
      """;

  private static String of(String yaml) throws ConfigException {
    return ConfigFingerprint.of(load(yaml));
  }

  private static Config load(String yaml) throws ConfigException {
    return BuiltInTypes.loader(Map.of("TOKEN", "t0k3n")).parse("tickr.yml", yaml);
  }

  @Test
  void is_the_same_for_the_same_config_however_it_is_written() throws ConfigException {
    String base = of(BASE);
    String reordered =
        """
        server:
          listen: 0.0.0.0:9090
        monitors:
          - type: tcp
            port: 5432
            host: db.example.com
            name: db
            interval: 30s
          - locations: [eu, us]
            url: https://api.example.com/health
            name: api
            interval: 30s
        channels:
          - {headers: {B: "2", A: "1"}, url: "https://hooks.example.com/x", type: webhook, name: ops}
        """;

    assertThat(of(BASE)).isEqualTo(base).hasSize(64);
    assertThat(of(reordered))
        .as("order of monitors, of keys, defaults: written out, another server:")
        .isEqualTo(base);
  }

  @Test
  void changes_with_any_monitor_or_channel_setting() throws ConfigException {
    String base = of(BASE);

    assertThat(of(BASE.replace("[eu, us]", "[eu]"))).isNotEqualTo(base);
    assertThat(of(BASE.replace("port: 5432", "port: 5433"))).isNotEqualTo(base);
    assertThat(of(BASE.replace("interval: 30s", "interval: 31s"))).isNotEqualTo(base);
    assertThat(of(BASE.replace("B: \"2\"", "B: \"3\""))).isNotEqualTo(base);
    assertThat(of(BASE.replace("name: db", "name: database"))).isNotEqualTo(base);
  }

  @Test
  void leaves_out_monitors_made_through_the_api_which_every_node_reads_from_the_store()
      throws Exception {
    Config file = load(BASE);
    var document =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree("{\"name\": \"made-in-the-api\", \"url\": \"https://api.example.com/x\"}");
    var api =
        new dev.tickr.config.JsonInput(BuiltInTypes.types(), java.util.List.of())
            .monitor(document, Map.of())
            .spec();
    Config merged =
        file.withApi(
            java.util.List.of(api), java.util.List.of(), java.util.Set.of(), java.util.Set.of());

    assertThat(merged.monitors()).hasSize(3);
    assertThat(ConfigFingerprint.of(merged)).isEqualTo(ConfigFingerprint.of(file));
  }
}

package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.documents.MonitorJson;
import dev.tickr.testing.BuiltInTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A monitor written with {@code preset:} remembers it: which preset, which endpoint, and the keys
 * as given ({@link PresetUse}), shown by the API's monitor object with secret keys masked; its
 * fingerprint still follows every key through the settings they expand to.
 */
class PresetUseTest {
  private static final String SID = "IRa1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
  private static final String TOKEN = "preset-token-5f4e3d2c1b";

  private static MonitorSpec load(Map<String, String> environment, String keys)
      throws ConfigException {
    Config config =
        BuiltInTypes.loader(environment)
            .parse(
                "tickr.yml",
                "monitors:\n  - name: impact\n    preset: impact\n    account: "
                    + SID
                    + "\n"
                    + keys);
    return config.monitors().get(0);
  }

  private static MonitorSpec load(String keys) throws ConfigException {
    return load(Map.of(), keys);
  }

  private static PresetUse use(MonitorSpec spec) {
    return java.util.Objects.requireNonNull(spec.preset(), "preset");
  }

  private static PresetUse.Key key(PresetUse use, String name) {
    return java.util.Objects.requireNonNull(use.key(name), name);
  }

  @Test
  void a_preset_monitor_remembers_its_preset_endpoint_and_keys() throws Exception {
    MonitorSpec spec = load("    token: " + TOKEN + "\n    endpoint: campaigns\n");
    PresetUse use = use(spec);
    assertThat(use.name()).isEqualTo("impact");
    assertThat(use.title()).isEqualTo("Impact.com");
    assertThat(use.endpoint()).isEqualTo("campaigns");
    assertThat(use.keys())
        .extracting(PresetUse.Key::name)
        .containsExactly("account", "token", "role", "base-url", "fresh-within");
    assertThat(use.key("account")).isEqualTo(new PresetUse.Key("account", SID, false));
    assertThat(use.key("token")).isEqualTo(new PresetUse.Key("token", TOKEN, true));
    assertThat(key(use, "role").value()).as("a default filled in").isEqualTo("Mediapartners");
    assertThat(spec.toString()).as("what a log line could show").doesNotContain(TOKEN);
  }

  @Test
  void the_default_endpoint_is_the_first_and_a_monitor_without_preset_has_none() throws Exception {
    assertThat(use(load("    token: " + TOKEN + "\n")).endpoint()).isEqualTo("actions");
    Config plain =
        BuiltInTypes.loader(Map.of())
            .parse("tickr.yml", "monitors:\n  - {name: a, url: \"https://example.com\"}\n");
    assertThat(plain.monitors().get(0).preset()).isNull();
  }

  @Test
  void the_monitor_object_shows_the_preset_and_its_keys_with_the_token_masked() throws Exception {
    MonitorSpec spec = load("    token: " + TOKEN + "\n");
    ObjectNode o = MonitorJson.of(spec, java.util.List.of());
    assertThat(o.path("preset").asText()).isEqualTo("impact");
    assertThat(o.path("endpoint").asText()).isEqualTo("actions");
    assertThat(o.path("account").asText()).isEqualTo(SID);
    assertThat(o.path("role").asText()).isEqualTo("Mediapartners");
    assertThat(o.path("token").asText()).isEqualTo("***");
    assertThat(o.path("url").asText()).as("what it expanded to").contains("/Actions");
    assertThat(o.toString()).doesNotContain(TOKEN);
  }

  @Test
  void a_key_read_from_the_environment_is_masked() throws Exception {
    MonitorSpec fromEnv =
        load(Map.of("IMPACT_TOKEN", TOKEN), "    token: ${IMPACT_TOKEN}\n    role: Agencies\n");
    assertThat(key(use(fromEnv), "token").secret()).isTrue();
    ObjectNode o = MonitorJson.of(fromEnv, java.util.List.of(TOKEN));
    assertThat(o.toString()).doesNotContain(TOKEN);
    assertThat(o.path("role").asText()).isEqualTo("Agencies");
  }

  @Test
  void the_fingerprint_changes_when_a_preset_key_changes_and_only_then() throws Exception {
    String base = load("    token: " + TOKEN + "\n").fingerprint();
    assertThat(load("    token: " + TOKEN + "\n").fingerprint()).isEqualTo(base);
    assertThat(load("    token: another-token\n").fingerprint()).as("token").isNotEqualTo(base);
    assertThat(load("    token: " + TOKEN + "\n    role: Agencies\n").fingerprint())
        .as("role")
        .isNotEqualTo(base);
    assertThat(load("    token: " + TOKEN + "\n    endpoint: campaigns\n").fingerprint())
        .as("endpoint")
        .isNotEqualTo(base);
    assertThat(load("    token: " + TOKEN + "\n    role: Mediapartners\n").fingerprint())
        .as("the default, written out")
        .isEqualTo(base);
  }
}

package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Preset;
import dev.tickr.config.Preset.PresetKey;
import dev.tickr.config.PresetReader;
import dev.tickr.config.Presets;
import dev.tickr.config.Types;
import dev.tickr.testing.BuiltInTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset of the catalog, as its example block (what {@code tickr presets NAME} and {@code
 * docs/presets.md} show) with a value for each of its variables, loads into one monitor per
 * endpoint with no problem: a broken definition fails the build here.
 */
class PresetCatalogTest {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  static Stream<Preset> presets() {
    return PlatformPresets.catalog().all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void its_example_loads_into_a_monitor_per_endpoint(Preset preset) throws ConfigException {
    Config config = load(PlatformPresets.catalog(), preset);

    assertThat(config.monitors())
        .extracting(MonitorSpec::name)
        .containsExactlyElementsOf(
            preset.endpoints().keySet().stream().map(e -> preset.name() + "-" + e).toList());
    // QuotaPlan.warnings may stretch an interval (ShareASale's example credits do): a warning,
    // which tickr validate shows, not a problem.
  }

  @Test
  void a_broken_definition_fails_here() {
    Preset broken =
        PresetReader.read(
            "broken",
            """
            title: Broken
            summary: a definition whose condition does not parse
            keys:
              token: {description: a token, required: true, secret: true}
            monitor:
              url: https://api.example.test/
              headers: {X-Token: "((token))"}
              conditions: ["[STATUS] === 200"]
            endpoints:
              status: {description: the status}
            """);

    assertThatThrownBy(() -> load(Presets.of(List.of(broken)), broken))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tickr.yml:3:13: [STATUS] is a number, got \"= 200\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void every_key_with_a_pattern_has_a_sample_that_matches(Preset preset) {
    for (PresetKey key : preset.keys()) {
      assertThatCode(() -> sample(key)).as("key %s", key.name()).doesNotThrowAnyException();
    }
  }

  /** What docs/presets.md says of keys from the preset, the monitor and {@code defaults:}. */
  @Test
  void the_monitor_wins_over_the_preset_which_wins_over_defaults() throws ConfigException {
    String yaml =
        """
        defaults:
          interval: 1m
          timeout: 9s
        monitors:
          - name: from-preset
            preset: impact
            account: IRu8jzPde0IgxLd6GncfBAepfJBd0Kh8oO
            token: ${IMPACT_TOKEN}
          - name: own
            preset: impact
            account: IRu8jzPde0IgxLd6GncfBAepfJBd0Kh8oO
            token: ${IMPACT_TOKEN}
            interval: 20m
            conditions: ["[STATUS] < 500"]
        """;
    Config config = BuiltInTypes.loader(Map.of("IMPACT_TOKEN", "t0ken")).parse("tickr.yml", yaml);

    MonitorSpec preset = config.monitors().get(0);
    MonitorSpec own = config.monitors().get(1);
    assertThat(preset.interval()).isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(preset.timeout()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(preset.conditions()).hasSize(3);
    assertThat(own.interval()).isEqualTo(java.time.Duration.ofMinutes(20));
    assertThat(own.conditions()).hasSize(1);
  }

  /** Loads the preset's example with the catalog {@code presets}. */
  private static Config load(Presets presets, Preset preset) throws ConfigException {
    String example = PresetDocs.example(preset);
    Types types = new Types(BuiltInTypes.types().all(), presets);
    return new ConfigLoader(environment(preset, example), types).parse("tickr.yml", example);
  }

  /** A value for each variable of the example, that its key's pattern or values accept. */
  private static Map<String, String> environment(Preset preset, String example) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PresetKey key : preset.keys()) {
      Matcher m = VARIABLE.matcher(PresetDocs.exampleOf(preset, key));
      if (m.find()) {
        out.put(m.group(1), sample(key));
      }
    }
    Matcher m = VARIABLE.matcher(example);
    while (m.find()) {
      assertThat(out).as("a value for ${%s}", m.group(1)).containsKey(m.group(1));
    }
    return out;
  }

  private static String sample(PresetKey key) {
    if (!key.values().isEmpty()) {
      return key.values().get(0);
    }
    Pattern pattern = key.pattern();
    if (pattern == null) {
      return "sample-" + key.name();
    }
    String sample = PatternSample.of(pattern.pattern());
    if (!pattern.matcher(sample).matches()) {
      throw new AssertionError(
          "no sample for key " + key.name() + ": " + sample + " does not match " + pattern);
    }
    return sample;
  }
}

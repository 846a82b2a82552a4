package dev.tickr.config;

import static dev.tickr.config.Fixtures.only;
import static dev.tickr.config.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code locations:} and {@code confirm:}: defaults, inheritance, and what a monitor shows. */
class PlacementConfigTest {

  @org.junit.jupiter.api.Test
  void a_monitor_without_locations_has_none_and_confirms_alone() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: api
                url: https://api.example.com/health
            """);

    assertThat(spec.placement()).isEqualTo(Placement.NONE);
    assertThat(spec.placement().none()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> confirm {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [eu]                 | 1
          [eu, us]             | 2
          [eu, us, ap]         | 2
          [eu, us, ap, sa]     | 3
          [eu, us, ap, sa, af] | 3
          """)
  void confirm_defaults_to_a_majority_of_the_locations(String locations, int confirm)
      throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: api
                url: https://api.example.com/health
                locations: %s
            """
                .formatted(locations));

    assertThat(spec.placement().confirm()).isEqualTo(confirm);
    assertThat(spec.placement().locations()).hasSize(locations.split(",").length);
  }

  @org.junit.jupiter.api.Test
  void defaults_give_locations_and_confirm_and_a_monitor_overrides_them() throws ConfigException {
    Config config =
        parse(
            """
            defaults:
              locations: [eu, us, ap]
              confirm: 1
            monitors:
              - name: everywhere
                url: https://api.example.com/a
              - name: two-of-two
                url: https://api.example.com/b
                locations: [us, eu]
                confirm: 2
              - name: pings
                type: heartbeat
                period: 1h
            """);

    assertThat(config.monitor("everywhere").orElseThrow().placement())
        .isEqualTo(new Placement(java.util.List.of("eu", "us", "ap"), 1));
    assertThat(config.monitor("two-of-two").orElseThrow().placement())
        .isEqualTo(new Placement(java.util.List.of("us", "eu"), 2));
    assertThat(config.monitor("pings").orElseThrow().placement()).isEqualTo(Placement.NONE);
  }

  @org.junit.jupiter.api.Test
  void a_confirm_in_defaults_is_ignored_by_monitors_without_locations() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            defaults:
              confirm: 2
            monitors:
              - name: api
                url: https://api.example.com/health
            """);

    assertThat(spec.placement()).isEqualTo(Placement.NONE);
  }

  @org.junit.jupiter.api.Test
  void the_api_object_shows_locations_and_confirm_only_when_set() throws ConfigException {
    Config config =
        parse(
            """
            monitors:
              - name: placed
                url: https://api.example.com/a
                locations: [eu, us]
              - name: local
                url: https://api.example.com/b
            """);

    var placed =
        dev.tickr.documents.MonitorJson.of(
            config.monitor("placed").orElseThrow(), java.util.List.of());
    var local =
        dev.tickr.documents.MonitorJson.of(
            config.monitor("local").orElseThrow(), java.util.List.of());

    assertThat(placed.get("locations").toString()).isEqualTo("[\"eu\",\"us\"]");
    assertThat(placed.get("confirm").asInt()).isEqualTo(2);
    assertThat(local.has("locations")).isFalse();
    assertThat(local.has("confirm")).isFalse();
  }
}

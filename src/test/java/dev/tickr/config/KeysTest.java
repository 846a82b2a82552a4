package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.BuiltInTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KeysTest {
  private final Types types = BuiltInTypes.types();

  @Test
  void every_monitor_key_belongs_to_some_type_and_every_type_key_is_a_monitor_key() {
    Set<String> union =
        types.all().stream().flatMap(t -> types.keysOf(t).stream()).collect(Collectors.toSet());

    assertThat(union).containsExactlyInAnyOrderElementsOf(types.monitorKeys());
  }

  @Test
  void defaults_hold_every_monitor_key_but_those_naming_one_endpoint() {
    assertThat(types.ownOnlyKeys())
        .containsExactlyInAnyOrder(
            "name", "preset", "revenue", "url", "host", "port", "token", "steps", "durations");
    assertThat(types.defaultsKeys())
        .doesNotContainAnyElementsOf(types.ownOnlyKeys())
        .hasSize(types.monitorKeys().size() - types.ownOnlyKeys().size());
  }

  @Test
  void locations_and_confirm_are_keys_of_probed_monitors_and_may_sit_in_defaults() {
    assertThat(Keys.PROBED).contains("locations", "confirm");
    assertThat(types.defaultsKeys()).contains("locations", "confirm");
  }

  @Test
  void monitor_types_are_spelt_as_in_the_config_and_http_comes_first() {
    assertThat(types.names()).containsExactly("http", "tcp", "dns", "tls", "heartbeat", "flow");
    assertThat(types.find("tls")).map(TypeDefinition::name).contains("tls");
    assertThat(types.find("TLS")).isEmpty();
    assertThat(types.fallback().name()).isEqualTo("http");
  }

  @Test
  void a_pushed_type_takes_no_interval_timeout_or_conditions() {
    TypeDefinition heartbeat = types.find("heartbeat").orElseThrow();

    assertThat(types.keysOf(heartbeat)).doesNotContainAnyElementsOf(Keys.PROBED);
    assertThat(types.keysOf(types.fallback())).containsAll(Keys.PROBED);
  }

  @Test
  void a_type_cannot_be_registered_twice_nor_declare_a_common_key() {
    assertThatThrownBy(() -> Types.of(new Named("x", List.of()), new Named("x", List.of())))
        .hasMessageContaining("registered twice");
    assertThatThrownBy(
            () -> Types.of(new Named("y", List.of(Key.of("interval", Key.Kind.DURATION, "no")))))
        .hasMessageContaining("declares the common key interval");
  }

  /** A type of a name and keys that reads nothing. */
  private record Named(String name, List<Key> keys) implements TypeDefinition {
    @Override
    public String summary() {
      return name;
    }

    @Override
    public @Nullable TypeSettings read(Fields fields, Read read, String label) {
      return null;
    }
  }

  @Test
  void settings_masked_in_the_document_are_never_shown_by_to_string() {
    assertThat(new TypeSettings.Secret("hunter2")).hasToString("***");
    assertThat(Map.of("k", new TypeSettings.Secret("hunter2")).toString())
        .doesNotContain("hunter2");
  }
}

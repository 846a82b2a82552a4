package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void every_monitor_key_belongs_to_some_type_and_every_type_key_is_a_monitor_key() {
    Set<String> union =
        Arrays.stream(MonitorType.values())
            .flatMap(t -> Keys.forType(t).stream())
            .collect(Collectors.toSet());

    assertThat(union).containsExactlyInAnyOrderElementsOf(Keys.MONITOR);
  }

  @Test
  void defaults_hold_every_monitor_key_but_those_naming_one_endpoint() {
    assertThat(Keys.DEFAULTS)
        .doesNotContainAnyElementsOf(Keys.NOT_IN_DEFAULTS)
        .hasSize(Keys.MONITOR.size() - Keys.NOT_IN_DEFAULTS.size());
  }

  @Test
  void monitor_types_are_spelt_as_in_the_config() {
    assertThat(MonitorType.codes()).containsExactly("http", "tcp", "dns", "tls", "heartbeat");
    assertThat(MonitorType.ofCode("tls")).contains(MonitorType.TLS);
    assertThat(MonitorType.ofCode("TLS")).isEmpty();
    assertThat(MonitorType.HEARTBEAT).hasToString("heartbeat");
  }
}

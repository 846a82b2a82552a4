package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code connectivity:} is read into canaries the checks probe; absent, the guard is off. */
class ConnectivityConfigTest {

  @Test
  void without_a_connectivity_block_the_guard_is_off() throws ConfigException {
    Config config = Fixtures.parse("monitors: []\n");

    assertThat(config.connectivity()).isEqualTo(ConnectivitySpec.OFF);
    assertThat(config.connectivity().enabled()).isFalse();
  }

  @Test
  void reads_tcp_and_http_canaries_and_the_defaults() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            connectivity:
              targets:
                - 192.0.2.53:53
                - tcp://[2001:db8::1]:443
                - https://www.example.com/
            """);

    ConnectivitySpec spec = config.connectivity();
    assertThat(spec.enabled()).isTrue();
    assertThat(spec.canaries())
        .containsExactly(
            new ConnectivitySpec.Canary.Tcp("192.0.2.53", 53),
            new ConnectivitySpec.Canary.Tcp("2001:db8::1", 443),
            new ConnectivitySpec.Canary.Http(URI.create("https://www.example.com/")));
    assertThat(spec.interval()).isEqualTo(ConnectivitySpec.DEFAULT_INTERVAL);
    assertThat(spec.timeout()).isEqualTo(ConnectivitySpec.DEFAULT_TIMEOUT);
  }

  @Test
  void takes_interval_and_timeout() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            connectivity: {targets: ["127.0.0.1:53"], interval: 1m, timeout: 2s}
            """);

    assertThat(config.connectivity().interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.connectivity().timeout()).isEqualTo(Duration.ofSeconds(2));
  }
}

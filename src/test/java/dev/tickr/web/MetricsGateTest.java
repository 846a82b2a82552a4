package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which listen addresses keep {@code /metrics} open without a token: loopback ones only. */
class MetricsGateTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "127.1.2.3, true",
    "localhost, true",
    "LOCALHOST, true",
    "::1, true",
    "[::1], true",
    "0.0.0.0, false",
    "::, false",
    "[::], false",
    "192.168.1.5, false",
    "10.0.0.1, false",
    "fe80::1, false",
    "tickr.example.com, false",
    "localhost.example.com, false",
  })
  void only_a_loopback_listen_address_counts_as_loopback(String host, boolean loopback) {
    assertThat(MetricsGate.loopback(host)).isEqualTo(loopback);
  }
}

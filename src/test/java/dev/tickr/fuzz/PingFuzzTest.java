package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tickr.heartbeat.Ping;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A heartbeat ping from any path suffix and body: a ping keeping the body as sent, or none (the
 * route then answers 404); never an exception.
 *
 * <p>An input is the suffix on its first line and the body after it.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class PingFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void of(byte[] input) {
    String text = Fuzz.text(input);
    int newline = text.indexOf('\n');
    String suffix = newline < 0 ? text : text.substring(0, newline);
    String body = newline < 0 ? "" : text.substring(newline + 1);
    Ping ping = Ping.of(suffix, body, false);
    if (ping != null) {
      assertThat(ping.body()).isEqualTo(body);
      Integer code = ping.exitCode();
      if (code != null) {
        assertThat(code).isBetween(0, Ping.MAX_EXIT_CODE);
      }
    }
  }
}

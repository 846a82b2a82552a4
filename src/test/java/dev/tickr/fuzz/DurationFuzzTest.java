package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Durations on any text: a duration whose compact form reads back (cut, never longer), or a {@link
 * DateTimeParseException} naming the text; nothing else.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class DurationFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String text = Fuzz.text(input);
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (DateTimeParseException e) {
      assertThat(e.getParsedString()).isEqualTo(text);
      assertThat(Durations.isDuration(text)).isFalse();
      return;
    }
    assertThat(Durations.isDuration(text)).isTrue();
    // format cuts to two units (1530m shows as 1d1h): it reads back, never longer.
    Duration shown = Durations.parse(Durations.format(d));
    assertThat(shown.abs()).isLessThanOrEqualTo(d.abs());
  }
}

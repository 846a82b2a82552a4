package dev.tickr.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sizes a check report shows; the whole report is proved end to end by {@code CheckCommandTest}
 * (text and {@code --json}) and {@code MonitorTestEndToEndTest} (the API's answers).
 */
class CheckReportTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0 B",
    "1023, 1023 B",
    "1024, 1.0 KiB",
    "1536, 1.5 KiB",
    "1048575, 1024.0 KiB",
    "1048576, 1.0 MiB",
    "5767168, 5.5 MiB"
  })
  void shows_a_body_size_as_people_read_it(long bytes, String shown) {
    assertThat(CheckReport.size(bytes)).isEqualTo(shown);
  }
}

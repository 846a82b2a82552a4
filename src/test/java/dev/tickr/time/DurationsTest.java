package dev.tickr.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Durations}: how configs and flags write durations, and how Tickr writes them back. */
class DurationsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          10s          | PT10S
          500ms        | PT0.5S
          1h30m        | PT1H30M
          1.5s         | PT1.5S
          0.25h        | PT15M
          7d           | PT168H
          2d23h        | PT71H
          250us        | PT0.00025S
          250µs        | PT0.00025S
          10ns         | PT0.00000001S
          1d12h30m15s  | PT36H30M15S
          1m1m         | PT2M
          0s           | PT0S
          -1d4h        | PT-28H
          +5s          | PT5S
          ' 10S '      | PT10S
          1H30M        | PT1H30M
          """)
  void parses_what_people_write(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    assertThat(Durations.isDuration(text)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @ValueSource(
      strings = {
        "",
        " ",
        "-",
        "+",
        "10",
        "s",
        "ten seconds",
        "10 s",
        "1h 30m",
        "5x",
        "1.s",
        ".5s",
        "1.2.3s",
        "--5s",
        "5s-",
        "1e3s",
        "PT10S"
      })
  void rejects_what_is_not_a_duration_naming_the_text(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("\"" + text + "\"");
    assertThat(Durations.isDuration(text)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" is too long to be a duration")
  @ValueSource(strings = {"999999999999999d", "106752d", "106751d1d", "3000000000000000000000ns"})
  void rejects_a_duration_too_long_to_hold_instead_of_clamping_or_overflowing(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("\"" + text + "\"");
    assertThat(Durations.isDuration(text)).isFalse();
  }

  @Test
  void the_longest_duration_is_106751_days() {
    assertThat(Durations.parse("106751d")).isEqualTo(Duration.ofDays(106_751));
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PT0S         | 0ms
          PT0.85S      | 850ms
          PT0.9999S    | 999ms
          PT1S         | 1s
          PT10S        | 10s
          PT1.5S       | 1.5s
          PT1.04S      | 1.0s
          PT1.99S      | 1.9s
          PT59.999S    | 59.9s
          PT1M         | 1m
          PT2M30S      | 2m30s
          PT2M30.9S    | 2m30s
          PT1H         | 1h
          PT23H59M59S  | 23h59m
          PT24H        | 1d
          PT71H        | 2d23h
          PT72H30M     | 3d
          -PT28H       | -1d4h
          -PT0.5S      | -500ms
          """)
  void writes_a_compact_form_cut_not_rounded(String iso, String written) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"850ms", "10s", "1.5s", "2m30s", "23h59m", "2d23h", "-1d4h", "0ms"})
  void reads_back_what_it_writes(String text) {
    Duration d = Durations.parse(text);

    assertThat(Durations.format(d)).isEqualTo(text);
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }
}

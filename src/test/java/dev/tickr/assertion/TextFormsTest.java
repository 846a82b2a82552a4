package dev.tickr.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations, globs and shortened text: the small languages inside the condition language. */
class TextFormsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          48h      | PT48H
          30m      | PT30M
          1h30m    | PT1H30M
          500ms    | PT0.5S
          2s       | PT2S
          7d       | PT168H
          1.5h     | PT1H30M
          -3d2h    | PT-74H
          250us    | PT0.00025S
          250µs    | PT0.00025S
          10ns     | PT0.00000001S
          1d12h30m15s | PT36H30M15S
          """)
  void parses_go_style_durations(String text, String iso) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest(name = "{0} is not a duration")
  @CsvSource({"48", "h", "1x", "1h 30m", "1H", "-", "1.2.3s", "999999999999999d"})
  void rejects_what_is_not_a_duration(String text) {
    assertThat(DurationText.parse(text)).isNull();
  }

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PT0S          | 0ms
          PT0.000850S   | 850µs
          PT0.000000085S | 85ns
          PT0.85S       | 850ms
          PT1S          | 1s
          PT1.5S        | 1.5s
          PT12.345S     | 12.345s
          PT4M12.9S     | 4m12s
          PT5M          | 5m
          PT2H          | 2h
          PT71H59M59S   | 71h59m
          PT72H         | 3d
          PT74H30M      | 3d2h
          -PT74H        | -3d2h
          -PT0.5S       | -500ms
          P400D         | 400d
          """)
  void formats_durations_compactly(String iso, String shown) {
    assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          john*          | john.doe          | true
          john*          | bob               | false
          *Error Code*   | Error Code 4002   | true
          *Error Code*   | all fine          | false
          2*             | 200               | true
          2??            | 204               | true
          2??            | 2040              | false
          *              | ''                | true
          ''             | ''                | true
          ''             | x                 | false
          a*b*c          | aXXbYYc           | true
          a*b*c          | aXXbYY            | false
          *.*.*.*        | 1.2.3.4           | true
          ?              | 😀                | true
          *ab            | aab               | true
          **a**          | a                 | true
          ab*ba          | aba               | false
          ab*ba          | abba              | true
          a*a*a          | aaa               | true
          a*a*a          | aa                | false
          *x*x*          | x                 | false
          *x*y*          | yx                | false
          *x*y*          | _x_y_             | true
          a?*c           | abc               | true
          a?*c           | ac                | false
          *a?c*          | zzabczz           | true
          😀*😀          | 😀x😀             | true
          """)
  void matches_globs_against_the_whole_text(String glob, String text, boolean matches) {
    assertThat(Glob.matches(glob, text)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          john            | john
          ''              | '""'
          'a\\nb'         | a b
          'a\\r\\n\\tb'   | a b
          """)
  void shortens_text_to_one_line(String text, String shown) {
    String unescaped = text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    assertThat(Literals.shorten(unescaped)).isEqualTo(shown);
  }
}

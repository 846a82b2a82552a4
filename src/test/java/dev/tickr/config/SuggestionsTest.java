package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  @ParameterizedTest
  @CsvSource({
    "'', '', 0",
    "interval, interval, 0",
    "intervall, interval, 1",
    "inteval, interval, 1",
    "intreval, interval, 2",
    "kitten, sitting, 3",
    "'', abc, 3",
  })
  void counts_insertions_deletions_and_substitutions(String a, String b, int distance) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
    assertThat(Suggestions.distance(b, a)).isEqualTo(distance);
  }

  @ParameterizedTest
  @CsvSource({
    "intervall, ' (did you mean \"interval\"?)'",
    "INTERVAL, ' (did you mean \"interval\"?)'",
    "timout, ' (did you mean \"timeout\"?)'",
    "frobnicate, ''",
    "x, ''",
  })
  void suggests_the_closest_key_within_two_edits(String wrong, String suggestion) {
    assertThat(Suggestions.didYouMean(wrong, List.of("interval", "timeout", "tags", "url")))
        .isEqualTo(suggestion);
  }
}

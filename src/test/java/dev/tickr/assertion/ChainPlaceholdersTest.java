package dev.tickr.assertion;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chain placeholders as written wrongly: each refused with what is allowed. */
class ChainPlaceholdersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [URL].port == 80       | [URL] takes .host, .path or .query.NAME, got [URL].port
          [URL].query. == x      | [URL] takes .host, .path or .query.NAME, got [URL].query.
          [HOP].status == 302    | [HOP] needs a hop number and a field, e.g. [HOP].1.status
          [HOP].0.status == 302  | [HOP] needs a hop number and a field, e.g. [HOP].1.status
          [HOP].1.code == 302    | [HOP] needs a hop number and a field, e.g. [HOP].1.status
          [REDIRECTS].x == 1     | [REDIRECTS] takes no path; only [BODY] does
          [SOFT_404].x == none   | [SOFT_404] takes no path; only [BODY] does
          """)
  void a_wrong_chain_placeholder_is_refused_saying_what_is_allowed(String condition, String says) {
    assertThatThrownBy(() -> ConditionParser.parse(condition))
        .isInstanceOf(ConditionSyntaxException.class)
        .hasMessageContaining(says);
  }
}

package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking must not tell whether a text's end matches a secret: whoever can make Tickr keep a text
 * (a ping's body, a target's answer) and read it back would learn a secret by guessing its start.
 * Only where Tickr itself cut a text is its end masked, and then always the same way.
 */
class RedactionOracleTest {
  private static final String SECRET = "pk-live-8f7e6d5c4b3a2910";
  private static final Set<String> SECRETS = Set.of(SECRET, "other-secret-1234");

  @ParameterizedTest
  @ValueSource(strings = {"pk-l", "pk-live-8f7", "pk-live-8f7e6d5c4b3a291", "pk-X", "pk-live-8fX"})
  void a_cut_text_has_its_end_masked_whatever_it_is(String guess) {
    String text = "job log line 1\nline 2\n".repeat(5) + "token " + guess;

    String shown = Redaction.scrubCut(text, SECRETS);

    int tail = Redaction.cutTail(SECRETS);
    assertThat(tail).isEqualTo(32);
    assertThat(shown).isEqualTo(text.substring(0, text.length() - tail) + Redaction.MASK);
  }

  @Test
  void the_number_of_masked_characters_tells_little_of_a_secrets_length() {
    assertThat(Redaction.cutTail(Set.of())).isZero();
    assertThat(Redaction.cutTail(Set.of("abc"))).isZero(); // too short to be searched for
    assertThat(Redaction.cutTail(Set.of("abcd"))).isEqualTo(32);
    assertThat(Redaction.cutTail(Set.of("a".repeat(33)))).isEqualTo(32);
    assertThat(Redaction.cutTail(Set.of("a".repeat(34)))).isEqualTo(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pk-live-8f7", "pk-live-8fX"})
  void a_text_tickr_did_not_cut_keeps_its_end_whatever_it_is(String guess) {
    String text = "token " + guess;

    assertThat(Redaction.scrubStart(text, false, 1024, SECRETS)).isEqualTo(text);
    assertThat(Redaction.scrub(text, SECRETS)).isEqualTo(text);
  }

  @Test
  void a_secret_across_the_limit_is_masked_before_the_text_is_cut() {
    String text = "x".repeat(1020) + SECRET + "y".repeat(2000);

    String shown = Redaction.scrubStart(text, false, 1024, SECRETS);

    assertThat(shown).isEqualTo("x".repeat(1020) + "***" + "y");
  }

  @Test
  void a_secret_cut_where_tickr_stopped_reading_never_shows_its_start() {
    String read = "x".repeat(500) + SECRET.substring(0, 12);

    String shown = Redaction.scrubStart(read, true, 1024, SECRETS);

    assertThat(shown).isEqualTo("x".repeat(512 - 32) + "***");
  }

  @Test
  void masked_secrets_before_a_cut_do_not_pull_the_start_of_a_cut_secret_into_view() {
    // Each masked secret shortens the text by 21 characters: ten of them move what lies 210
    // characters behind the limit into the first 1,024.
    String before = SECRET.repeat(10);
    String text = before + "z".repeat(1030 - before.length()) + SECRET + "q".repeat(200);
    for (int end = 1031; end < 1030 + SECRET.length(); end++) {
      assertThat(Redaction.scrubStart(text.substring(0, end), true, 1024, SECRETS))
          .as("read up to %d", end)
          .doesNotContain(SECRET.substring(0, 4))
          .hasSizeLessThanOrEqualTo(1024);
    }
    for (int at = 1030; at < 1130; at++) {
      String longer = before + "z".repeat(at - before.length()) + SECRET + "q".repeat(200);
      assertThat(Redaction.scrubStart(longer, false, 1024, SECRETS))
          .as("a secret at %d", at)
          .doesNotContain(SECRET.substring(0, 4))
          .hasSizeLessThanOrEqualTo(1024);
    }
  }
}

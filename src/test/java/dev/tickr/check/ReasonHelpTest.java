package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reason has one line saying what it means and one saying what to check, and {@code
 * docs/reasons.md} shows both in its row: a reason added without them fails here (and in the switch
 * of {@link ReasonHelp}, which has no default).
 */
class ReasonHelpTest {
  private static final int MAX = 100;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Reason.class)
  void has_a_one_line_explanation_and_hint(Reason reason) {
    for (String line : new String[] {ReasonHelp.explanation(reason), ReasonHelp.hint(reason)}) {
      assertThat(line).as("%s", reason).isNotBlank().doesNotContain("\n").endsWith(".");
      assertThat(line.length()).as("%s: %s", reason, line).isLessThanOrEqualTo(MAX);
    }
    assertThat(ReasonHelp.hint(reason)).isNotEqualTo(ReasonHelp.explanation(reason));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Reason.class)
  void the_reasons_page_shows_both_in_the_reasons_row(Reason reason) throws IOException {
    String doc = Files.readString(Path.of("docs/reasons.md"));

    assertThat(doc)
        .containsPattern(
            "(?m)^\\| `"
                + reason.code()
                + "` \\| [^\\n]*\\| "
                + java.util.regex.Pattern.quote(ReasonHelp.explanation(reason))
                + " \\| "
                + java.util.regex.Pattern.quote(ReasonHelp.hint(reason))
                + " \\|$");
  }
}

package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
  @ParameterizedTest(name = "CI={0} → on CI: {1}")
  @CsvSource(
      nullValues = "unset",
      value = {
        "true, true",
        "TRUE, true",
        "True, true",
        "unset, false",
        "'', false",
        "1, false",
        "false, false",
        "yes, false"
      })
  void ci_is_the_value_true_in_any_case(@Nullable String value, boolean onCi) {
    assertThat(RequiredTool.onCi(value)).isEqualTo(onCi);
  }

  @Test
  void a_missing_tool_skips_the_test_or_fails_it_on_ci_naming_the_tool_and_the_file() {
    Path missing = Path.of("/nonexistent/tickr-test-tool");
    Class<? extends Throwable> expected =
        RequiredTool.onCi() ? AssertionError.class : TestAbortedException.class;
    assertThatThrownBy(
            () ->
                RequiredTool.requireExecutables(
                    "The test tool", "apt-get install test-tool", missing))
        .isExactlyInstanceOf(expected)
        .hasMessageStartingWith(
            "The test tool is missing (/nonexistent/tickr-test-tool not found): "
                + "apt-get install test-tool; ");
  }

  @Test
  void a_tool_that_is_there_lets_the_test_go_on() {
    assertThatCode(
            () -> RequiredTool.requireExecutables("sh", "it is always there", Path.of("/bin/sh")))
        .doesNotThrowAnyException();
  }
}

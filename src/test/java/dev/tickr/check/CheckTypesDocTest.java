package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every condition written in docs/check-types.md parses, so the page cannot go stale. */
class CheckTypesDocTest {
  private static final Path DOC =
      Path.of(System.getProperty("basedir", ".")).resolve("docs/check-types.md");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern CONDITION_START = Pattern.compile("^(\\[|(len|has|age)\\()");
  private static final Pattern OPERATOR = Pattern.compile("==|!=|<|>");
  private static final Pattern YAML_ITEM = Pattern.compile("^\\s*-\\s*\"(.*)\"\\s*$");

  static Stream<String> documentedConditions() throws IOException {
    List<String> found = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher item = YAML_ITEM.matcher(line);
      if (fenced && item.matches()) {
        found.add(item.group(1));
        continue;
      }
      Matcher code = CODE.matcher(line);
      while (!fenced && code.find()) {
        String text = code.group(1);
        if (CONDITION_START.matcher(text).find() && OPERATOR.matcher(text).find()) {
          found.add(text);
        }
      }
    }
    assertThat(found).as("conditions found in %s", DOC).hasSizeGreaterThan(15);
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedConditions")
  void every_documented_condition_parses(String condition) throws ConditionSyntaxException {
    assertThat(ConditionParser.parse(condition).text()).isEqualTo(condition);
  }
}

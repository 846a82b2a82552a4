package dev.tickr.assertion;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every condition written in docs/conditions.md parses, so the page cannot go stale. */
class DocsConditionsTest {
  private static final Path DOC =
      Path.of(System.getProperty("basedir", ".")).resolve("docs/conditions.md");

  /** Inline code that starts like a condition and has an operator in it. */
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static final Pattern CONDITION_START = Pattern.compile("^(\\[|(len|has|age|pat|any)\\()");
  private static final Pattern OPERATOR = Pattern.compile("==|!=|<|>");

  /** A YAML list item holding a condition in double quotes, as in a config example. */
  private static final Pattern YAML_ITEM = Pattern.compile("^\\s*-\\s*\"(.*)\"\\s*(#.*)?$");

  static Stream<String> documentedConditions() throws IOException {
    List<String> found = new ArrayList<>();
    boolean fenced = false;
    boolean yaml = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        yaml = fenced && line.startsWith("```yaml");
        continue;
      }
      if (fenced) {
        Matcher item = YAML_ITEM.matcher(line);
        if (yaml && item.matches()) {
          found.add(item.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        continue;
      }
      Matcher code = CODE.matcher(line);
      while (code.find()) {
        String text = code.group(1);
        if (CONDITION_START.matcher(text).find() && OPERATOR.matcher(text).find()) {
          found.add(text.replace("\\|", "|"));
        }
      }
    }
    assertThat(found).as("conditions found in %s", DOC).hasSizeGreaterThan(40);
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedConditions")
  void every_documented_condition_parses(String condition) {
    Responses.parse(condition);
  }
}

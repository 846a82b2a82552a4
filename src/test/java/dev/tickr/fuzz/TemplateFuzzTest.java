package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tickr.alert.channel.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Alert message templates (a channel's {@code title:}/{@code message:}, Alertmanager's too) on any
 * text: a template or a {@link Template.SyntaxException} at a column of the text; rendering never
 * throws.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class TemplateFuzzTest {
  private static final Map<String, String> VALUES = values();

  @FuzzTest(maxDuration = "5m")
  void parseAndRender(byte[] input) {
    String text = Fuzz.text(input);
    Template template;
    try {
      template = Template.parse(text);
    } catch (Template.SyntaxException e) {
      assertThat(e.column()).isBetween(1, text.length() + 1);
      return;
    }
    String rendered = template.render(VALUES, s -> s);
    assertThat(rendered).isNotNull();
    template.render(Map.of(), s -> s);
  }

  private static Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : Template.FIELDS) {
      values.put(field, "{{" + field + "}}");
    }
    return values;
  }
}

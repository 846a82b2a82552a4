package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.alert.AlertEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{{monitor}} is {{EVENT}}|campaigns is DOWN",
        "{{ monitor }} since {{started_at}}|campaigns since 2026-03-01 10:15:00 UTC",
        "no fields at all|no fields at all",
        "{{status}}/{{incident_id}}/{{tags}}|500/42/affiliate",
        "{{ended_at}}|''",
        "{{reason}}: {{detail}}|http-status: [STATUS] == 200 (actual 500)",
        "{{duration}} at {{monitor_url}}|5m at https://tickr.example.com/monitors/campaigns",
        "single { brace } stays|single { brace } stays"
      })
  void replaces_each_field_with_its_value(String template, String expected) throws Exception {
    Map<String, String> values =
        Messages.fields(
            Channels.alert(AlertEvent.DOWN, "campaigns"), Channels.DASHBOARD, Channels.NOW);

    assertThat(Template.parse(template).render(values, s -> s)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{{monitor|1|\"{{\" is not closed with \"}}\"",
        "down: {{monitor} now|7|\"{{\" is not closed with \"}}\"",
        "{{}}|1|empty \"{{}}\": name a field",
        "ok {{  }}|4|empty \"{{}}\": name a field",
        "{{Monitor}}|1|unknown field \"Monitor\" (did you mean \"monitor\"?)",
        "{{monitor}} {{startedat}}|13|unknown field \"startedat\" (did you mean \"started_at\"?)",
        "{{#grouped}}|1|unknown field \"#grouped\""
      })
  void reports_a_bad_template_with_its_column(String template, int column, String message) {
    Template.SyntaxException e =
        catchThrowableOfType(Template.SyntaxException.class, () -> Template.parse(template));

    assertThat(e).isNotNull();
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.getMessage()).startsWith(message);
  }

  @Test
  void escapes_values_but_not_the_templates_own_markup() throws Exception {
    Template t = Template.parse("<b>{{monitor}}</b>");

    assertThat(t.render(Map.of("monitor", "a<b"), Messages::html)).isEqualTo("<b>a&lt;b</b>");
    assertThat(t).hasToString("<b>{{monitor}}</b>");
  }
}

package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.testing.BuiltInTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monitor form's platform presets, as the server renders them (before any script runs): the
 * Platform choice, the chosen preset's fieldset shown with its keys, the HTTP request hidden.
 */
class PresetFieldsTest {
  private static String form(String json) throws Exception {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(json);
    StringBuilder h = new StringBuilder();
    MonitorForm.write(h, m, null, List.of(), BuiltInTypes.types().presets());
    return h.toString();
  }

  @Test
  void a_new_monitor_offers_the_presets_and_shows_none_of_their_fields() throws Exception {
    String html = form("{}");
    assertThat(html)
        .contains("<select id=\"preset\"", "<option value=\"impact\">Impact.com</option>")
        .contains("<fieldset id=\"preset-impact\" data-preset=\"impact\"")
        .contains("data-keys=\"account token role base-url fresh-within\" hidden>")
        .contains("<div data-no-preset><fieldset id=\"http-fields\"");
  }

  @Test
  void a_preset_monitor_shows_its_keys_and_hides_the_request() throws Exception {
    String html =
        form(
            "{\"name\":\"i\",\"preset\":\"impact\",\"account\":\"IR1\",\"token\":\"***\","
                + "\"endpoint\":\"campaigns\",\"role\":\"Agencies\"}");
    assertThat(html)
        .contains("<option value=\"impact\" selected>")
        .contains("data-keys=\"account token role base-url fresh-within\">")
        .contains("<div data-no-preset hidden><fieldset id=\"http-fields\"")
        .contains("<label for=\"preset-impact-account\">account (required)</label>")
        .contains("id=\"preset-impact-account\" type=\"text\" value=\"IR1\"")
        .contains("id=\"preset-impact-token\" type=\"password\" value=\"***\"")
        .contains("<option value=\"campaigns\" selected>")
        .contains("<option value=\"Agencies\" selected>")
        .contains("placeholder=\"https://api.impact.com\"");
  }
}

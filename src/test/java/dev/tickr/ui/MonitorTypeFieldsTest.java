package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorTypeFieldsTest {
  private static final Pattern TYPED = Pattern.compile("data-types=\"([^\"]*)\"( hidden)?>");
  private static final Pattern ID = Pattern.compile(" id=\"([^\"]*)\"");

  private static String fields(String json) throws Exception {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(json);
    StringBuilder h = new StringBuilder();
    MonitorTypeFields.write(h, m, m.path("type").asText());
    return h.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"type": "http", "url": "https://a.test/x", "method": "POST"} | http-fields | value="https://a.test/x"
          {"type": "tcp", "host": "db.test", "port": 5432}              | endpoint-fields | value="5432"
          {"type": "tls", "host": "a.test", "port": 8443}               | endpoint-fields | value="8443"
          {"type": "dns", "host": "a.test", "query-type": "MX"}         | endpoint-fields | <option value="MX" selected>
          {"type": "heartbeat", "period": "1d", "grace": "5m"}          | heartbeat-fields | value="1d"
          {"type": "flow", "steps": [{"name": "a", "url": "https://a.test/x"}]} | flow-fields | &quot;name&quot; : &quot;a&quot;
          """)
  void a_types_fields_are_shown_and_filled_and_every_other_types_are_hidden(
      String monitor, String fieldset, String filled) throws Exception {
    String html = fields(monitor);
    String type = new ObjectMapper().readTree(monitor).path("type").asText();

    assertThat(html).contains("<fieldset id=\"" + fieldset + "\"").contains(filled);
    Matcher m = TYPED.matcher(html);
    int elements = 0;
    while (m.find()) {
      elements++;
      boolean hidden = m.group(2) != null;
      assertThat(hidden)
          .as("data-types=\"%s\" for a %s monitor", m.group(1), type)
          .isEqualTo(!List.of(m.group(1).split(" ")).contains(type));
    }
    assertThat(elements).isEqualTo(7);
  }

  @org.junit.jupiter.api.Test
  void a_signature_is_shown_as_its_json_with_the_masks_the_api_gave() throws Exception {
    String html =
        fields(
            "{\"type\": \"http\", \"url\": \"https://a.test/x\", \"auth\": {\"signature\":"
                + " {\"algorithm\": \"hmac-sha256\", \"key\": \"***\", \"sign\": \"{date}\"}}}");

    assertThat(html)
        .contains("<option value=\"signature\" selected>")
        .contains("id=\"auth-signature\"")
        .contains("&quot;key&quot; : &quot;***&quot;")
        .contains("&quot;sign&quot; : &quot;{date}&quot;");
  }

  @ParameterizedTest
  @CsvSource({"http", "tcp", "tls", "dns", "heartbeat"})
  void every_field_is_in_the_page_once_whatever_the_type(String type) throws Exception {
    String html = fields("{\"type\": \"" + type + "\"}");
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids)
        .doesNotHaveDuplicates()
        .contains("url", "method", "headers", "body", "auth", "host", "port")
        .contains("query-type", "nameserver", "period", "grace");
  }

  /**
   * Keys of a type the form does not show, each with why: anything else a registered type declares
   * must have its field, so that a type cannot be half-registered.
   */
  private static final java.util.Map<String, String> NOT_IN_THE_FORM =
      java.util.Map.of(
          "heartbeat.token",
          "the form leaves the ping URL's secret to Tickr (shown once made)",
          "heartbeat.count",
          "where a ping's count is in its body is set in YAML or through the API; pings carry"
              + " ?count= without it",
          "flow.durations",
          "flows are edited in YAML or through the API (the form shows their steps read-only);"
              + " the monitor page shows each run's durations");

  @org.junit.jupiter.api.Test
  void every_type_the_composition_root_registers_has_its_fields_in_the_form() throws Exception {
    for (dev.tickr.config.TypeDefinition type : dev.tickr.testing.BuiltInTypes.types().all()) {
      assertThat(MonitorTypeFields.TYPES)
          .as("the form offers %s", type.name())
          .containsKey(type.name());
      String html = fields("{\"type\": \"" + type.name() + "\"}");
      for (dev.tickr.config.Key key : type.keys()) {
        if (NOT_IN_THE_FORM.containsKey(type.name() + "." + key.name())) {
          continue;
        }
        assertThat(html)
            .as("a field for %s's key %s", type.name(), key.name())
            .contains(" id=\"" + key.name() + "\"");
      }
    }
    assertThat(MonitorTypeFields.TYPES.keySet())
        .as("the form offers only registered types")
        .isSubsetOf(dev.tickr.testing.BuiltInTypes.types().names());
  }
}

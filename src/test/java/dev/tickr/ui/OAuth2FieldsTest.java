package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The monitor form offers OAuth2 client credentials and fills its fields from a monitor. */
class OAuth2FieldsTest {
  private static String fields(String json) throws Exception {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(json);
    StringBuilder h = new StringBuilder();
    MonitorTypeFields.write(h, m, m.path("type").asText());
    return h.toString();
  }

  @Test
  void an_oauth2_monitor_shows_its_settings_with_the_secret_as_sent_masked() throws Exception {
    String html =
        fields(
            """
            {"type": "http", "url": "https://a.test/x",
             "auth": {"oauth2": {"token-url": "https://auth.test/token", "client-id": "tickr",
               "client-secret": "***", "scope": "reports", "client-auth": "body",
               "params": {"resource": "r1", "sid": "42"}}}}
            """);

    assertThat(html)
        .contains("<option value=\"oauth2\" selected>")
        .contains("<div class=\"row\" data-auth=\"oauth2\">")
        .contains("id=\"auth-oauth2-token-url\"")
        .contains("value=\"https://auth.test/token\"")
        .contains("value=\"tickr\"")
        .contains("value=\"***\"")
        .contains("value=\"reports\"")
        .contains("<option value=\"body\" selected>")
        .contains("resource=r1\nsid=42");
  }

  @Test
  void other_monitors_have_the_oauth2_fields_hidden() throws Exception {
    String html = fields("{\"type\": \"http\", \"auth\": {\"bearer\": \"***\"}}");

    assertThat(html)
        .contains("<div class=\"row\" data-auth=\"oauth2\" hidden>")
        .contains("<option value=\"basic\" selected>Authorization: Basic");
  }
}

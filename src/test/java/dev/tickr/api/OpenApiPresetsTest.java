package dev.tickr.api;

import static dev.tickr.api.OpenApiTest.document;
import static dev.tickr.api.OpenApiTest.operation;
import static dev.tickr.api.OpenApiTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.testing.BuiltInTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes preset monitors: {@code preset}, {@code endpoint}, and the keys of
 * the preset named, so that a preset monitor to create and one answered fit it, and a key of no
 * preset, or another endpoint, does not.
 */
class OpenApiPresetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SID = "IRa1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static JsonNode input() {
    return operation(document(), "POST", "/monitors")
        .at("/requestBody/content/application~1json/schema");
  }

  @Test
  void a_preset_monitor_to_create_fits_and_keys_of_no_preset_do_not() throws Exception {
    JsonNode document = document();
    String monitor =
        "{\"name\":\"impact\",\"preset\":\"impact\",\"account\":\""
            + SID
            + "\",\"token\":\"${T}\",\"endpoint\":\"campaigns\",\"role\":\"Advertisers\","
            + "\"interval\":\"10m\",\"secrets\":{\"T\":\"x\"}}";
    assertThat(violations(document, input(), json(monitor))).isEmpty();
    assertThat(violations(document, input(), json(monitor.replace("\"role\"", "\"rolle\""))))
        .as("a key the preset does not have")
        .isNotEmpty();
    assertThat(violations(document, input(), json(monitor.replace("campaigns", "payouts"))))
        .as("an endpoint the preset does not have")
        .isNotEmpty();
    assertThat(violations(document, input(), json(monitor.replace("\"preset\":\"impact\",", ""))))
        .as("preset keys without preset")
        .isNotEmpty();
    assertThat(document.at("/components/schemas/MonitorSettings/properties/preset/enum"))
        .extracting(JsonNode::asText)
        .contains("impact");
  }

  @Test
  void a_config_file_preset_monitor_as_answered_fits_the_monitor_schema() throws Exception {
    MonitorSpec spec =
        BuiltInTypes.loader(Map.of())
            .parse(
                "tickr.yml",
                "monitors:\n  - {name: impact, preset: impact, account: "
                    + SID
                    + ", token: t0ken-value}\n")
            .monitors()
            .get(0);
    var answer = MonitorJson.of(spec, List.of());
    answer
        .put("source", "yaml")
        .put("state", "UP")
        .putNull("since")
        .putNull("last_check")
        .putNull("incident");
    answer.putObject("uptime").putNull("24h").putNull("30d");
    JsonNode monitor = JSON.createObjectNode().put("$ref", "#/components/schemas/Monitor");
    assertThat(violations(document(), monitor, answer)).isEmpty();
    assertThat(answer.toString()).doesNotContain("t0ken-value");
  }
}

package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.config.ChannelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/tickr.schema.json} describes each channel type's settings exactly as its notifier
 * reads them, so editors complete and check them.
 */
class ChannelSchemaTest {
  private final JsonNode schema = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("docs/tickr.schema.json").toFile());
    } catch (IOException e) {
      throw new AssertionError("docs/tickr.schema.json must be JSON", e);
    }
  }

  @Test
  void each_type_lists_exactly_the_settings_its_notifier_reads() {
    for (String type : ChannelSpec.TYPES) {
      JsonNode settings = schema.at("/$defs/channel-" + type + "/properties");
      List<String> names = new ArrayList<>();
      settings.fieldNames().forEachRemaining(names::add);

      assertThat(names)
          .as("settings of %s in the schema", type)
          .containsExactlyInAnyOrderElementsOf(
              java.util.Objects.requireNonNull(Notifiers.TYPES.get(type)).settings());
    }
  }

  @Test
  void each_type_is_chosen_by_its_type_and_nothing_else_is_allowed() {
    JsonNode channel = schema.at("/$defs/channel");
    List<String> chosen = new ArrayList<>();
    channel
        .path("allOf")
        .forEach(
            branch -> {
              String type = branch.at("/if/properties/type/const").asText();
              assertThat(branch.at("/then/$ref").asText()).isEqualTo("#/$defs/channel-" + type);
              chosen.add(type);
            });

    assertThat(chosen).isEqualTo(ChannelSpec.TYPES);
    assertThat(channel.path("unevaluatedProperties").asBoolean(true)).isFalse();
  }
}

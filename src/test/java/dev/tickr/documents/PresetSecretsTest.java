package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.SecretBox;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.PresetReader;
import dev.tickr.config.Presets;
import dev.tickr.config.Types;
import dev.tickr.store.ApiDocument;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.BuiltInTypes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API monitor written with a preset whose secret key has a name no other monitor key treats as
 * secret ({@code api-key}): sealed in the database, masked in answers, kept when sent back as
 * {@code ***}, but only for the same preset and while the URL it expands to stays on its origin.
 */
class PresetSecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "acme-key-9a8b7c6d5e";

  private static final String ACME =
      """
      title: Acme
      summary: Acme's reporting API
      links: [https://acme.example/docs]
      keys:
        api-key: {description: the API key, required: true, secret: true}
        base-url: {description: where the API is, default: "https://api.acme.example"}
      monitor:
        headers: {X-Acme-Key: "((api-key))"}
      endpoints:
        report:
          description: the report
          monitor:
            url: "((base-url))/report"
      """;

  private static final Types TYPES =
      new Types(
          BuiltInTypes.types().all(),
          Presets.of(List.of(PresetReader.read("acme", ACME), PresetReader.read("other", ACME))));

  @TempDir Path dir;

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  private static ObjectNode monitor(String preset, String baseUrl, String key) throws Exception {
    return object(
        "{\"name\":\"acme\",\"preset\":\""
            + preset
            + "\",\"base-url\":\""
            + baseUrl
            + "\",\"api-key\":\""
            + key
            + "\"}");
  }

  @Test
  void a_secret_preset_key_is_sealed_masked_and_kept_only_where_it_went() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiMonitors api =
          new ApiMonitors(TYPES, store, SecretBox.load(Map.of(), dir), Clock.systemUTC());
      ObjectNode plain = api.check(monitor("acme", "http://127.0.0.1:9", KEY), Config.EMPTY, null);
      assertThat(api.create("acme", plain, "user:admin")).isTrue();
      assertThat(store.apiMonitors())
          .extracting(ApiDocument::document)
          .as("stored sealed")
          .noneMatch(d -> d.contains(KEY));
      ObjectNode shown = api.masked("acme").orElseThrow();
      assertThat(shown.path("api-key").asText()).isEqualTo("***");
      assertThat(shown.toString()).doesNotContain(KEY);

      ObjectNode before = api.plain("acme").orElseThrow();
      ObjectNode kept = api.check(shown, Config.EMPTY, before);
      assertThat(kept.path("api-key").asText()).as("the mask keeps it").isEqualTo(KEY);
      assertThatThrownBy(
              () -> api.check(monitor("acme", "http://evil.example", "***"), Config.EMPTY, before))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("/api-key")
          .hasMessageContaining("url points at the same scheme, host and port");
      assertThatThrownBy(
              () -> api.check(monitor("other", "http://127.0.0.1:9", "***"), Config.EMPTY, before))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("/api-key")
          .hasMessageContaining("preset names the same platform");
      assertThat(
              api.check(monitor("acme", "http://evil.example", "new-key"), Config.EMPTY, before)
                  .path("api-key")
                  .asText())
          .as("a new value may go anywhere")
          .isEqualTo("new-key");
    }
  }
}

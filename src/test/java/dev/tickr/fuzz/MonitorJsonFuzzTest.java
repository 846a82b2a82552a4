package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigException;
import dev.tickr.config.JsonInput;
import dev.tickr.config.Problem;
import dev.tickr.testing.BuiltInTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The REST API's monitor JSON (what {@code POST /api/v1/monitors} reads) on any JSON document: a
 * monitor or a {@link ConfigException} whose problems name a field; nothing else, and never the
 * value of a secret.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class MonitorJsonFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonInput INPUT = new JsonInput(BuiltInTypes.types(), List.of("ops"));

  @FuzzTest(maxDuration = "5m")
  void monitor(byte[] input) {
    String text = Fuzz.text(input);
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JacksonException e) {
      return; // not JSON: the API answers 400 before reading a monitor
    }
    if (document instanceof ObjectNode o) {
      o.remove(JsonInput.SECRETS);
    }
    try {
      INPUT.monitor(document, Map.of("TOKEN", Fuzz.SECRET));
    } catch (ConfigException e) {
      for (Problem p : e.problems()) {
        assertThat(p.message()).isNotBlank();
      }
      Fuzz.assertNoSecret(text, e.getMessage());
    }
  }
}

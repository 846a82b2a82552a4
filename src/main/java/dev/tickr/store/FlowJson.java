package dev.tickr.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.StepResult;
import dev.tickr.check.StepResult.ConditionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code results.flow} column: a flow's steps and named durations as JSON, written field by
 * field so the stored form does not follow renames of the records; {@code NULL} for every result
 * that is not a flow's. Durations to the microsecond.
 */
final class FlowJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A flow result's steps and measures, as read back. */
  record Flow(List<StepResult> steps, Map<String, Double> measures) {
    static final Flow NONE = new Flow(List.of(), Map.of());
  }

  private FlowJson() {}

  /** The column's value: {@code null} when the record has neither steps nor measures. */
  static @Nullable String write(CheckRecord r) {
    if (r.steps().isEmpty() && r.measures().isEmpty()) {
      return null;
    }
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode steps = n.putArray("steps");
    for (StepResult s : r.steps()) {
      ObjectNode o = steps.addObject();
      o.put("name", s.name());
      o.put("status", s.status().name());
      o.put("attempts", s.attempts());
      o.put("took_us", Columns.micros(s.took()));
      o.put("reason", s.reason() == null ? null : s.reason().code());
      o.put("message", s.message());
      ArrayNode conditions = o.putArray("conditions");
      for (ConditionOutcome c : s.conditions()) {
        conditions
            .addObject()
            .put("condition", c.condition())
            .put("success", c.success())
            .put("actual", c.actual());
      }
    }
    ObjectNode measures = n.putObject("measures");
    r.measures().forEach(measures::put);
    return n.toString();
  }

  static Flow read(@Nullable String json) {
    if (json == null) {
      return Flow.NONE;
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "unreadable flow JSON in the database: " + e.getOriginalMessage(), e);
    }
    List<StepResult> steps = new ArrayList<>();
    for (JsonNode o : n.path("steps")) {
      List<ConditionOutcome> conditions = new ArrayList<>();
      for (JsonNode c : o.path("conditions")) {
        conditions.add(
            new ConditionOutcome(
                c.path("condition").asText(),
                c.path("success").asBoolean(),
                c.path("actual").asText()));
      }
      JsonNode reason = o.path("reason");
      JsonNode message = o.path("message");
      steps.add(
          new StepResult(
              o.path("name").asText(),
              StepResult.Status.valueOf(o.path("status").asText()),
              o.path("attempts").asInt(),
              Duration.ofNanos(o.path("took_us").asLong() * 1_000),
              reason.isTextual() ? Json.reason(reason.asText()) : null,
              message.isTextual() ? message.asText() : null,
              conditions));
    }
    Map<String, Double> measures = new LinkedHashMap<>();
    n.path("measures").properties().forEach(e -> measures.put(e.getKey(), e.getValue().asDouble()));
    return new Flow(steps, measures);
  }
}

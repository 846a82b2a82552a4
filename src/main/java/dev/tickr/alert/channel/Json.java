package dev.tickr.alert.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Alert;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/** JSON for the channels' payloads: trees in insertion order, RFC 3339 times, request bodies. */
final class Json {
  static final MediaType TYPE = MediaType.get("application/json; charset=utf-8");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /** The monitors of a shared page: name, incident, what failed, since when. */
  static ArrayNode monitors(List<Alert> alerts) {
    ArrayNode array = array();
    for (Alert a : alerts) {
      ObjectNode m = array.addObject();
      m.put("name", a.monitor());
      m.put("incident_id", a.incidentId());
      m.put("detail", a.detail());
      m.put("status", a.status());
      m.put("started_at", time(a.startedAt()));
    }
    return array;
  }

  /** {@code 2026-03-01T10:15:00.250Z}: UTC, at most millisecond precision; null stays null. */
  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** A body of exactly these bytes, as {@code application/json}. */
  static RequestBody body(byte[] bytes) {
    return RequestBody.create(bytes, TYPE);
  }

  static RequestBody body(JsonNode node) {
    return body(bytes(node));
  }

  /** The tree of a provider's answer, or an empty object when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? object() : node;
    } catch (JsonProcessingException e) {
      return object();
    }
  }
}

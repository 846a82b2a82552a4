package dev.tickr.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the store keeps inside columns: outcomes, incidents, evidence and tags, written field by
 * field so the stored form does not follow renames of the records. Times are epoch milliseconds.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String tags(List<String> tags) {
    ArrayNode a = MAPPER.createArrayNode();
    tags.forEach(a::add);
    return a.toString();
  }

  static List<String> tags(String json) {
    List<String> tags = new ArrayList<>();
    parse(json).forEach(t -> tags.add(t.asText()));
    return tags;
  }

  static @Nullable String outcome(@Nullable Outcome o) {
    if (o == null) {
      return null;
    }
    ObjectNode n = MAPPER.createObjectNode();
    n.put("at", o.at().toEpochMilli());
    n.put("verdict", o.verdict().name());
    n.put("reason", o.reason() == null ? null : o.reason().code());
    n.put("detail", o.detail());
    n.set("evidence", evidence(o.evidence()));
    return n.toString();
  }

  static @Nullable Outcome outcome(@Nullable String json) {
    if (json == null) {
      return null;
    }
    JsonNode n = parse(json);
    return new Outcome(
        Instant.ofEpochMilli(n.path("at").asLong()),
        Verdict.valueOf(n.path("verdict").asText()),
        reasonOrNull(text(n, "reason")),
        text(n, "detail"),
        evidence(n.path("evidence")));
  }

  static @Nullable String incident(@Nullable Incident i) {
    if (i == null) {
      return null;
    }
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", i.id());
    n.put("monitor", i.monitor());
    n.put("started_at", i.startedAt().toEpochMilli());
    Instant ended = i.endedAt();
    n.put("ended_at", ended == null ? null : ended.toEpochMilli());
    n.put("reason", i.reason().code());
    n.put("detail", i.detail());
    n.set("evidence", evidence(i.evidence()));
    return n.toString();
  }

  static @Nullable Incident incident(@Nullable String json) {
    if (json == null) {
      return null;
    }
    JsonNode n = parse(json);
    JsonNode ended = n.path("ended_at");
    return new Incident(
        n.path("id").asLong(),
        n.path("monitor").asText(),
        Instant.ofEpochMilli(n.path("started_at").asLong()),
        ended.isNumber() ? Instant.ofEpochMilli(ended.asLong()) : null,
        reason(n.path("reason").asText()),
        n.path("detail").asText(),
        evidence(n.path("evidence")));
  }

  static String evidenceText(Evidence e) {
    return evidence(e).toString();
  }

  static Evidence evidence(String json) {
    return evidence(parse(json));
  }

  static Reason reason(String code) {
    for (Reason r : Reason.values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new StoreException("unknown reason in the database: " + code);
  }

  static @Nullable Reason reasonOrNull(@Nullable String code) {
    return code == null ? null : reason(code);
  }

  private static ObjectNode evidence(Evidence e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("status", e.status());
    ArrayNode headers = n.putArray("headers");
    for (Map.Entry<String, String> h : e.headers()) {
      headers.addArray().add(h.getKey()).add(h.getValue());
    }
    n.put("body", e.bodyStart());
    return n;
  }

  private static Evidence evidence(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return Evidence.NONE;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    n.path("headers")
        .forEach(
            h -> headers.add(new SimpleImmutableEntry<>(h.path(0).asText(), h.path(1).asText())));
    JsonNode status = n.path("status");
    return new Evidence(
        status.isNumber() ? status.asInt() : null, headers, n.path("body").asText());
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("unreadable JSON in the database: " + e.getOriginalMessage(), e);
    }
  }
}

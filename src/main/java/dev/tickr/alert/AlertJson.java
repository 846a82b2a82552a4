package dev.tickr.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Alerts and notifications as the store keeps them: JSON written field by field, so the stored form
 * does not follow renames of the records. Times are ISO-8601 instants.
 */
final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  static String alert(Alert a) {
    return node(a).toString();
  }

  static Alert alert(String json) {
    return alert(parse(json));
  }

  static String notification(Notification n) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", n.id());
    node.put("event", n.event().name());
    node.put("dashboard_url", n.dashboardUrl());
    ArrayNode alerts = node.putArray("alerts");
    n.alerts().forEach(a -> alerts.add(node(a)));
    return node.toString();
  }

  static Notification notification(String json) {
    JsonNode node = parse(json);
    List<Alert> alerts = new ArrayList<>();
    node.path("alerts").forEach(a -> alerts.add(alert(a)));
    return new Notification(
        node.path("id").asText(),
        AlertEvent.valueOf(node.path("event").asText()),
        alerts,
        node.path("dashboard_url").asText());
  }

  private static ObjectNode node(Alert a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("event", a.event().name());
    n.put("monitor", a.monitor());
    ArrayNode tags = n.putArray("tags");
    a.tags().forEach(tags::add);
    n.put("incident_id", a.incidentId());
    n.put("started_at", a.startedAt().toString());
    putTime(n, "ended_at", a.endedAt());
    n.put("reason", a.reason().code());
    n.put("detail", a.detail());
    n.put("status", a.status());
    n.put("evidence", a.evidence());
    putTime(n, "certificate_expires_at", a.certificateExpiresAt());
    n.put("dedup_key", a.dedupKey());
    if (!a.impact().isEmpty()) {
      n.put("impact", a.impact());
    }
    return n;
  }

  private static Alert alert(JsonNode n) {
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    JsonNode status = n.path("status");
    return new Alert(
        AlertEvent.valueOf(n.path("event").asText()),
        n.path("monitor").asText(),
        tags,
        n.path("incident_id").asLong(),
        Instant.parse(n.path("started_at").asText()),
        time(n, "ended_at"),
        reason(n.path("reason").asText()),
        n.path("detail").asText(),
        status.isNumber() ? status.asInt() : null,
        n.path("evidence").asText(),
        time(n, "certificate_expires_at"),
        n.path("dedup_key").asText(),
        n.path("impact").asText());
  }

  private static Reason reason(String code) {
    for (Reason r : Reason.values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return Reason.INTERNAL;
  }

  private static void putTime(ObjectNode n, String field, @Nullable Instant t) {
    if (t == null) {
      n.putNull(field);
    } else {
      n.put(field, t.toString());
    }
  }

  private static @Nullable Instant time(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? Instant.parse(v.asText()) : null;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable alert JSON: " + e.getOriginalMessage(), e);
    }
  }
}

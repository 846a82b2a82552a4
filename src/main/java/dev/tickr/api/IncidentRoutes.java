package dev.tickr.api;

import static dev.tickr.api.ApiHttp.DEFAULT_PAGE;
import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.MAX_PAGE;
import static dev.tickr.api.ApiHttp.body;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.integer;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.onlyFields;
import static dev.tickr.api.ApiHttp.putTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.incident.Incident;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.IncidentRow;
import dev.tickr.store.Store;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /incidents}: list them, read one with its evidence and notes, acknowledge an open one, add
 * a note.
 */
final class IncidentRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final Store store;
  private final Clock clock;
  private final BiConsumer<Incident, IncidentNote> noted;

  IncidentRoutes(Store store, Clock clock, BiConsumer<Incident, IncidentNote> noted) {
    this.store = store;
    this.clock = clock;
    this.noted = noted;
  }

  void list(Context ctx) {
    String open = ctx.queryParam("open");
    if (open != null && !open.equals("true") && !open.equals("false")) {
      throw ApiProblem.badRequest("open must be true or false", "open");
    }
    String monitor = ctx.queryParam("monitor");
    int limit = integer(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    List<IncidentRow> rows =
        store.incidentRows("true".equals(open), monitor == null ? limit : MAX_PAGE * 10);
    ArrayNode list = JSON.createArrayNode();
    for (IncidentRow r : rows) {
      if (monitor != null && !r.incident().monitor().equals(monitor)) {
        continue;
      }
      if ("false".equals(open) && r.incident().open()) {
        continue;
      }
      if (list.size() >= limit) {
        break;
      }
      list.add(incident(r, false));
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("incidents", list);
    json(ctx, 200, out);
  }

  private ObjectNode incident(IncidentRow r, boolean withNotes) {
    Incident i = r.incident();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", i.id());
    o.put("monitor", i.monitor());
    o.put("started_at", i.startedAt().toString());
    putTime(o, "ended_at", i.endedAt());
    Instant end = i.endedAt() == null ? clock.instant() : i.endedAt();
    o.put("duration_s", Duration.between(i.startedAt(), end).toSeconds());
    o.put("open", i.open());
    o.put("reason", i.reason().code());
    o.put("detail", i.detail());
    o.put("acknowledged", r.acknowledged());
    putTime(o, "acknowledged_at", r.acknowledgedAt());
    if (r.acknowledgedBy() == null) {
      o.putNull("acknowledged_by");
    } else {
      o.put("acknowledged_by", r.acknowledgedBy());
    }
    o.put("maintenance", r.maintenance());
    if (withNotes) {
      ObjectNode evidence = o.putObject("evidence");
      if (i.evidence().status() == null) {
        evidence.putNull("status");
      } else {
        evidence.put("status", i.evidence().status());
      }
      ArrayNode headers = evidence.putArray("headers");
      i.evidence()
          .headers()
          .forEach(h -> headers.addObject().put("name", h.getKey()).put("value", h.getValue()));
      evidence.put("body", i.evidence().bodyStart());
      ArrayNode notes = o.putArray("notes");
      for (IncidentNote n : store.notes(i.id())) {
        notes.add(note(n));
      }
    }
    return o;
  }

  private static ObjectNode note(IncidentNote n) {
    return JSON.createObjectNode()
        .put("id", n.id())
        .put("at", n.at().toString())
        .put("author", n.author())
        .put("text", n.text())
        .put("public", n.visible());
  }

  private IncidentRow incidentOr404(Context ctx) {
    String text = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.notFound("no incident " + text + " (ids are numbers)");
    }
    return store.incidentRow(id).orElseThrow(() -> ApiProblem.notFound("no incident " + id));
  }

  void get(Context ctx) {
    json(ctx, 200, incident(incidentOr404(ctx), true));
  }

  void acknowledge(Context ctx) {
    IncidentRow row = incidentOr404(ctx);
    if (!row.incident().open()) {
      throw ApiProblem.conflict("incident " + row.incident().id() + " is resolved already");
    }
    if (!row.acknowledged()) {
      store.acknowledge(row.incident().id(), clock.instant(), by(ctx));
      LOG.info("incident={} acknowledged by={}", row.incident().id(), by(ctx));
    }
    json(ctx, 200, incident(incidentOr404(ctx), true));
  }

  void addNote(Context ctx) {
    IncidentRow row = incidentOr404(ctx);
    ObjectNode body = body(ctx);
    onlyFields(body, List.of("text", "public"));
    JsonNode text = body.get("text");
    if (text == null || !text.isTextual() || text.textValue().isBlank()) {
      throw ApiProblem.badRequest("text must be a non-empty string", "/text");
    }
    if (text.textValue().length() > 10_000) {
      throw ApiProblem.badRequest("text may be at most 10000 characters", "/text");
    }
    JsonNode visible = body.get("public");
    if (visible != null && !visible.isBoolean()) {
      throw ApiProblem.badRequest("public must be true or false", "/public");
    }
    IncidentNote note =
        new IncidentNote(
            UUID.randomUUID().toString(),
            row.incident().id(),
            clock.instant(),
            by(ctx),
            text.textValue(),
            visible != null && visible.booleanValue());
    store.addNote(note);
    noted.accept(row.incident(), note);
    json(ctx, 201, note(note));
  }
}

package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.body;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.monitorOr404;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.incident.MonitorState;
import dev.tickr.store.Store;
import dev.tickr.web.ApiProblem;
import dev.tickr.web.Html;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /monitors}: list, create, read, change, delete, pause and resume monitors. A monitor the
 * config file defines is read-only here; writes go through the config's readers ({@link
 * ApiMonitors}) and then refresh the daemon.
 */
final class MonitorRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final DaemonControl daemon;
  private final Store store;
  private final ApiMonitors api;
  private final Clock clock;

  MonitorRoutes(DaemonControl daemon, Store store, ApiMonitors api, Clock clock) {
    this.daemon = daemon;
    this.store = store;
    this.api = api;
    this.clock = clock;
  }

  private Config running() {
    return daemon.config();
  }

  private MonitorViews views(Context ctx, boolean many) {
    return new MonitorViews(daemon, store, api, clock, ctx, many);
  }

  void list(Context ctx) {
    Config config = running();
    String tag = ctx.queryParam("tag");
    String state = ctx.queryParam("state");
    String q = ctx.queryParam("q");
    String source = ctx.queryParam("source");
    if (source != null
        && !source.equals(MonitorSpec.SOURCE_YAML)
        && !source.equals(MonitorSpec.SOURCE_API)) {
      throw ApiProblem.badRequest("source must be yaml or api", "source");
    }
    if (state != null) {
      try {
        MonitorState.valueOf(state.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest(
            "state must be one of UP, DOWN, DEGRADED, PAUSED, PENDING, MAINTENANCE", "state");
      }
    }
    MonitorViews views = views(ctx, true);
    ArrayNode list = JSON.createArrayNode();
    for (MonitorSpec spec : config.monitors()) {
      if (tag != null && !spec.tags().contains(tag)) {
        continue;
      }
      if (q != null && !spec.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (source != null && !spec.source().equals(source)) {
        continue;
      }
      ObjectNode view = views.monitor(spec, config);
      if (state != null && !view.path("state").asText().equalsIgnoreCase(state)) {
        continue;
      }
      list.add(view);
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("monitors", list);
    json(ctx, 200, out);
  }

  void get(Context ctx) {
    String name = ctx.pathParam("name");
    Optional<MonitorSpec> spec = running().monitor(name);
    if (spec.isPresent()) {
      json(ctx, 200, views(ctx, false).monitor(spec.get(), running()));
      return;
    }
    // Stored but not running: say why (a channel it names left the config file, say).
    ObjectNode stored =
        api.masked(name)
            .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
    stored.put("source", MonitorSpec.SOURCE_API).put("state", "INVALID");
    ArrayNode problems = stored.putArray("problems");
    for (Problem p : api.problems(name)) {
      problems.addObject().put("pointer", p.file()).put("detail", p.message());
    }
    json(ctx, 200, stored);
  }

  void create(Context ctx) {
    ObjectNode body = body(ctx);
    String name = body.path("name").isTextual() ? body.path("name").textValue() : null;
    ObjectNode plain = checked(body, null);
    if (name == null) {
      throw ApiProblem.badRequest("missing \"name\"", "/name");
    }
    synchronized (api) {
      Optional<String> existing = api.sourceOf(name, daemon.fileConfig());
      if (existing.isPresent()) {
        throw ApiProblem.conflict(
            "a monitor named \""
                + name
                + "\" exists already"
                + (existing.get().equals(MonitorSpec.SOURCE_YAML) ? " in the config file" : ""));
      }
      if (!api.create(name, plain, by(ctx))) {
        throw ApiProblem.conflict("a monitor named \"" + name + "\" exists already");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("monitor={} created through the API by={}", name, by(ctx));
    ctx.header("Location", ApiRoutes.PREFIX + "/monitors/" + Html.urlPart(name));
    json(ctx, 201, views(ctx, false).monitor(monitorOr404(running(), name), running()));
  }

  private ObjectNode checked(ObjectNode body, @Nullable ObjectNode before) {
    try {
      return api.check(body, daemon.fileConfig(), before);
    } catch (ConfigException e) {
      throw ApiProblem.invalid("monitor", e.problems());
    }
  }

  void update(Context ctx) {
    String name = ctx.pathParam("name");
    ObjectNode body = body(ctx);
    requireApiMonitor(api, daemon, name);
    JsonNode given = body.get("name");
    if (given == null) {
      body.put("name", name);
    } else if (!given.isTextual() || !given.textValue().equals(name)) {
      throw ApiProblem.badRequest(
          "\"name\" must be \"" + name + "\" (a monitor cannot be renamed; create a new one)",
          "/name");
    }
    synchronized (api) {
      ObjectNode before = api.plain(name).orElse(null);
      ObjectNode plain = checked(body, before);
      if (!api.update(name, plain, by(ctx))) {
        throw ApiProblem.notFound("no monitor named \"" + name + "\"");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("monitor={} updated through the API by={}", name, by(ctx));
    json(ctx, 200, views(ctx, false).monitor(monitorOr404(running(), name), running()));
  }

  /** 404 unless an API monitor is named {@code name}; 409 for one the config file defines. */
  static void requireApiMonitor(ApiMonitors api, DaemonControl daemon, String name) {
    Optional<String> source = api.sourceOf(name, daemon.fileConfig());
    if (source.isEmpty()) {
      throw ApiProblem.notFound("no monitor named \"" + name + "\"");
    }
    if (source.get().equals(MonitorSpec.SOURCE_YAML)) {
      int line = daemon.fileConfig().monitor(name).map(MonitorSpec::line).orElse(0);
      throw ApiProblem.fromConfigFile("monitor \"" + name + "\"", line);
    }
  }

  void delete(Context ctx) {
    String name = ctx.pathParam("name");
    requireApiMonitor(api, daemon, name);
    synchronized (api) {
      if (!api.delete(name)) {
        throw ApiProblem.notFound("no monitor named \"" + name + "\"");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("monitor={} deleted through the API by={}", name, by(ctx));
    ctx.status(204);
  }

  void pause(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(running(), name);
    if (api.pause(name, by(ctx))) {
      daemon.refresh();
      LOG.info("monitor={} paused through the API by={}", name, by(ctx));
    }
    json(ctx, 200, views(ctx, false).monitor(monitorOr404(running(), name), running()));
  }

  void resume(Context ctx) {
    String name = ctx.pathParam("name");
    MonitorSpec spec = monitorOr404(running(), name);
    if (api.resume(name)) {
      daemon.refresh();
      LOG.info("monitor={} resumed through the API by={}", name, by(ctx));
    } else if (spec.paused()) {
      throw ApiProblem.conflict(
          "monitor \""
              + name
              + "\" is paused by its settings (paused: true): "
              + (spec.source().equals(MonitorSpec.SOURCE_API)
                  ? "update it with paused: false"
                  : "change it in the config file"));
    }
    json(ctx, 200, views(ctx, false).monitor(monitorOr404(running(), name), running()));
  }
}

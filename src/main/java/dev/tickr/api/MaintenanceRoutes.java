package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.body;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /maintenance}: the windows the config file and the API define; the API's own can be
 * created and deleted here, the file's are read-only.
 */
final class MaintenanceRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final DaemonControl daemon;
  private final ApiMonitors api;

  MaintenanceRoutes(DaemonControl daemon, ApiMonitors api) {
    this.daemon = daemon;
    this.api = api;
  }

  void list(Context ctx) {
    Config file = daemon.fileConfig();
    ArrayNode list = JSON.createArrayNode();
    for (MaintenanceWindow w : file.maintenance()) {
      list.addObject().put("name", w.name()).put("source", MonitorSpec.SOURCE_YAML);
    }
    api.windows()
        .forEach(
            (name, doc) -> {
              ObjectNode o = doc.deepCopy();
              o.put("source", MonitorSpec.SOURCE_API);
              list.add(o);
            });
    ObjectNode out = JSON.createObjectNode();
    out.set("maintenance", list);
    json(ctx, 200, out);
  }

  void create(Context ctx) {
    ObjectNode body = body(ctx);
    body.remove("source");
    MaintenanceWindow window;
    try {
      window = ApiMonitors.checkWindow(body, daemon.config());
    } catch (ConfigException e) {
      throw ApiProblem.invalid("maintenance window", e.problems());
    }
    synchronized (api) {
      boolean inFile =
          daemon.fileConfig().maintenance().stream().anyMatch(w -> w.name().equals(window.name()));
      if (inFile || !api.createWindow(window.name(), body, by(ctx))) {
        throw ApiProblem.conflict(
            "a maintenance window named \"" + window.name() + "\" exists already");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("maintenance={} created through the API by={}", window.name(), by(ctx));
    ObjectNode out = body.deepCopy();
    out.put("source", MonitorSpec.SOURCE_API);
    json(ctx, 201, out);
  }

  void delete(Context ctx) {
    String name = ctx.pathParam("name");
    synchronized (api) {
      if (daemon.fileConfig().maintenance().stream().anyMatch(w -> w.name().equals(name))) {
        throw ApiProblem.fromConfigFile("maintenance window \"" + name + "\"", 0);
      }
      if (!api.deleteWindow(name)) {
        throw ApiProblem.notFound("no maintenance window named \"" + name + "\"");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("maintenance={} deleted through the API by={}", name, by(ctx));
    ctx.status(204);
  }
}

package dev.tickr.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.documents.MonitorJson;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The monitor forms: {@code /monitors/new} and {@code /monitors/{name}/edit}. The page renders the
 * fields with the monitor's settings (secrets masked as the API answers them, {@link MonitorForm});
 * its script ({@code form.js}) builds the API's monitor object from them, saves it with {@code POST
 * /api/v1/monitors} or {@code PUT /api/v1/monitors/{name}}, tries it with {@code POST
 * /api/v1/monitors/test} ("Test now"), and puts each problem the API names by JSON Pointer next to
 * its field. A monitor of the config file is shown read-only ({@link ReadOnlyMonitor}): it is
 * changed in the file. Only admins get the forms.
 */
final class MonitorFormPage {
  private final DaemonControl daemon;
  private final ApiMonitors api;

  MonitorFormPage(DaemonControl daemon, ApiMonitors api) {
    this.daemon = daemon;
    this.api = api;
  }

  void install(JavalinConfig config) {
    config.routes.get("/monitors/new", this::create);
    config.routes.get("/monitors/{name}/edit", this::edit);
  }

  private void create(Context ctx) {
    if (!Layout.canWrite(ctx)) {
      Forms.forbidden(
          ctx, "New monitor", Layout.Nav.NEW_MONITOR, "Only admins can create monitors.");
      return;
    }
    StringBuilder main = new StringBuilder(16_384);
    main.append("<h1>New monitor</h1>");
    MonitorForm.write(
        main, JsonNodeFactory.instance.objectNode(), null, channels(), api.types().presets());
    Layout.render(ctx, "New monitor", Layout.Nav.NEW_MONITOR, main.toString(), "form.js");
  }

  private void edit(Context ctx) {
    String name = ctx.pathParam("name");
    String title = "Edit " + name;
    if (!Layout.canWrite(ctx)) {
      Forms.forbidden(ctx, title, Layout.Nav.NONE, "Only admins can change monitors.");
      return;
    }
    Config running = daemon.config();
    Optional<MonitorSpec> fromFile = daemon.fileConfig().monitor(name);
    if (fromFile.isPresent()) {
      MonitorSpec spec = fromFile.get();
      ObjectNode settings = MonitorJson.of(spec, running.secretValues().values());
      Layout.render(
          ctx, name, Layout.Nav.NONE, ReadOnlyMonitor.html(spec, settings, daemon.configFile()));
      return;
    }
    Optional<ObjectNode> stored = api.masked(name);
    if (stored.isEmpty()) {
      Forms.notFound(ctx, title, Layout.Nav.NONE, "There is no monitor named \"" + name + "\".");
      return;
    }
    StringBuilder main = new StringBuilder(16_384);
    main.append("<h1>Edit <code>").append(Html.escape(name)).append("</code></h1>");
    storedProblems(main, api.problems(name));
    MonitorForm.write(main, stored.get(), name, channels(), api.types().presets());
    Layout.render(ctx, title, Layout.Nav.NONE, main.toString(), "form.js");
  }

  /** Why a stored API monitor does not run, above its form. */
  private static void storedProblems(StringBuilder main, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    main.append("<div class=\"note problem\" id=\"stored-problems\"><p>This monitor does not ")
        .append("run as stored:</p><ul>");
    for (Problem p : problems) {
      main.append("<li><code>")
          .append(Html.escape(p.file()))
          .append("</code> ")
          .append(Html.escape(p.message()))
          .append("</li>");
    }
    main.append("</ul></div>");
  }

  private List<ChannelSpec> channels() {
    return daemon.config().channels();
  }
}

package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.body;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.monitorOr404;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Redaction;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.daemon.Trial;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.report.CheckReport;
import dev.tickr.time.Durations;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probing from the API: {@code POST /monitors/test} tries settings out without storing them, and
 * {@code POST /monitors/{name}/check} checks a running monitor at once. Both answer the {@code
 * tickr check --json} object with every secret value masked.
 */
final class MonitorCheckRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final DaemonControl daemon;
  private final ApiMonitors api;
  private final Clock clock;

  MonitorCheckRoutes(DaemonControl daemon, ApiMonitors api, Clock clock) {
    this.daemon = daemon;
    this.api = api;
    this.clock = clock;
  }

  private Config running() {
    return daemon.config();
  }

  /**
   * Checks a monitor object like a create, probes it once and answers the full result; stores
   * nothing. With {@code ?name=} (an API monitor being edited), masked secrets take its stored
   * values, as an update would.
   */
  void test(Context ctx) {
    ObjectNode body = body(ctx);
    String editing = ctx.queryParam("name");
    ObjectNode before = null;
    if (editing != null) {
      MonitorRoutes.requireApiMonitor(api, daemon, editing);
      before = api.plain(editing).orElse(null);
      if (body.get("name") == null) {
        body.put("name", editing);
      }
    }
    ApiMonitors.Checked checked;
    try {
      checked = api.checked(body, daemon.fileConfig(), before);
    } catch (ConfigException e) {
      throw ApiProblem.invalid("monitor", e.problems());
    }
    if (!body.path("name").isTextual()) {
      throw ApiProblem.badRequest("missing \"name\"", "/name");
    }
    MonitorSpec spec = checked.read().spec();
    if (spec.pushed()) {
      throw ApiProblem.conflict(
          "a heartbeat is not probed (its job pings it); its settings are valid");
    }
    Set<String> secrets = new HashSet<>(running().secretValues().values());
    secrets.addAll(checked.read().secretValues());
    Trial trial =
        daemon
            .trial(spec, secrets)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        504,
                        "Check did not finish",
                        "the check of \""
                            + spec.name()
                            + "\" did not finish within its timeout of "
                            + Durations.format(spec.timeout())));
    LOG.info(
        "monitor={} tested through the API by={} verdict={}",
        spec.name(),
        by(ctx),
        trial.verdict());
    json(ctx, 200, TrialJson.of(trial, spec, clock.instant()));
  }

  void checkNow(Context ctx) {
    String name = ctx.pathParam("name");
    MonitorSpec spec = monitorOr404(running(), name);
    if (spec.pushed()) {
      throw ApiProblem.conflict(
          "monitor \"" + name + "\" is a heartbeat: it is not probed, its job pings it");
    }
    CheckResult result =
        daemon
            .checkNow(name)
            .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
    Set<String> secrets = new HashSet<>(running().secretValues().values());
    secrets.addAll(spec.settings().secretValues());
    String report = CheckReport.json(result, clock.instant());
    ctx.status(200)
        .header("Cache-Control", "no-store")
        .contentType("application/json")
        .result(scrubJson(report, secrets));
  }

  /** Masks secret values in JSON text, as written and as JSON escapes them. */
  static String scrubJson(String json, Collection<String> secrets) {
    Set<String> forms = new HashSet<>(secrets);
    for (String s : secrets) {
      forms.add(quoteInner(s));
    }
    return Redaction.scrub(json, forms);
  }

  private static String quoteInner(String s) {
    try {
      String q = JSON.writeValueAsString(s);
      return q.substring(1, q.length() - 1);
    } catch (JsonProcessingException e) {
      return s;
    }
  }
}

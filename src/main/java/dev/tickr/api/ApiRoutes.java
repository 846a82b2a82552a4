package dev.tickr.api;

import static dev.tickr.api.ApiHttp.isProblem;
import static dev.tickr.api.ApiHttp.problem;

import dev.tickr.alert.NotifierFactory;
import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.incident.Incident;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.Store;
import dev.tickr.web.Access;
import dev.tickr.web.ApiProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v1}: JSON in and out, errors as RFC 9457 problem details naming
 * the field, unknown fields rejected, bodies limited to {@link #MAX_BODY} bytes. Who may call what
 * is decided before a route runs ({@link Access}); a route records who did what. This class lists
 * the routes (in the order the OpenAPI document lists them) and installs them with the problem
 * answers; each resource's routes are a class of their own ({@link MonitorRoutes}, {@link
 * ResultRoutes}, {@link IncidentRoutes}, ...), sharing {@link ApiHttp}.
 */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  public static final String PREFIX = "/api/v1";

  /** The largest request body taken, in bytes; a bigger one gets 413. */
  public static final int MAX_BODY = 64 * 1024;

  public static final String PROBLEM_JSON = "application/problem+json";

  /** One route: what the OpenAPI document must describe, and what answers it. */
  public record Route(Method method, String path, Handler handler) {}

  /** The HTTP methods the API uses. */
  public enum Method {
    GET,
    POST,
    PUT,
    DELETE
  }

  private final MonitorRoutes monitors;
  private final MonitorCheckRoutes checks;
  private final ResultRoutes results;
  private final MetricRoutes metrics;
  private final IncidentRoutes incidents;
  private final ReportRoutes reports;
  private final ChannelRoutes channels;
  private final MaintenanceRoutes maintenance;
  private final StatusPageRoutes statusPages;
  private final TokenRoutes tokens;
  private final ApiMonitors api;

  /** The OpenAPI document, made from the monitor types when first asked for. */
  private @Nullable String openApi;

  public ApiRoutes(
      DaemonControl daemon,
      Store store,
      ApiMonitors api,
      @Nullable Accounts accounts,
      NotifierFactory notifiers,
      Clock clock) {
    this(daemon, store, api, accounts, notifiers, clock, (incident, note) -> {});
  }

  /**
   * @param noted told of each note added to an incident (status-page subscribers get the public
   *     ones)
   */
  public ApiRoutes(
      DaemonControl daemon,
      Store store,
      ApiMonitors api,
      @Nullable Accounts accounts,
      NotifierFactory notifiers,
      Clock clock,
      BiConsumer<Incident, IncidentNote> noted) {
    this.monitors = new MonitorRoutes(daemon, store, api, clock);
    this.checks = new MonitorCheckRoutes(daemon, api, clock);
    this.results = new ResultRoutes(daemon, store, clock);
    this.metrics = new MetricRoutes(daemon, store.metricSeries(), clock);
    this.incidents = new IncidentRoutes(store, clock, noted);
    this.reports = new ReportRoutes(daemon, store, clock);
    this.channels = new ChannelRoutes(daemon, notifiers, clock);
    this.maintenance = new MaintenanceRoutes(daemon, api);
    this.statusPages = new StatusPageRoutes(daemon, api.statusPages(), store.subscriptions());
    this.tokens = new TokenRoutes(accounts);
    this.api = api;
  }

  /** Every route, in the order the OpenAPI document lists them. */
  public List<Route> routes() {
    return List.of(
        new Route(Method.GET, "/openapi.json", this::openApi),
        new Route(Method.GET, "/monitors", monitors::list),
        new Route(Method.POST, "/monitors", monitors::create),
        new Route(Method.POST, "/monitors/test", checks::test),
        new Route(Method.GET, "/monitors/{name}", monitors::get),
        new Route(Method.PUT, "/monitors/{name}", monitors::update),
        new Route(Method.DELETE, "/monitors/{name}", monitors::delete),
        new Route(Method.POST, "/monitors/{name}/pause", monitors::pause),
        new Route(Method.POST, "/monitors/{name}/resume", monitors::resume),
        new Route(Method.POST, "/monitors/{name}/check", checks::checkNow),
        new Route(Method.GET, "/monitors/{name}/results", results::results),
        new Route(Method.GET, "/monitors/{name}/uptime", results::uptime),
        new Route(Method.GET, "/monitors/{name}/metrics/{metric}", metrics::series),
        new Route(Method.GET, "/incidents", incidents::list),
        new Route(Method.GET, "/incidents/{id}", incidents::get),
        new Route(Method.POST, "/incidents/{id}/acknowledge", incidents::acknowledge),
        new Route(Method.POST, "/incidents/{id}/notes", incidents::addNote),
        new Route(Method.GET, "/reports/impact", reports::impact),
        new Route(Method.GET, "/channels", channels::list),
        new Route(Method.POST, "/channels/{name}/test", channels::test),
        new Route(Method.GET, "/maintenance", maintenance::list),
        new Route(Method.POST, "/maintenance", maintenance::create),
        new Route(Method.DELETE, "/maintenance/{name}", maintenance::delete),
        new Route(Method.GET, "/status-pages", statusPages::list),
        new Route(Method.POST, "/status-pages", statusPages::create),
        new Route(Method.GET, "/status-pages/{slug}", statusPages::get),
        new Route(Method.PUT, "/status-pages/{slug}", statusPages::update),
        new Route(Method.DELETE, "/status-pages/{slug}", statusPages::delete),
        new Route(Method.GET, "/tokens", tokens::list),
        new Route(Method.POST, "/tokens", tokens::create),
        new Route(Method.DELETE, "/tokens/{id}", tokens::revoke));
  }

  /** Adds every route, the body limit and the problem answers to a Javalin config. */
  public void install(JavalinConfig config) {
    for (Route r : routes()) {
      String path = PREFIX + r.path();
      var unused =
          switch (r.method()) {
            case GET -> config.routes.get(path, r.handler());
            case POST -> config.routes.post(path, r.handler());
            case PUT -> config.routes.put(path, r.handler());
            case DELETE -> config.routes.delete(path, r.handler());
          };
    }
    problemAnswers(config);
  }

  /**
   * Failures become problem answers under {@link #PREFIX}: a route's {@link ApiProblem}, Javalin's
   * own refusals (keeping their status), an account error, a bug (500, the log says why), and an
   * unknown route or method.
   */
  private static void problemAnswers(JavalinConfig config) {
    config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
    config.routes.exception(
        RuntimeException.class,
        (e, ctx) -> {
          if (e instanceof io.javalin.http.HttpResponseException h) {
            // Javalin's own answers (say, a body over its limit) keep their status.
            String why = java.util.Objects.requireNonNullElse(h.getMessage(), "refused");
            if (ctx.path().startsWith(PREFIX + "/")) {
              problem(ctx, new ApiProblem(h.getStatus(), "Request refused", why));
            } else {
              ctx.status(h.getStatus()).result(why + "\n");
            }
            return;
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          if (ctx.path().startsWith(PREFIX + "/")) {
            problem(
                ctx,
                new ApiProblem(
                    500, "Internal error", "the request failed inside Tickr; the log says why"));
          } else {
            ctx.status(500).result("internal error\n");
          }
        });
    config.routes.exception(
        AccountException.class,
        (e, ctx) ->
            problem(
                ctx,
                new ApiProblem(
                    switch (e.kind()) {
                      case INVALID -> 400;
                      case NOT_FOUND -> 404;
                      case CONFLICT -> 409;
                    },
                    "Cannot do that",
                    e.getMessage())));
    unknownRouteAnswers(config);
  }

  private static void unknownRouteAnswers(JavalinConfig config) {
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.path().startsWith(PREFIX + "/") && !isProblem(ctx)) {
            problem(ctx, ApiProblem.notFound("no such route: " + ctx.method() + " " + ctx.path()));
          }
        });
    config.routes.error(
        405,
        "*",
        ctx -> {
          if (ctx.path().startsWith(PREFIX + "/") && !isProblem(ctx)) {
            problem(
                ctx,
                new ApiProblem(
                    405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path()));
          }
        });
  }

  private synchronized String openApiText() {
    if (openApi == null) {
      openApi = OpenApiDocument.text(api.types());
    }
    return openApi;
  }

  private void openApi(Context ctx) {
    ctx.header("Cache-Control", "no-cache").contentType("application/json").result(openApiText());
  }
}

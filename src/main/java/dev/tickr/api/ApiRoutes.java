package dev.tickr.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.assertion.CheckResult;
import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.ApiToken;
import dev.tickr.auth.ApiTokens;
import dev.tickr.auth.Principal;
import dev.tickr.auth.Role;
import dev.tickr.check.Redaction;
import dev.tickr.cli.CheckReport;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.MonitorType;
import dev.tickr.config.Problem;
import dev.tickr.config.ServerSpec;
import dev.tickr.daemon.Daemon;
import dev.tickr.daemon.Trial;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.IncidentRow;
import dev.tickr.store.Pause;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.time.Durations;
import dev.tickr.web.Access;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v1}: JSON in and out, errors as RFC 9457 problem details naming
 * the field, unknown fields rejected, bodies limited to {@link #MAX_BODY} bytes. Who may call what
 * is decided before a route runs ({@link Access}); a route records who did what.
 */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  public static final String PREFIX = "/api/v1";

  /** The largest request body taken, in bytes; a bigger one gets 413. */
  public static final int MAX_BODY = 64 * 1024;

  public static final String PROBLEM_JSON = "application/problem+json";

  private static final int MAX_PAGE = 1000;
  private static final int DEFAULT_PAGE = 100;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One route: what the OpenAPI document must describe, and what answers it. */
  public record Route(Method method, String path, Handler handler) {}

  /** The HTTP methods the API uses. */
  public enum Method {
    GET,
    POST,
    PUT,
    DELETE
  }

  private final Daemon daemon;
  private final Store store;
  private final ApiMonitors api;
  private final @Nullable Accounts accounts;
  private final NotifierFactory notifiers;
  private final Clock clock;
  private final StatusPageRoutes statusPages;

  public ApiRoutes(
      Daemon daemon,
      Store store,
      ApiMonitors api,
      @Nullable Accounts accounts,
      NotifierFactory notifiers,
      Clock clock) {
    this.daemon = daemon;
    this.store = store;
    this.api = api;
    this.accounts = accounts;
    this.notifiers = notifiers;
    this.clock = clock;
    this.statusPages = new StatusPageRoutes(daemon, api.statusPages());
  }

  /** Every route, in the order the OpenAPI document lists them. */
  public List<Route> routes() {
    return List.of(
        new Route(Method.GET, "/openapi.json", this::openApi),
        new Route(Method.GET, "/monitors", this::listMonitors),
        new Route(Method.POST, "/monitors", this::createMonitor),
        new Route(Method.POST, "/monitors/test", this::testMonitor),
        new Route(Method.GET, "/monitors/{name}", this::getMonitor),
        new Route(Method.PUT, "/monitors/{name}", this::updateMonitor),
        new Route(Method.DELETE, "/monitors/{name}", this::deleteMonitor),
        new Route(Method.POST, "/monitors/{name}/pause", this::pause),
        new Route(Method.POST, "/monitors/{name}/resume", this::resume),
        new Route(Method.POST, "/monitors/{name}/check", this::checkNow),
        new Route(Method.GET, "/monitors/{name}/results", this::results),
        new Route(Method.GET, "/monitors/{name}/uptime", this::uptime),
        new Route(Method.GET, "/incidents", this::listIncidents),
        new Route(Method.GET, "/incidents/{id}", this::getIncident),
        new Route(Method.POST, "/incidents/{id}/acknowledge", this::acknowledge),
        new Route(Method.POST, "/incidents/{id}/notes", this::addNote),
        new Route(Method.GET, "/channels", this::listChannels),
        new Route(Method.POST, "/channels/{name}/test", this::testChannel),
        new Route(Method.GET, "/maintenance", this::listMaintenance),
        new Route(Method.POST, "/maintenance", this::createMaintenance),
        new Route(Method.DELETE, "/maintenance/{name}", this::deleteMaintenance),
        new Route(Method.GET, "/status-pages", statusPages::list),
        new Route(Method.POST, "/status-pages", statusPages::create),
        new Route(Method.GET, "/status-pages/{slug}", statusPages::get),
        new Route(Method.PUT, "/status-pages/{slug}", statusPages::update),
        new Route(Method.DELETE, "/status-pages/{slug}", statusPages::delete),
        new Route(Method.GET, "/tokens", this::listTokens),
        new Route(Method.POST, "/tokens", this::createToken),
        new Route(Method.DELETE, "/tokens/{id}", this::revokeToken));
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

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(PROBLEM_JSON);
  }

  static void problem(Context ctx, ApiProblem p) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.getMessage());
    if (!p.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (ApiProblem.FieldError e : p.errors()) {
        errors.addObject().put("pointer", e.pointer()).put("detail", e.message());
      }
    }
    ctx.status(p.status()).contentType(PROBLEM_JSON).result(body.toString());
  }

  // --- plumbing ---

  static void json(Context ctx, int status, JsonNode body) {
    ctx.status(status).header("Cache-Control", "no-store").json(body.toString());
    ctx.contentType("application/json");
  }

  /** The request body as a JSON object, within the size limit, duplicate keys refused. */
  static ObjectNode body(Context ctx) {
    String type = ctx.contentType();
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT);
      if (!t.startsWith("application/json") && !t.matches("application/[a-z0-9.+-]*\\+json.*")) {
        throw new ApiProblem(
            415, "Unsupported media type", "send JSON with Content-Type: application/json");
      }
    }
    long length = ctx.contentLength();
    if (length > MAX_BODY) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BODY) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      throw ApiProblem.badRequest("the request needs a JSON object as its body", "");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at =
          where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw ApiProblem.badRequest(
          "the body is not valid JSON" + at + ": " + e.getOriginalMessage(), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badRequest("the body must be a JSON object", "");
    }
    return (ObjectNode) node;
  }

  private static ApiProblem tooLarge() {
    return new ApiProblem(
        413, "Body too large", "a request body may be at most " + MAX_BODY / 1024 + " KiB");
  }

  /** Refuses fields not in {@code known}, naming each. */
  private static void onlyFields(ObjectNode body, Collection<String> known) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                errors.add(
                    new ApiProblem.FieldError(
                        "/" + f,
                        "unknown field \"" + f + "\"; known: " + String.join(", ", known)));
              }
            });
    if (!errors.isEmpty()) {
      throw new ApiProblem(400, "Invalid request", errors.get(0).message(), errors);
    }
  }

  static String by(Context ctx) {
    return Access.principal(ctx).map(Principal::label).orElse("anonymous");
  }

  private Config running() {
    return daemon.config();
  }

  // --- monitors ---

  private void openApi(Context ctx) {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document is missing from the jar");
      }
      ctx.header("Cache-Control", "no-cache")
          .contentType("application/json")
          .result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void listMonitors(Context ctx) {
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
    Views views = new Views(ctx, true);
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

  /** What the live state and the store say, read once per request. */
  private final class Views {
    private final Context ctx;
    private final Instant now = clock.instant();
    private final Map<String, MonitorStatus> statuses = daemon.tracker().snapshot();
    private final Map<String, ShownState> shown = daemon.tracker().shown(now);
    private @Nullable Map<String, Uptime> day;
    private @Nullable Map<String, Uptime> month;
    private final Map<String, String> pings = daemon.pingPaths();
    private final boolean mayWrite;

    private final boolean many;

    /**
     * @param many whether many monitors will be shown (their uptimes are read in one pass)
     */
    Views(Context ctx, boolean many) {
      this.ctx = ctx;
      this.many = many;
      this.mayWrite = Access.principal(ctx).map(Principal::mayWrite).orElse(false);
    }

    Views(Context ctx) {
      this(ctx, false);
    }

    ObjectNode monitor(MonitorSpec spec, Config config) {
      ObjectNode o;
      if (spec.source().equals(MonitorSpec.SOURCE_API)) {
        o =
            api.plain(spec.name())
                .map(SecretFields::mask)
                .orElseGet(() -> MonitorJson.of(spec, config.secretValues().values()));
        o.put("paused", spec.paused());
      } else {
        o = MonitorJson.of(spec, config.secretValues().values());
      }
      o.put("source", spec.source());
      MonitorStatus s = statuses.get(spec.name());
      ShownState shownState = shown.getOrDefault(spec.name(), ShownState.UNKNOWN);
      MonitorState state = shownState.state();
      Instant since = shownState.since();
      o.put("state", state.name());
      putTime(o, "since", since);
      putTime(o, "last_check", s == null ? null : s.lastCheck());
      Incident open = s == null ? null : s.incident();
      if (open == null) {
        o.putNull("incident");
      } else {
        o.putObject("incident")
            .put("id", open.id())
            .put("started_at", open.startedAt().toString())
            .put("reason", open.reason().code());
      }
      if (day == null && !many) {
        // One monitor: its own figures, not every monitor's.
        day = Map.of(spec.name(), store.uptime(spec.name(), now.minus(Duration.ofHours(24)), now));
        month = Map.of(spec.name(), store.uptime(spec.name(), now.minus(Duration.ofDays(30)), now));
      } else if (day == null) {
        day = store.uptimes(now.minus(Duration.ofHours(24)), now);
        month = store.uptimes(now.minus(Duration.ofDays(30)), now);
      }
      ObjectNode uptime = o.putObject("uptime");
      putRatio(uptime, "24h", day.getOrDefault(spec.name(), Uptime.NONE));
      putRatio(
          uptime,
          "30d",
          month == null ? Uptime.NONE : month.getOrDefault(spec.name(), Uptime.NONE));
      if (spec.type() == MonitorType.HEARTBEAT && mayWrite) {
        // The URL holds the heartbeat's token: whoever has it reports the job's runs.
        String path = pings.get(spec.name());
        String base = publicBase(config.server(), ctx);
        if (path == null) {
          o.putNull("ping_url");
        } else {
          o.put("ping_url", base + path);
        }
      }
      Optional<Pause> pause = api.pause(spec.name());
      pause.ifPresent(p -> o.put("paused_by", p.by()));
      api.stored(spec.name())
          .ifPresent(
              d ->
                  o.put("created_at", d.createdAt().toString())
                      .put("created_by", d.createdBy())
                      .put("updated_at", d.updatedAt().toString())
                      .put("updated_by", d.updatedBy()));
      return o;
    }
  }

  /** The server's public URL when configured, else how this request reached it. */
  static String publicBase(ServerSpec server, Context ctx) {
    String url =
        server.publicUrl() != null
            ? server.publicUrl().toString()
            : ctx.scheme() + "://" + ctx.host();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static void putTime(ObjectNode o, String field, @Nullable Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, t.toString());
    }
  }

  private static void putRatio(ObjectNode o, String field, Uptime u) {
    if (u.checks() == 0 || Double.isNaN(u.ratio())) {
      o.putNull(field);
    } else {
      o.put(field, u.ratio());
    }
  }

  private MonitorSpec monitorOr404(String name) {
    return running()
        .monitor(name)
        .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
  }

  private void getMonitor(Context ctx) {
    String name = ctx.pathParam("name");
    Optional<MonitorSpec> spec = running().monitor(name);
    if (spec.isPresent()) {
      json(ctx, 200, new Views(ctx).monitor(spec.get(), running()));
      return;
    }
    // Stored but not running: say why (a channel it names left the config file, say).
    ObjectNode stored =
        api.plain(name)
            .map(SecretFields::mask)
            .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
    stored.put("source", MonitorSpec.SOURCE_API).put("state", "INVALID");
    ArrayNode problems = stored.putArray("problems");
    for (Problem p : api.problems(name)) {
      problems.addObject().put("pointer", p.file()).put("detail", p.message());
    }
    json(ctx, 200, stored);
  }

  private void createMonitor(Context ctx) {
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
    ctx.header("Location", PREFIX + "/monitors/" + Html.urlPart(name));
    json(ctx, 201, new Views(ctx).monitor(monitorOr404(name), running()));
  }

  private ObjectNode checked(ObjectNode body, @Nullable ObjectNode before) {
    try {
      return api.check(body, daemon.fileConfig(), before);
    } catch (ConfigException e) {
      throw ApiProblem.invalid("monitor", e.problems());
    }
  }

  /**
   * Checks a monitor object like a create, probes it once and answers the full result; stores
   * nothing. With {@code ?name=} (an API monitor being edited), masked secrets take its stored
   * values, as an update would.
   */
  private void testMonitor(Context ctx) {
    ObjectNode body = body(ctx);
    String editing = ctx.queryParam("name");
    ObjectNode before = null;
    if (editing != null) {
      requireApiMonitor(editing);
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
    if (spec.type() == MonitorType.HEARTBEAT) {
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

  private void updateMonitor(Context ctx) {
    String name = ctx.pathParam("name");
    ObjectNode body = body(ctx);
    requireApiMonitor(name);
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
    json(ctx, 200, new Views(ctx).monitor(monitorOr404(name), running()));
  }

  private void requireApiMonitor(String name) {
    Optional<String> source = api.sourceOf(name, daemon.fileConfig());
    if (source.isEmpty()) {
      throw ApiProblem.notFound("no monitor named \"" + name + "\"");
    }
    if (source.get().equals(MonitorSpec.SOURCE_YAML)) {
      int line = daemon.fileConfig().monitor(name).map(MonitorSpec::line).orElse(0);
      throw ApiProblem.fromConfigFile("monitor \"" + name + "\"", line);
    }
  }

  private void deleteMonitor(Context ctx) {
    String name = ctx.pathParam("name");
    requireApiMonitor(name);
    synchronized (api) {
      if (!api.delete(name)) {
        throw ApiProblem.notFound("no monitor named \"" + name + "\"");
      }
    }
    daemon.refresh(); // outside the lock on api: a reload takes the daemon's lock, then api's
    LOG.info("monitor={} deleted through the API by={}", name, by(ctx));
    ctx.status(204);
  }

  private void pause(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(name);
    if (api.pause(name, by(ctx))) {
      daemon.refresh();
      LOG.info("monitor={} paused through the API by={}", name, by(ctx));
    }
    json(ctx, 200, new Views(ctx).monitor(monitorOr404(name), running()));
  }

  private void resume(Context ctx) {
    String name = ctx.pathParam("name");
    MonitorSpec spec = monitorOr404(name);
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
    json(ctx, 200, new Views(ctx).monitor(monitorOr404(name), running()));
  }

  private void checkNow(Context ctx) {
    String name = ctx.pathParam("name");
    MonitorSpec spec = monitorOr404(name);
    if (spec.type() == MonitorType.HEARTBEAT) {
      throw ApiProblem.conflict(
          "monitor \"" + name + "\" is a heartbeat: it is not probed, its job pings it");
    }
    CheckResult result =
        daemon
            .checkNow(name)
            .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
    Set<String> secrets = new HashSet<>(running().secretValues().values());
    if (spec.target() instanceof dev.tickr.config.Endpoint.Http http) {
      secrets.addAll(Redaction.secretsOf(http.target()));
    }
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

  private void results(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(name);
    Instant now = clock.instant();
    Instant to = instant(ctx, "to", now);
    Instant from = instant(ctx, "from", to.minus(Duration.ofHours(24)));
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from must be before to", "from");
    }
    int limit = integer(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    String cursor = ctx.queryParam("cursor");
    Instant before = cursor == null ? null : instant(ctx, "cursor", now);
    List<CheckRecord> page = store.results(name, from, to, limit, before);
    ArrayNode list = JSON.createArrayNode();
    for (CheckRecord r : page) {
      ObjectNode o = list.addObject();
      o.put("started_at", r.startedAt().toString());
      o.put("planned_at", r.plannedAt().toString());
      o.put("verdict", r.verdict().name());
      if (r.status() == null) {
        o.putNull("status");
      } else {
        o.put("status", r.status());
      }
      if (r.reason() == null) {
        o.putNull("reason");
      } else {
        o.put("reason", r.reason().code());
      }
      if (r.error() == null) {
        o.putNull("error");
      } else {
        o.put("error", r.error());
      }
      ObjectNode t = o.putObject("timings_ms");
      putMillis(t, "dns", r.dns());
      putMillis(t, "connect", r.connect());
      putMillis(t, "tls", r.tls());
      putMillis(t, "ttfb", r.ttfb());
      putMillis(t, "total", r.total());
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", name).put("from", from.toString()).put("to", to.toString());
    out.set("results", list);
    if (page.size() == limit) {
      out.put("next_cursor", page.get(page.size() - 1).startedAt().toString());
    } else {
      out.putNull("next_cursor");
    }
    json(ctx, 200, out);
  }

  private static void putMillis(ObjectNode o, String field, @Nullable Duration d) {
    if (d == null) {
      o.putNull(field);
    } else {
      o.put(field, d.toNanos() / 1_000_000.0);
    }
  }

  private void uptime(Context ctx) {
    String name = ctx.pathParam("name");
    monitorOr404(name);
    Instant now = clock.instant();
    Instant to;
    Instant from;
    String window = ctx.queryParam("window");
    if (window != null) {
      if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
        throw ApiProblem.badRequest("give window or from/to, not both", "window");
      }
      Duration d;
      try {
        d = Durations.parse(window);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw ApiProblem.badRequest("window: " + e.getMessage(), "window");
      }
      if (d.isZero() || d.isNegative()) {
        throw ApiProblem.badRequest("window must be longer than 0", "window");
      }
      to = now;
      from = now.minus(d);
    } else {
      to = instant(ctx, "to", now);
      from = instant(ctx, "from", to.minus(Duration.ofDays(30)));
    }
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from must be before to", "from");
    }
    Uptime u = store.uptime(name, from, to);
    ObjectNode out = JSON.createObjectNode();
    out.put("monitor", name).put("from", from.toString()).put("to", to.toString());
    out.put("checks", u.checks()).put("failed", u.failed()).put("degraded", u.degraded());
    putRatio(out, "uptime", u);
    putMillis(out, "p50_ms", u.p50());
    putMillis(out, "p95_ms", u.p95());
    putMillis(out, "p99_ms", u.p99());
    String slo = ctx.queryParam("slo");
    if (slo != null) {
      double target;
      try {
        target = Double.parseDouble(slo);
      } catch (NumberFormatException e) {
        throw ApiProblem.badRequest("slo must be a number such as 99.9", "slo");
      }
      if (!(target > 0 && target <= 100)) {
        throw ApiProblem.badRequest("slo must be a percentage above 0 and at most 100", "slo");
      }
      ObjectNode sla = out.putObject("sla");
      sla.put("target_percent", target);
      if (u.checks() == 0) {
        sla.putNull("met");
        sla.putNull("allowed_failures");
      } else {
        long allowed = (long) Math.floor(u.checks() * (1 - target / 100) + 1e-9);
        sla.put("met", u.ratio() * 100 + 1e-9 >= target);
        sla.put("allowed_failures", allowed);
        sla.put("failures_left", Math.max(0, allowed - u.failed()));
      }
    }
    json(ctx, 200, out);
  }

  private static Instant instant(Context ctx, String param, Instant otherwise) {
    String text = ctx.queryParam(param);
    if (text == null) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          param + " must be a UTC time such as 2026-11-24T10:00:00Z, got \"" + text + "\"", param);
    }
  }

  private static int integer(Context ctx, String param, int otherwise, int min, int max) {
    String text = ctx.queryParam(param);
    if (text == null) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ApiProblem.badRequest(
        param + " must be a whole number from " + min + " to " + max + ", got \"" + text + "\"",
        param);
  }

  // --- incidents ---

  private void listIncidents(Context ctx) {
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

  private void getIncident(Context ctx) {
    json(ctx, 200, incident(incidentOr404(ctx), true));
  }

  private void acknowledge(Context ctx) {
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

  private void addNote(Context ctx) {
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
    json(ctx, 201, note(note));
  }

  // --- channels ---

  private void listChannels(Context ctx) {
    Config config = running();
    Map<String, dev.tickr.alert.ChannelHealth> health = new java.util.HashMap<>();
    daemon.channelHealth().forEach(h -> health.put(h.channel(), h));
    ArrayNode list = JSON.createArrayNode();
    for (ChannelSpec c : config.channels()) {
      ObjectNode o = list.addObject();
      o.put("name", c.name()).put("type", c.type());
      var h = health.get(c.name());
      o.put("state", h != null && h.failures() > 0 ? "FAILING" : "OK");
      o.put("failures", h == null ? 0 : h.failures());
      o.put("pending", h == null ? 0 : h.pending());
      putTime(o, "last_success", h == null ? null : h.lastSuccess());
      putTime(o, "last_error_at", h == null ? null : h.lastError());
      String error = h == null ? null : h.lastErrorText();
      if (error == null) {
        o.putNull("last_error");
      } else {
        o.put("last_error", Redaction.scrub(error, config.secretValues().values()));
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("channels", list);
    json(ctx, 200, out);
  }

  private void testChannel(Context ctx) {
    String name = ctx.pathParam("name");
    Config config = running();
    ChannelSpec channel =
        config
            .channel(name)
            .orElseThrow(() -> ApiProblem.notFound("no channel named \"" + name + "\""));
    Notifier notifier = notifiers.create(List.of(channel)).get(name);
    if (notifier == null) {
      throw new ApiProblem(500, "Cannot send", "channel \"" + name + "\" has no sender");
    }
    Delivery delivery =
        notifier.send(Notifiers.test(name, clock.instant(), publicBase(config.server(), ctx)));
    String answer =
        Redaction.scrub(
            (delivery.httpStatus() == null ? "" : delivery.httpStatus() + " ") + delivery.answer(),
            config.secretValues().values());
    LOG.info("channel={} test sent by={} outcome={}", name, by(ctx), delivery.outcome());
    if (delivery.outcome() != Delivery.Outcome.SENT) {
      throw new ApiProblem(
          502,
          "Not sent",
          "channel \"" + name + "\" did not take the test notification: " + answer);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("channel", name).put("sent", true).put("answer", answer);
    json(ctx, 200, out);
  }

  // --- maintenance ---

  private void listMaintenance(Context ctx) {
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

  private void createMaintenance(Context ctx) {
    ObjectNode body = body(ctx);
    body.remove("source");
    MaintenanceWindow window;
    try {
      window = ApiMonitors.checkWindow(body, running());
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

  private void deleteMaintenance(Context ctx) {
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

  // --- tokens ---

  private ApiTokens tokens(Context ctx) {
    Principal p = Access.requirePrincipal(ctx);
    if (p.role() != Role.ADMIN) {
      throw new ApiProblem(403, "Forbidden", "only an admin may see or change API tokens");
    }
    if (accounts == null) {
      throw new ApiProblem(503, "Unavailable", "accounts are not set up");
    }
    return accounts.tokens();
  }

  private static ObjectNode token(ApiToken t) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", t.id()).put("name", t.name()).put("role", t.role().code());
    o.put("created_at", t.createdAt().toString()).put("created_by", t.createdBy());
    putTime(o, "last_used_at", t.lastUsedAt());
    putTime(o, "revoked_at", t.revokedAt());
    putTime(o, "expires_at", t.expiresAt());
    return o;
  }

  private void listTokens(Context ctx) {
    ArrayNode list = JSON.createArrayNode();
    tokens(ctx).list().forEach(t -> list.add(token(t)));
    ObjectNode out = JSON.createObjectNode();
    out.set("tokens", list);
    json(ctx, 200, out);
  }

  private void createToken(Context ctx) {
    ApiTokens tokens = tokens(ctx);
    ObjectNode body = body(ctx);
    onlyFields(body, List.of("name", "role", "expires_in"));
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || name.textValue().isBlank()) {
      throw ApiProblem.badRequest("name must be a non-empty string", "/name");
    }
    JsonNode roleNode = body.get("role");
    Role role =
        roleNode == null
            ? Role.VIEWER
            : Role.of(roleNode.asText())
                .filter(r -> roleNode.isTextual())
                .orElseThrow(
                    () -> ApiProblem.badRequest("role must be \"admin\" or \"viewer\"", "/role"));
    Duration lifetime = lifetime(body.get("expires_in"));
    var made = tokens.create(name.textValue(), role, by(ctx), lifetime);
    LOG.info(
        "token={} ({}) created through the API by={}", made.token().name(), role.code(), by(ctx));
    ObjectNode out = token(made.token());
    out.put("token", made.secret());
    ctx.header("Location", PREFIX + "/tokens/" + made.token().id());
    json(ctx, 201, out);
  }

  /**
   * {@code expires_in}: a duration such as {@code "30d"}; null or absent for a token that lasts.
   */
  private static @Nullable Duration lifetime(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiProblem.badRequest(
          "expires_in must be a duration such as \"30d\" or \"12h\"", "/expires_in");
    }
    Duration lifetime;
    try {
      lifetime = Durations.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("expires_in: " + e.getMessage(), "/expires_in");
    }
    try {
      ApiTokens.checkLifetime(lifetime);
    } catch (AccountException e) {
      throw ApiProblem.badRequest("expires_in: " + e.getMessage(), "/expires_in");
    }
    return lifetime;
  }

  private void revokeToken(Context ctx) {
    ApiTokens tokens = tokens(ctx);
    String id = ctx.pathParam("id");
    ApiToken revoked =
        tokens.revoke(id).orElseThrow(() -> ApiProblem.notFound("no live token " + id));
    LOG.info("token={} revoked through the API by={}", revoked.name(), by(ctx));
    ctx.status(204);
  }
}

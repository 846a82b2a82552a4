package dev.tickr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tickr.Tickr;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.Judge;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.SecretBox;
import dev.tickr.cli.CliRunner;
import dev.tickr.cli.Main;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.daemon.Daemon;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.schedule.Stalls;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.testing.Browser;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at {@code /api/v1/openapi.json} ({@code src/main/resources/api/
 * openapi.json}): a valid OpenAPI 3.1 document that describes exactly the routes {@link
 * ApiRoutes#routes()} serves, each with its path parameters, its success and its problem answers.
 * And the real daemon serves it, and answers as it says.
 */
class OpenApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @TempDir Path dir;

  /** The document for the built-in monitor types, as the daemon serves it. */
  static String documentText() {
    return OpenApiDocument.text(BuiltInTypes.types());
  }

  static JsonNode document() {
    try {
      return JSON.readTree(documentText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows a local {@code $ref} ({@code #/components/...}) once, if there is one. */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : document.at(ref.asText().substring(1));
  }

  /** The operation for a method and a path relative to {@code /api/v1}, or a missing node. */
  static JsonNode operation(JsonNode document, String method, String path) {
    return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
  }

  /**
   * A JSON Schema (2020-12) that checks one schema of the document: its {@code $ref}s to {@code
   * #/components/schemas/...} resolve in a copy of the document's components.
   */
  static Schema schema(JsonNode document, JsonNode schema) {
    ObjectNode root = schema.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", document.get("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
  }

  /** What is wrong with {@code instance} by the schema, one line each; empty when it fits. */
  static List<String> violations(JsonNode document, JsonNode schema, JsonNode instance) {
    return schema(document, schema)
        .validate(instance, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
        .stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }

  /** Routes as "METHOD /path", sorted, for readable differences. */
  private static Set<String> documented(JsonNode document) {
    Set<String> out = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (METHODS.contains(m)) {
                            out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                          }
                        }));
    return out;
  }

  /** The routes the API serves, from a real {@link ApiRoutes} on an empty store. */
  private List<ApiRoutes.Route> routes() {
    return withApi((api, monitors) -> api.routes());
  }

  /** Runs {@code use} on an {@link ApiRoutes} wired as {@code tickr run} does, never started. */
  private <T> T withApi(ApiUse<T> use) {
    Clock clock = Clock.systemUTC();
    try (Store store = SqliteStore.open(dir.resolve("data"), Retention.defaults(), clock)) {
      Daemon daemon =
          new Daemon(
              Config.EMPTY,
              null,
              BuiltInTypes.loader(Map.of()),
              store,
              new Tickr(Map.of(), clock, Ticker.system()).types(),
              new Tickr(Map.of(), clock, Ticker.system()).connectivityGuard(),
              new Judge(clock),
              clock,
              Ticker.system(),
              Waiter.system(),
              Stalls.NONE,
              r -> {},
              NotifierFactory.none(),
              Waiter.system(),
              dev.tickr.auth.SecretBox.of(new byte[32]));
      ApiMonitors monitors =
          new ApiMonitors(BuiltInTypes.types(), store, SecretBox.of(new byte[32]), clock);
      ApiRoutes api =
          new ApiRoutes(
              daemon, store, monitors, new Accounts(store, clock), NotifierFactory.none(), clock);
      return use.apply(api, monitors);
    }
  }

  @FunctionalInterface
  private interface ApiUse<T> {
    T apply(ApiRoutes api, ApiMonitors monitors);
  }

  @Test
  void is_a_valid_openapi_3_1_document() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(documentText(), null, options);
    assertThat(parsed.getMessages()).as("what the OpenAPI parser says").isEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(document().at("/servers/0/url").asText()).isEqualTo(ApiRoutes.PREFIX);
  }

  /**
   * The OpenAPI parser checks 3.1 documents loosely (references, not schema keywords), so each
   * schema is also held to JSON Schema 2020-12's meta-schema: a misspelt type fails here.
   */
  @Test
  void every_schema_in_it_is_valid_json_schema_2020_12() {
    JsonNode document = document();
    Schema meta =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> schemas = new TreeMap<>();
    document
        .path("components")
        .path("schemas")
        .properties()
        .forEach(e -> schemas.put("#/components/schemas/" + e.getKey(), e.getValue()));
    collectSchemas(document.path("paths"), "#/paths", schemas);
    collectSchemas(
        document.path("components").path("parameters"), "#/components/parameters", schemas);
    collectSchemas(
        document.path("components").path("responses"), "#/components/responses", schemas);
    schemas.forEach(
        (where, schema) ->
            meta.validate(schema)
                .forEach(
                    e -> problems.add(where + e.getInstanceLocation() + ": " + e.getMessage())));
    assertThat(schemas).hasSizeGreaterThan(60);
    assertThat(problems).isEmpty();
  }

  /** Every value of a {@code schema} key under {@code node}, by where it is. */
  private static void collectSchemas(JsonNode node, String at, Map<String, JsonNode> out) {
    node.properties()
        .forEach(
            e -> {
              String where = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
              if (e.getKey().equals("schema") && e.getValue().isObject()) {
                out.put(where, e.getValue());
              } else if (e.getValue().isContainerNode()) {
                collectSchemas(e.getValue(), where, out);
              }
            });
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectSchemas(node.get(i), at + "/" + i, out);
      }
    }
  }

  @Test
  void describes_exactly_the_routes_the_api_serves() {
    Set<String> served = new TreeSet<>();
    routes().forEach(r -> served.add(r.method() + " " + r.path()));
    Set<String> described = documented(document());

    Set<String> missing = new TreeSet<>(served);
    missing.removeAll(described);
    Set<String> extra = new TreeSet<>(described);
    extra.removeAll(served);
    assertThat(missing).as("routes ApiRoutes serves that openapi.json does not describe").isEmpty();
    assertThat(extra).as("operations in openapi.json that ApiRoutes does not serve").isEmpty();
  }

  @Test
  void declares_each_path_parameter_of_each_route_and_no_other() {
    JsonNode document = document();
    List<String> problems = new ArrayList<>();
    for (ApiRoutes.Route r : routes()) {
      Set<String> inPath = new TreeSet<>();
      Matcher m = PATH_PARAMETER.matcher(r.path());
      while (m.find()) {
        inPath.add(m.group(1));
      }
      Set<String> declared = new TreeSet<>();
      List<JsonNode> parameters = new ArrayList<>();
      document.path("paths").path(r.path()).path("parameters").forEach(parameters::add);
      operation(document, r.method().name(), r.path()).path("parameters").forEach(parameters::add);
      for (JsonNode p : parameters) {
        JsonNode parameter = resolve(document, p);
        if (parameter.path("in").asText().equals("path")) {
          declared.add(parameter.path("name").asText());
          if (!parameter.path("required").asBoolean()) {
            problems.add(
                r.method() + " " + r.path() + ": {" + parameter.path("name") + "} is required");
          }
          if (!parameter.path("schema").isObject()) {
            problems.add(
                r.method() + " " + r.path() + ": {" + parameter.path("name") + "} has no schema");
          }
        }
      }
      if (!declared.equals(inPath)) {
        problems.add(r.method() + " " + r.path() + ": path " + inPath + ", declared " + declared);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void every_operation_has_an_id_a_summary_a_tag_its_success_and_problem_answers() {
    JsonNode document = document();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (ApiRoutes.Route r : routes()) {
      String at = r.method() + " " + r.path();
      JsonNode op = operation(document, r.method().name(), r.path());
      String id = op.path("operationId").asText();
      if (id.isEmpty() || !ids.add(id)) {
        problems.add(at + ": no operationId, or one used twice: \"" + id + "\"");
      }
      if (op.path("summary").asText().isBlank() || op.path("tags").isEmpty()) {
        problems.add(at + ": needs a summary and a tag");
      }
      JsonNode responses = op.path("responses");
      boolean success = false;
      for (var e : responses.properties()) {
        int status = Integer.parseInt(e.getKey());
        JsonNode answer = resolve(document, e.getValue());
        if (status < 300) {
          success = true;
          JsonNode content = answer.path("content");
          if (status != 204 && !content.has("application/json")) {
            problems.add(at + ": " + status + " has no application/json content");
          }
        } else if (!answer
            .at("/content/application~1problem+json/schema/$ref")
            .asText()
            .equals("#/components/schemas/Problem")) {
          problems.add(at + ": " + status + " is not an application/problem+json Problem");
        }
      }
      if (!success) {
        problems.add(at + ": no success answer");
      }
      if (!responses.has("401")) {
        problems.add(at + ": no 401 answer");
      }
      if (r.method() != ApiRoutes.Method.GET && !responses.has("403")) {
        problems.add(at + ": a write without a 403 answer (viewers may only read)");
      }
      if (r.path().startsWith("/tokens") && !responses.has("403")) {
        problems.add(at + ": the tokens routes are for admins, so 403 for a viewer");
      }
      if (op.has("requestBody")) {
        for (String status : List.of("400", "413", "415")) {
          if (!responses.has(status)) {
            problems.add(at + ": takes a body but has no " + status + " answer");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void the_monitor_example_fits_the_schema_and_the_api_takes_it() {
    JsonNode document = document();
    JsonNode schema =
        operation(document, "POST", "/monitors")
            .at("/requestBody/content/application~1json/schema");
    JsonNode example = document.at("/components/schemas/MonitorInput/examples/0");
    assertThat(example.isObject()).isTrue();
    assertThat(violations(document, schema, example)).isEmpty();
    assertThatCode(
            () ->
                withApi(
                    (api, monitors) -> {
                      try {
                        return monitors.check((ObjectNode) example, Config.EMPTY, null);
                      } catch (ConfigException e) {
                        throw new AssertionError(e.problems().toString(), e);
                      }
                    }))
        .doesNotThrowAnyException();
  }

  @Test
  void the_request_schemas_reject_what_the_api_rejects() {
    JsonNode document = document();
    Function<String, JsonNode> body =
        path ->
            operation(document, "POST", path).at("/requestBody/content/application~1json/schema");
    assertThat(violations(document, body.apply("/monitors"), json("{\"url\":\"https://x\"}")))
        .as("no name")
        .isNotEmpty();
    assertThat(
            violations(
                document,
                body.apply("/monitors"),
                json("{\"name\":\"a\",\"url\":\"https://x\",\"colour\":1}")))
        .as("an unknown field")
        .isNotEmpty();
    assertThat(
            violations(
                document,
                body.apply("/monitors"),
                json(
                    "{\"name\":\"a\",\"url\":\"https://x\",\"state\":\"UP\",\"secrets\":{\"K\":\"v\"}}")))
        .as("read-only fields are ignored, secrets are settings")
        .isEmpty();
    assertThat(
            violations(
                document, body.apply("/tokens"), json("{\"name\":\"ci\",\"role\":\"root\"}")))
        .isNotEmpty();
  }

  private static final Pattern EXAMPLE =
      Pattern.compile(
          "```json(?: (\\d{3}))? (GET|POST|PUT|DELETE) (\\S+)\\n(.*?)```", Pattern.DOTALL);

  /**
   * Every {@code json} block of docs/api.md names what it shows: {@code ```json POST /monitors} a
   * request body, {@code ```json 201 POST /monitors} an answer. Each fits the document's schema for
   * it, and each monitor to create is taken by the API's own reader, so the guide cannot go stale.
   */
  @Test
  void every_json_example_in_the_api_guide_fits_the_document() throws IOException {
    String guide =
        Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("docs/api.md"));
    JsonNode document = document();
    List<String> problems = new ArrayList<>();
    Matcher m = EXAMPLE.matcher(guide);
    int examples = 0;
    while (m.find()) {
      examples++;
      String what = (m.group(1) == null ? "" : m.group(1) + " ") + m.group(2) + " " + m.group(3);
      JsonNode op = operation(document, m.group(2), m.group(3));
      JsonNode schema =
          m.group(1) == null
              ? op.at("/requestBody/content/application~1json/schema")
              : resolve(document, op.path("responses").path(m.group(1)))
                  .path("content")
                  .elements()
                  .next()
                  .path("schema");
      JsonNode example = json(m.group(4));
      violations(document, schema, example).forEach(v -> problems.add(what + ": " + v));
      if (m.group(1) == null && what.equals("POST /monitors")) {
        withApi(
            (api, monitors) -> {
              try {
                return monitors.check((ObjectNode) example, Config.EMPTY, null);
              } catch (ConfigException e) {
                problems.add(what + ": the API rejects it: " + e.problems());
                return example;
              }
            });
      }
    }
    assertThat(guide.split("```json", -1))
        .as("every json block names its operation")
        .hasSize(examples + 1);
    assertThat(examples).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }

  // --- the real daemon ---

  private static final String API_HEARTBEAT =
      """
      {"name": "backup", "type": "heartbeat", "period": "1d", "token": "${T}",
       "secrets": {"T": "abcdefghijklmnopqrstuvwxyz-0123"}}""";

  /**
   * {@code tickr run} in-process with monitors from the file and the API: the document it serves is
   * this one, and each answer (successes and problems) has a status the document declares for the
   * operation, its media type, and a body that fits the declared schema.
   */
  @Test
  @Timeout(180) // every operation against a live daemon: over a minute on a busy two-core box
  void the_running_daemon_serves_this_document_and_answers_as_it_says() throws Exception {
    try (TestHttpServer target =
        TestHttpServer.plain()
            .json("/health", 200, "{\"ok\":true}")
            .json("/broken", 500, "{\"error\":\"down for the test\"}")
            .json("/hook", 200, "{}")
            .json("/offers", 200, "[]")) {
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              monitors:
                - name: shop
                  url: %s
                  interval: 2s
                  timeout: 2s
                  tags: [shop]
                - name: broken
                  url: %s
                  interval: 1s
                  failure-threshold: 1
                  alerts: [hook]
                - name: nightly
                  type: heartbeat
                  period: 1h
              channels:
                - name: hook
                  type: webhook
                  url: %s
              maintenance:
                - name: sundays
                  every: sunday
                  from: "02:00"
                  duration: 1h
              status-pages:
                - {slug: public, monitors: [shop]}
              """
                  .formatted(target.url("/health"), target.url("/broken"), target.url("/hook")));
      Path data = dir.resolve("live");
      try (RunningDaemon running = new CliRunner().start(config, data);
          Browser browser = new Browser(running.port())) {
        Live api = new Live(browser, document(), token(data, "admin"), token(data, "viewer"));
        api.exercise(target);
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }

  private static String token(Path data, String role) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new Tickr(Map.of(), Clock.systemUTC(), Ticker.system()),
            Ticker.system(),
            new PrintWriter(out),
            new PrintWriter(err),
            "token",
            "create",
            "--name",
            "openapi-" + role,
            "--role",
            role,
            "--data",
            data.toString());
    assertThat(code).as(err.toString()).isZero();
    return out.toString().strip();
  }

  private interface Probe {
    boolean done() throws Exception;
  }

  private static void eventually(Probe probe, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (probe.done()) {
          return;
        }
      } catch (Exception notYet) {
        // again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Requests to the running API, each answer held to the document. */
  private record Live(Browser browser, JsonNode document, String admin, String viewer) {

    void exercise(TestHttpServer target) throws Exception {
      HttpResponse<String> served = call("GET", "/openapi.json", "/openapi.json", null, 200);
      assertThat(json(served.body())).isEqualTo(document);
      HttpResponse<String> anonymous = browser.get(ApiRoutes.PREFIX + "/monitors/shop");
      holds("GET", "/monitors/{name}", anonymous, 401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

      // monitors
      HttpResponse<String> created =
          call("POST", "/monitors", "/monitors", offersMonitor(target), 201);
      assertThat(created.headers().firstValue("Location")).contains("/api/v1/monitors/offers");
      JsonNode offers = json(created.body());
      assertThat(offers.at("/secrets/KEY").asText()).isEqualTo("***");
      assertThat(offers.at("/headers/X-Api-Key").asText()).isEqualTo("${KEY}");
      assertThat(offers.path("source").asText()).isEqualTo("api");
      JsonNode backup = json(call("POST", "/monitors", "/monitors", API_HEARTBEAT, 201).body());
      assertThat(backup.path("token").asText()).isEqualTo("***");
      assertThat(backup.path("ping_url").asText()).contains("/ping/");
      call("POST", "/monitors", "/monitors", API_HEARTBEAT, 409);
      HttpResponse<String> invalid =
          call(
              "POST",
              "/monitors",
              "/monitors",
              "{\"name\":\"x\",\"interval\":\"500ms\",\"colour\":1}",
              400);
      assertThat(json(invalid.body()).path("errors").findValuesAsText("pointer"))
          .contains("/interval", "/colour");
      call("POST", "/monitors", "/monitors", "{\"name\":", 400);
      holds(
          "POST",
          "/monitors",
          browser.send("POST", ApiRoutes.PREFIX + "/monitors", "name: x", "text/yaml", auth(admin)),
          415);
      holds(
          "POST",
          "/monitors",
          browser.post(
              ApiRoutes.PREFIX + "/monitors",
              "{\"name\":\"big\",\"body\":\"" + "x".repeat(70 * 1024) + "\"}",
              auth(admin)),
          413);
      holds(
          "POST",
          "/monitors",
          browser.post(ApiRoutes.PREFIX + "/monitors", API_HEARTBEAT, auth(viewer)),
          403);

      JsonNode tried =
          json(call("POST", "/monitors/test", "/monitors/test", offersMonitor(target), 200).body());
      assertThat(tried.path("verdict").asText()).isEqualTo("OK");
      call("POST", "/monitors/test", "/monitors/test?name=offers", offers.toString(), 200);
      call("POST", "/monitors/test", "/monitors/test?name=nope", offers.toString(), 404);
      call("POST", "/monitors/test", "/monitors/test", API_HEARTBEAT, 409);
      call("POST", "/monitors/test", "/monitors/test", "{\"name\":\"x\",\"colour\":1}", 400);

      JsonNode list = json(call("GET", "/monitors", "/monitors", null, 200).body());
      assertThat(list.path("monitors").findValuesAsText("name"))
          .containsExactly("shop", "broken", "nightly", "offers", "backup");
      call("GET", "/monitors", "/monitors?state=sideways", null, 400);
      call("GET", "/monitors", "/monitors?tag=shop&state=up&source=yaml&q=SH", null, 200);
      call("GET", "/monitors/{name}", "/monitors/shop", null, 200);
      call("GET", "/monitors/{name}", "/monitors/nightly", null, 200);
      call("GET", "/monitors/{name}", "/monitors/nope", null, 404);
      call("PUT", "/monitors/{name}", "/monitors/shop", "{\"url\":\"https://x\"}", 409);
      call("PUT", "/monitors/{name}", "/monitors/offers", offers.toString(), 200);
      call("DELETE", "/monitors/{name}", "/monitors/shop", null, 409);
      JsonNode paused =
          json(call("POST", "/monitors/{name}/pause", "/monitors/shop/pause", null, 200).body());
      assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
      assertThat(paused.has("paused_by")).isTrue();
      call("POST", "/monitors/{name}/resume", "/monitors/shop/resume", null, 200);
      call("POST", "/monitors/{name}/check", "/monitors/nightly/check", null, 409);
      JsonNode checked =
          json(call("POST", "/monitors/{name}/check", "/monitors/offers/check", null, 200).body());
      assertThat(checked.path("success").asBoolean()).isTrue();
      assertThat(target.requests())
          .as("the PUT that sent *** back kept the stored secret")
          .anySatisfy(
              r -> {
                assertThat(r.target()).isEqualTo("/offers");
                assertThat(r.headers().get("X-Api-Key")).containsExactly("k-4711-secret");
              });
      assertThat(checked.toString()).doesNotContain("k-4711-secret");
      eventually(
          () ->
              json(call(
                          "GET",
                          "/monitors/{name}/results",
                          "/monitors/shop/results?limit=1",
                          null,
                          200)
                      .body())
                  .path("next_cursor")
                  .isTextual(),
          "a result of shop");
      call("GET", "/monitors/{name}/results", "/monitors/shop/results?limit=0", null, 400);
      call("GET", "/monitors/{name}/uptime", "/monitors/shop/uptime?window=1h&slo=99.9", null, 200);
      call("GET", "/monitors/{name}/uptime", "/monitors/nightly/uptime?slo=99.9", null, 200);
      call("GET", "/monitors/{name}/uptime", "/monitors/shop/uptime?slo=101", null, 400);
      call("DELETE", "/monitors/{name}", "/monitors/backup", null, 204);

      // incidents
      eventually(
          () ->
              !json(call("GET", "/incidents", "/incidents?open=true&monitor=broken", null, 200)
                      .body())
                  .path("incidents")
                  .isEmpty(),
          "the incident of broken");
      call("GET", "/incidents", "/incidents?open=maybe", null, 400);
      String id =
          json(call("GET", "/incidents", "/incidents?monitor=broken", null, 200).body())
              .at("/incidents/0/id")
              .asText();
      call("GET", "/incidents/{id}", "/incidents/" + id, null, 200);
      call("GET", "/incidents/{id}", "/incidents/999999", null, 404);
      call(
          "POST",
          "/incidents/{id}/notes",
          "/incidents/" + id + "/notes",
          "{\"text\":\"on it\",\"public\":true}",
          201);
      call("POST", "/incidents/{id}/notes", "/incidents/" + id + "/notes", "{\"text\":\" \"}", 400);
      call("POST", "/incidents/{id}/acknowledge", "/incidents/" + id + "/acknowledge", null, 200);

      // channels, maintenance, tokens
      call("GET", "/channels", "/channels", null, 200);
      call("POST", "/channels/{name}/test", "/channels/hook/test", null, 200);
      call("POST", "/channels/{name}/test", "/channels/nope/test", null, 404);
      call(
          "POST",
          "/maintenance",
          "/maintenance",
          "{\"name\":\"upgrade\",\"monitors\":[\"offers\"],\"start\":\"2030-01-01T02:00:00Z\",\"duration\":\"2h\"}",
          201);
      call(
          "POST",
          "/maintenance",
          "/maintenance",
          "{\"name\":\"sundays\",\"every\":\"day\",\"from\":\"03:00\",\"duration\":\"1h\"}",
          409);
      call("GET", "/maintenance", "/maintenance", null, 200);
      call("DELETE", "/maintenance/{name}", "/maintenance/upgrade", null, 204);
      call("DELETE", "/maintenance/{name}", "/maintenance/sundays", null, 409);
      String page =
          "{\"slug\":\"shop-status\",\"monitors\":[\"shop\",\"offers\"],"
              + "\"groups\":[{\"name\":\"Shop\",\"monitors\":[\"shop\"]}]}";
      JsonNode made = json(call("POST", "/status-pages", "/status-pages", page, 201).body());
      assertThat(made.path("url").asText()).endsWith("/status/shop-status");
      call("POST", "/status-pages", "/status-pages", page, 409);
      call("POST", "/status-pages", "/status-pages", "{\"slug\":\"public\"}", 409);
      call("POST", "/status-pages", "/status-pages", "{\"slug\":\"Bad Slug\",\"title\":5}", 400);
      holds(
          "POST",
          "/status-pages",
          browser.post(ApiRoutes.PREFIX + "/status-pages", page, auth(viewer)),
          403);
      call("GET", "/status-pages", "/status-pages", null, 200);
      call("GET", "/status-pages/{slug}", "/status-pages/shop-status", null, 200);
      call("GET", "/status-pages/{slug}", "/status-pages/public", null, 200);
      call("GET", "/status-pages/{slug}", "/status-pages/nope", null, 404);
      call(
          "PUT",
          "/status-pages/{slug}",
          "/status-pages/shop-status",
          ((ObjectNode) made.deepCopy()).put("title", "Shop").toString(),
          200);
      call("PUT", "/status-pages/{slug}", "/status-pages/public", "{\"title\":\"x\"}", 409);
      call("PUT", "/status-pages/{slug}", "/status-pages/nope", "{\"title\":\"x\"}", 404);
      call("DELETE", "/status-pages/{slug}", "/status-pages/public", null, 409);
      call("DELETE", "/status-pages/{slug}", "/status-pages/shop-status", null, 204);
      call("DELETE", "/status-pages/{slug}", "/status-pages/shop-status", null, 404);

      call("GET", "/tokens", "/tokens", null, 200);
      holds("GET", "/tokens", browser.get(ApiRoutes.PREFIX + "/tokens", auth(viewer)), 403);
      JsonNode token = json(call("POST", "/tokens", "/tokens", "{\"name\":\"ci\"}", 201).body());
      call("POST", "/tokens", "/tokens", "{\"name\":\"ci\"}", 409);
      call("DELETE", "/tokens/{id}", "/tokens/" + token.path("id").asText(), null, 204);
      call("DELETE", "/tokens/{id}", "/tokens/" + token.path("id").asText(), null, 404);
    }

    private static String offersMonitor(TestHttpServer target) {
      return """
      {"name": "offers", "url": "%s", "interval": "1m",
       "headers": {"X-Api-Key": "${KEY}", "Accept": "application/json"},
       "conditions": ["[STATUS] == 200"], "tags": ["api"], "secrets": {"KEY": "k-4711-secret"}}"""
          .formatted(target.url("/offers"));
    }

    private static String[] auth(String token) {
      return new String[] {"Authorization", "Bearer " + token};
    }

    /** Sends a request as the admin and holds the answer to the document. */
    HttpResponse<String> call(
        String method, String operation, String path, @Nullable String body, int status)
        throws Exception {
      HttpResponse<String> answer =
          browser.send(
              method,
              ApiRoutes.PREFIX + path,
              body,
              body == null ? null : "application/json",
              auth(admin));
      return holds(method, operation, answer, status);
    }

    /** Asserts the status, and that the document declares it and the answer fits its schema. */
    HttpResponse<String> holds(
        String method, String path, HttpResponse<String> answer, int status) {
      String at = method + " " + path + " -> " + answer.statusCode() + " " + answer.body();
      assertThat(answer.statusCode()).as(at).isEqualTo(status);
      JsonNode declared =
          operation(document, method, path).path("responses").path(Integer.toString(status));
      assertThat(declared.isMissingNode())
          .as(at + ": status not declared in the document")
          .isFalse();
      JsonNode content = resolve(document, declared).path("content");
      if (content.isEmpty()) {
        assertThat(answer.body()).as(at).isEmpty();
        return answer;
      }
      String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
      assertThat(content.has(type)).as(at + ": media type " + type + " not declared").isTrue();
      assertThat(violations(document, content.path(type).path("schema"), json(answer.body())))
          .as(at)
          .isEmpty();
      return answer;
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

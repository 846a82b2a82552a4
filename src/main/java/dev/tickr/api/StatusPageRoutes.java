package dev.tickr.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiStatusPages;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.web.ApiProblem;
import dev.tickr.web.Html;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/status-pages}: the public status pages of the file (read-only here) and of the API
 * (created, replaced, deleted). A page is the YAML object ({@code slug}, {@code title}, {@code
 * monitors}, {@code groups}), checked by the same reader, plus read-only {@code source}, {@code
 * url}, who made and changed it, and {@code problems} when a monitor it names is gone. A change is
 * on the public page at once: the daemon's config changes, and the page's cache goes with it.
 */
final class StatusPageRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPageRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaemonControl daemon;
  private final ApiStatusPages pages;
  private final @Nullable SubscriptionStore subscriptions;

  StatusPageRoutes(
      DaemonControl daemon, ApiStatusPages pages, @Nullable SubscriptionStore subscriptions) {
    this.daemon = daemon;
    this.pages = pages;
    this.subscriptions = subscriptions;
  }

  void list(Context ctx) {
    Config file = daemon.fileConfig();
    ArrayNode list = JSON.createArrayNode();
    for (StatusPageSpec p : file.statusPages()) {
      list.add(yaml(p, ctx));
    }
    pages
        .documents()
        .forEach(
            (slug, document) -> {
              if (file.statusPage(slug).isEmpty()) {
                list.add(api(slug, document, ctx));
              }
            });
    ObjectNode out = JSON.createObjectNode();
    out.set("status_pages", list);
    ApiHttp.json(ctx, 200, out);
  }

  void get(Context ctx) {
    String slug = ctx.pathParam("slug");
    Optional<StatusPageSpec> inFile = daemon.fileConfig().statusPage(slug);
    if (inFile.isPresent()) {
      ApiHttp.json(ctx, 200, yaml(inFile.get(), ctx));
      return;
    }
    ObjectNode document = pages.document(slug).orElseThrow(() -> notFound(slug));
    ApiHttp.json(ctx, 200, api(slug, document, ctx));
  }

  void create(Context ctx) {
    ObjectNode body = ApiHttp.body(ctx);
    ApiStatusPages.Checked checked = checked(body);
    String slug = checked.page().slug();
    synchronized (pages) {
      Optional<String> existing = pages.sourceOf(slug, daemon.fileConfig());
      if (existing.isPresent() || !pages.create(slug, checked.document(), ApiHttp.by(ctx))) {
        throw ApiProblem.conflict(
            "a status page with slug \""
                + slug
                + "\" exists already"
                + (existing.orElse("").equals(MonitorSpec.SOURCE_YAML)
                    ? " in the config file"
                    : ""));
      }
    }
    daemon.refresh();
    LOG.info("statusPage={} created through the API by={}", slug, ApiHttp.by(ctx));
    ctx.header("Location", ApiRoutes.PREFIX + "/status-pages/" + Html.urlPart(slug));
    ApiHttp.json(ctx, 201, api(slug, checked.document(), ctx));
  }

  void update(Context ctx) {
    String slug = ctx.pathParam("slug");
    ObjectNode body = ApiHttp.body(ctx);
    requireApiPage(slug);
    JsonNode given = body.get("slug");
    if (given == null) {
      body.put("slug", slug);
    } else if (!given.isTextual() || !given.textValue().equals(slug)) {
      throw ApiProblem.badRequest(
          "\"slug\" must be \""
              + slug
              + "\" (a status page cannot be renamed: its URL is public; create a new one)",
          "/slug");
    }
    ApiStatusPages.Checked checked = checked(body);
    if (!pages.update(slug, checked.document(), ApiHttp.by(ctx))) {
      throw notFound(slug);
    }
    daemon.refresh();
    LOG.info("statusPage={} updated through the API by={}", slug, ApiHttp.by(ctx));
    ApiHttp.json(ctx, 200, api(slug, checked.document(), ctx));
  }

  void delete(Context ctx) {
    String slug = ctx.pathParam("slug");
    requireApiPage(slug);
    if (!pages.delete(slug)) {
      throw notFound(slug);
    }
    daemon.refresh();
    LOG.info("statusPage={} deleted through the API by={}", slug, ApiHttp.by(ctx));
    ctx.status(204);
  }

  private ApiStatusPages.Checked checked(ObjectNode body) {
    try {
      return ApiStatusPages.check(body, daemon.config());
    } catch (ConfigException e) {
      throw ApiProblem.invalid("status page", e.problems());
    }
  }

  private void requireApiPage(String slug) {
    Optional<String> source = pages.sourceOf(slug, daemon.fileConfig());
    if (source.isEmpty()) {
      throw notFound(slug);
    }
    if (source.get().equals(MonitorSpec.SOURCE_YAML)) {
      int line = daemon.fileConfig().statusPage(slug).map(StatusPageSpec::line).orElse(0);
      throw ApiProblem.fromConfigFile("status page \"" + slug + "\"", line);
    }
  }

  private static ApiProblem notFound(String slug) {
    return ApiProblem.notFound("no status page with slug \"" + slug + "\"");
  }

  /** A page of the file, as the API shows it. */
  private ObjectNode yaml(StatusPageSpec p, Context ctx) {
    ObjectNode o = JSON.createObjectNode();
    o.put("slug", p.slug()).put("title", p.title());
    p.monitors().forEach(o.putArray("monitors")::add);
    ArrayNode groups = o.putArray("groups");
    for (StatusPageSpec.Group g : p.groups()) {
      ObjectNode group = groups.addObject().put("name", g.name());
      g.monitors().forEach(group.putArray("monitors")::add);
    }
    if (p.emailChannel() != null) {
      o.putObject("subscriptions").putObject("email").put("channel", p.emailChannel());
    }
    o.put("source", MonitorSpec.SOURCE_YAML);
    o.put("url", url(p.slug(), ctx));
    subscribers(o, p.slug());
    return o;
  }

  /** A page of the API: as stored, with its defaults and what it is now. */
  private ObjectNode api(String slug, ObjectNode document, Context ctx) {
    ObjectNode o = JSON.createObjectNode();
    o.put("slug", slug);
    o.put("title", document.path("title").isTextual() ? document.path("title").textValue() : slug);
    o.set("monitors", document.path("monitors").isArray() ? document.get("monitors") : array());
    o.set("groups", document.path("groups").isArray() ? document.get("groups") : array());
    if (document.path("subscriptions").isObject()) {
      o.set("subscriptions", document.get("subscriptions"));
    }
    o.put("source", MonitorSpec.SOURCE_API);
    o.put("url", url(slug, ctx));
    subscribers(o, slug);
    pages
        .stored(slug)
        .ifPresent(
            d ->
                o.put("created_at", d.createdAt().toString())
                    .put("created_by", d.createdBy())
                    .put("updated_at", d.updatedAt().toString())
                    .put("updated_by", d.updatedBy()));
    var problems = pages.problems(slug);
    if (!problems.isEmpty()) {
      ArrayNode list = o.putArray("problems");
      for (Problem p : problems) {
        list.addObject().put("pointer", p.file()).put("detail", p.message());
      }
    }
    return o;
  }

  /** How many visitors subscribed by email, by state: counts only, never an address. */
  private void subscribers(ObjectNode o, String slug) {
    Map<String, Integer> counts =
        subscriptions == null ? Map.of() : subscriptions.counts().getOrDefault(slug, Map.of());
    o.putObject("subscribers")
        .put("pending", counts.getOrDefault("pending", 0))
        .put("confirmed", counts.getOrDefault("confirmed", 0));
  }

  private static ArrayNode array() {
    return JSON.createArrayNode();
  }

  private String url(String slug, Context ctx) {
    return ApiHttp.publicBase(daemon.config().server(), ctx) + "/status/" + Html.urlPart(slug);
  }
}

package dev.tickr.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.JsonInput;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.store.ApiDocument;
import dev.tickr.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status pages the REST API keeps in the database, and the layer they add to a config ({@link
 * #apply}): after the file's pages, a slug the file uses keeping the file's page. Each is read by
 * the config's own reader ({@link JsonInput#statusPage}), so a page of the API and one of the file
 * are the same thing downstream. A stored page that names a monitor no longer there (deleted, or
 * gone from the file) still shows the rest, and {@link #problems} says what is missing.
 */
public final class ApiStatusPages {
  private static final Logger LOG = LoggerFactory.getLogger(ApiStatusPages.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields of the API's status page object that are answers, not settings: ignored in input. */
  static final Set<String> READ_ONLY =
      Set.of(
          "source",
          "url",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by",
          "problems",
          "subscribers");

  private final Store store;
  private final Clock clock;
  private final Map<String, ApiDocument> stored = new LinkedHashMap<>();
  private final Map<String, ObjectNode> documents = new LinkedHashMap<>();
  private final Map<String, List<Problem>> problems = new HashMap<>();

  public ApiStatusPages(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    for (ApiDocument d : store.apiStatusPages()) {
      stored.put(d.name(), d);
      documents.put(d.name(), parse(d.document()));
    }
  }

  /** The config (the file's, with the API's monitors) with the API's status pages. */
  public synchronized Config apply(Config config) {
    Set<String> monitors = new HashSet<>();
    config.monitors().forEach(m -> monitors.add(m.name()));
    List<StatusPageSpec> pages = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : documents.entrySet()) {
      String slug = e.getKey();
      if (config.statusPage(slug).isPresent()) {
        LOG.warn(
            "statusPage={} is in the config file and was created through the API; the file's is"
                + " shown",
            slug);
        continue;
      }
      StatusPageSpec page;
      List<Problem> found;
      try {
        page = new JsonInput().statusPage(e.getValue(), monitors);
        found = List.of();
      } catch (ConfigException ex) {
        // What was valid when stored lost a monitor since: show the page without it.
        page = lenient(e.getValue(), monitors);
        found = page == null ? ex.problems() : gone(e.getValue(), monitors);
      }
      List<Problem> before = problems.put(slug, found);
      if (!found.isEmpty() && !found.equals(before)) {
        LOG.warn(
            "statusPage={} (created through the API) {}: {}",
            slug,
            page == null ? "is not shown" : "is shown without what is missing",
            found.stream().map(p -> p.file() + ": " + p.message()).toList());
      }
      if (page != null) {
        pages.add(page);
      }
    }
    return config.withStatusPages(pages);
  }

  private static @org.jspecify.annotations.Nullable StatusPageSpec lenient(
      ObjectNode document, Collection<String> monitors) {
    Set<String> named = new HashSet<>(monitors);
    document.path("monitors").forEach(n -> named.add(n.asText()));
    document.path("groups").forEach(g -> g.path("monitors").forEach(n -> named.add(n.asText())));
    try {
      return new JsonInput().statusPage(document, named).keeping(monitors);
    } catch (ConfigException again) {
      return null;
    }
  }

  /** Each monitor a stored page names that is not there, by its JSON Pointer. */
  private static List<Problem> gone(ObjectNode document, Collection<String> monitors) {
    List<Problem> out = new ArrayList<>();
    gone(document.path("monitors"), "/monitors", monitors, out);
    JsonNode groups = document.path("groups");
    for (int i = 0; i < groups.size(); i++) {
      gone(groups.get(i).path("monitors"), "/groups/" + i + "/monitors", monitors, out);
    }
    return List.copyOf(out);
  }

  private static void gone(
      JsonNode names, String pointer, Collection<String> monitors, List<Problem> out) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).asText();
      if (!monitors.contains(name)) {
        out.add(
            new Problem(
                pointer + "/" + i,
                1,
                1,
                "monitor \""
                    + name
                    + "\" is gone (deleted, or no longer in the config file); the page shows"
                    + " the rest"));
      }
    }
  }

  /**
   * Checks a status page object as it would be created or updated, against the monitors that run
   * now, without storing anything.
   *
   * @return the page as read, and the object to store (read-only fields left out)
   * @throws ConfigException naming every problem by its JSON Pointer
   */
  public static Checked check(ObjectNode input, Config running) throws ConfigException {
    ObjectNode document = input.deepCopy();
    READ_ONLY.forEach(document::remove);
    Set<String> monitors = new HashSet<>();
    running.monitors().forEach(m -> monitors.add(m.name()));
    return new Checked(new JsonInput().statusPage(document, monitors), document);
  }

  /** A status page that passed {@link #check}. */
  public record Checked(StatusPageSpec page, ObjectNode document) {}

  /** Where a page of this slug comes from, if any: {@code yaml} or {@code api}. */
  public synchronized Optional<String> sourceOf(String slug, Config file) {
    if (file.statusPage(slug).isPresent()) {
      return Optional.of(MonitorSpec.SOURCE_YAML);
    }
    return documents.containsKey(slug) ? Optional.of(MonitorSpec.SOURCE_API) : Optional.empty();
  }

  /**
   * Stores a new page.
   *
   * @return false when one of that slug exists already (nothing changed)
   */
  public synchronized boolean create(String slug, ObjectNode document, String by) {
    Instant now = clock.instant();
    ApiDocument d = new ApiDocument(slug, text(document), now, by, now, by);
    if (documents.containsKey(slug) || !store.insertApiStatusPage(d)) {
      return false;
    }
    stored.put(slug, d);
    documents.put(slug, document.deepCopy());
    return true;
  }

  /**
   * Replaces a page's settings.
   *
   * @return false when there is no API page of that slug
   */
  public synchronized boolean update(String slug, ObjectNode document, String by) {
    ApiDocument old = stored.get(slug);
    if (old == null) {
      return false;
    }
    ApiDocument d =
        new ApiDocument(
            slug, text(document), old.createdAt(), old.createdBy(), clock.instant(), by);
    if (!store.updateApiStatusPage(d)) {
      return false;
    }
    stored.put(slug, d);
    documents.put(slug, document.deepCopy());
    return true;
  }

  public synchronized boolean delete(String slug) {
    if (documents.remove(slug) == null) {
      return false;
    }
    stored.remove(slug);
    problems.remove(slug);
    store.deleteApiStatusPage(slug);
    return true;
  }

  /** The API's pages as stored, by slug, in the order they were made. */
  public synchronized Map<String, ObjectNode> documents() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    documents.forEach((k, v) -> out.put(k, v.deepCopy()));
    return out;
  }

  public synchronized Optional<ObjectNode> document(String slug) {
    ObjectNode d = documents.get(slug);
    return d == null ? Optional.empty() : Optional.of(d.deepCopy());
  }

  /** When and by whom an API page was made and last changed. */
  public synchronized Optional<ApiDocument> stored(String slug) {
    return Optional.ofNullable(stored.get(slug));
  }

  /** What a stored page names that is no longer there, as of the last {@link #apply}. */
  public synchronized List<Problem> problems(String slug) {
    return problems.getOrDefault(slug, List.of());
  }

  private static ObjectNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored status page is not JSON", e);
    }
    throw new IllegalStateException("a stored status page is not a JSON object");
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }
}

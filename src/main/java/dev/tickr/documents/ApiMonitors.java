package dev.tickr.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.Sealer;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.JsonInput;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.config.Types;
import dev.tickr.store.ApiDocument;
import dev.tickr.store.Pause;
import dev.tickr.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors, maintenance windows, pauses and status pages ({@link ApiStatusPages}) the REST API
 * keeps in the database, and the layer they add to the file's config ({@link #apply}). Each monitor
 * is read by the config's own readers ({@link JsonInput}), so an API monitor and a YAML one are the
 * same thing downstream. Writes are durable before they return; the caller then refreshes the
 * daemon.
 */
public final class ApiMonitors implements UnaryOperator<Config> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiMonitors.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields of the API's monitor object that are answers, not settings: ignored in input. */
  static final Set<String> READ_ONLY =
      Set.of(
          "state",
          "source",
          "ping_url",
          "since",
          "last_check",
          "incident",
          "uptime",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by",
          "paused_by",
          "problems",
          "quota_stretch",
          "held_until");

  /** A stored monitor with its secrets opened, and what reading it gave against some channels. */
  private record Loaded(
      ApiDocument stored,
      ObjectNode plain,
      Set<String> channels,
      JsonInput.@Nullable ReadMonitor read,
      List<Problem> problems) {}

  private final Types types;
  private final Store store;
  private final Sealer sealer;
  private final Clock clock;
  private final Map<String, Loaded> monitors = new LinkedHashMap<>();
  private final Map<String, MaintenanceWindow> windows = new LinkedHashMap<>();
  private final Map<String, ObjectNode> windowDocuments = new LinkedHashMap<>();
  private Map<String, Pause> pauses = new HashMap<>();
  private final ApiStatusPages statusPages;

  /** The monitor types an API monitor may have. */
  public Types types() {
    return types;
  }

  public ApiMonitors(Types types, Store store, Sealer sealer, Clock clock) {
    this.types = types;
    this.store = store;
    this.sealer = sealer;
    this.clock = clock;
    this.statusPages = new ApiStatusPages(store, clock);
    for (ApiDocument d : store.apiMonitors()) {
      ObjectNode stored = parse(d.document());
      ObjectNode plain = SecretFields.open(stored, d.name(), sealer);
      if (SecretFields.sealedBefore(stored)) {
        d =
            new ApiDocument(
                d.name(),
                text(SecretFields.seal(plain, d.name(), sealer, types.presets())),
                d.createdAt(),
                d.createdBy(),
                d.updatedAt(),
                d.updatedBy());
        store.updateApiMonitor(d);
        LOG.info("monitor={} secrets sealed again in the current format", d.name());
      }
      monitors.put(d.name(), new Loaded(d, plain, Set.of(), null, List.of()));
    }
    for (ApiDocument d : store.apiMaintenance()) {
      windowDocuments.put(d.name(), parse(d.document()));
    }
    pauses = new HashMap<>(store.pauses());
  }

  /** The file's config with the API's monitors, windows, pauses and status pages. */
  @Override
  public synchronized Config apply(Config file) {
    Set<String> channels = channelNames(file);
    List<MonitorSpec> specs = new ArrayList<>();
    Set<String> secrets = new HashSet<>();
    Set<String> fileNames = new HashSet<>();
    file.monitors().forEach(m -> fileNames.add(m.name()));
    for (Map.Entry<String, Loaded> e : monitors.entrySet()) {
      Loaded l = e.getValue();
      if (l.read() == null || !l.channels().equals(channels)) {
        l = read(l.stored(), l.plain(), channels);
        e.setValue(l);
        if (!l.problems().isEmpty()) {
          LOG.error(
              "monitor={} (created through the API) does not run: {}",
              e.getKey(),
              l.problems().stream().map(Problem::toString).toList());
        }
      }
      JsonInput.ReadMonitor read = l.read();
      if (read == null) {
        continue;
      }
      if (fileNames.contains(e.getKey())) {
        LOG.warn(
            "monitor={} is in the config file and was created through the API; the file's runs",
            e.getKey());
        continue;
      }
      specs.add(read.spec());
      secrets.addAll(read.secretValues());
    }
    Set<String> allNames = new HashSet<>(fileNames);
    specs.forEach(s -> allNames.add(s.name()));
    windows.clear();
    for (Map.Entry<String, ObjectNode> e : windowDocuments.entrySet()) {
      try {
        windows.put(e.getKey(), new JsonInput().maintenance(e.getValue(), allNames));
      } catch (ConfigException ex) {
        LOG.error(
            "maintenance={} (created through the API) is not applied: {}",
            e.getKey(),
            ex.problems());
      }
    }
    return statusPages.apply(
        file.withApi(specs, List.copyOf(windows.values()), Set.copyOf(pauses.keySet()), secrets));
  }

  /** The status pages made through the API, added by {@link #apply} after the file's. */
  public ApiStatusPages statusPages() {
    return statusPages;
  }

  private static Set<String> channelNames(Config file) {
    Set<String> names = new HashSet<>();
    for (ChannelSpec c : file.channels()) {
      names.add(c.name());
    }
    return names;
  }

  private Loaded read(ApiDocument stored, ObjectNode plain, Set<String> channels) {
    Parts parts = Parts.of(plain);
    try {
      return new Loaded(
          stored,
          plain,
          channels,
          new JsonInput(types, channels).monitor(parts.monitor(), parts.secrets()),
          List.of());
    } catch (ConfigException e) {
      return new Loaded(stored, plain, channels, null, e.problems());
    }
  }

  /** A monitor object split into its settings and its {@code secrets}. */
  record Parts(ObjectNode monitor, Map<String, String> secrets) {
    static Parts of(ObjectNode plain) {
      ObjectNode monitor = plain.deepCopy();
      monitor.remove(JsonInput.SECRETS);
      Map<String, String> secrets = new LinkedHashMap<>();
      JsonNode s = plain.get(JsonInput.SECRETS);
      if (s != null && s.isObject()) {
        s.properties().forEach(e -> secrets.put(e.getKey(), e.getValue().asText()));
      }
      return new Parts(monitor, secrets);
    }
  }

  /**
   * Checks a monitor object as it would be created or updated, without storing anything.
   *
   * @param input the object received; {@code secrets} must map names to strings
   * @param before the stored monitor it replaces, whose secrets a masked value keeps
   * @return the object to store, secrets in plain text
   * @throws ConfigException naming every problem by its JSON Pointer
   */
  public ObjectNode check(ObjectNode input, Config file, @Nullable ObjectNode before)
      throws ConfigException {
    return checked(input, file, before).plain();
  }

  /**
   * A monitor object as checked: what would be stored (secrets in plain text), and what the
   * config's readers made of it.
   */
  public record Checked(ObjectNode plain, JsonInput.ReadMonitor read) {}

  /**
   * {@link #check}, also answering the monitor as it would run.
   *
   * @throws ConfigException naming every problem by its JSON Pointer
   */
  public Checked checked(ObjectNode input, Config file, @Nullable ObjectNode before)
      throws ConfigException {
    ObjectNode plain = input.deepCopy();
    READ_ONLY.forEach(plain::remove);
    List<Problem> problems = new ArrayList<>();
    JsonNode secrets = plain.get(JsonInput.SECRETS);
    if (secrets != null) {
      if (!secrets.isObject()) {
        problems.add(new Problem("/secrets", 1, 1, "secrets must be an object of names to text"));
      } else {
        for (Map.Entry<String, JsonNode> e : secrets.properties()) {
          if (!e.getValue().isTextual()) {
            problems.add(
                new Problem(
                    "/secrets/" + e.getKey(), 1, 1, "a secret's value must be text (a string)"));
          } else if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(
                new Problem(
                    "/secrets/" + e.getKey(),
                    1,
                    1,
                    "a secret's name is letters, digits and _, used as ${NAME}"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Set<String> channels = channelNames(file);
    plain =
        SecretFields.keepMasked(
            plain, before, types.presets(), d -> SecretPlaces.of(d, types, channels));
    Parts parts = Parts.of(plain);
    return new Checked(
        plain, new JsonInput(types, channels).monitor(parts.monitor(), parts.secrets()));
  }

  /** Where a monitor of this name comes from, if any: {@code yaml} or {@code api}. */
  public synchronized Optional<String> sourceOf(String name, Config file) {
    if (file.monitor(name).isPresent()) {
      return Optional.of(MonitorSpec.SOURCE_YAML);
    }
    return monitors.containsKey(name) ? Optional.of(MonitorSpec.SOURCE_API) : Optional.empty();
  }

  /**
   * Stores a new monitor.
   *
   * @return false when one of that name exists already (nothing changed)
   */
  public synchronized boolean create(String name, ObjectNode plain, String by) {
    Instant now = clock.instant();
    ApiDocument d =
        new ApiDocument(
            name, text(SecretFields.seal(plain, name, sealer, types.presets())), now, by, now, by);
    if (!store.insertApiMonitor(d)) {
      return false;
    }
    monitors.put(name, new Loaded(d, plain, Set.of(), null, List.of()));
    return true;
  }

  /**
   * Replaces a monitor's settings.
   *
   * @return false when there is no API monitor of that name
   */
  public synchronized boolean update(String name, ObjectNode plain, String by) {
    Loaded old = monitors.get(name);
    if (old == null) {
      return false;
    }
    Instant now = clock.instant();
    ApiDocument d =
        new ApiDocument(
            name,
            text(SecretFields.seal(plain, name, sealer, types.presets())),
            old.stored().createdAt(),
            old.stored().createdBy(),
            now,
            by);
    if (!store.updateApiMonitor(d)) {
      return false;
    }
    monitors.put(name, new Loaded(d, plain, Set.of(), null, List.of()));
    return true;
  }

  public synchronized boolean delete(String name) {
    if (monitors.remove(name) == null) {
      return false;
    }
    store.deleteApiMonitor(name);
    if (pauses.remove(name) != null) {
      store.resume(name);
    }
    return true;
  }

  /** An API monitor's stored object with its secrets opened: never answer with it unmasked. */
  public synchronized Optional<ObjectNode> plain(String name) {
    Loaded l = monitors.get(name);
    return l == null ? Optional.empty() : Optional.of(l.plain().deepCopy());
  }

  /**
   * An API monitor's stored object as answers show it: every secret value masked, so that it can be
   * shown in a form and sent back.
   */
  public synchronized Optional<ObjectNode> masked(String name) {
    return plain(name).map(p -> SecretFields.mask(p, types.presets()));
  }

  /** When and by whom an API monitor was made and last changed. */
  public synchronized Optional<ApiDocument> stored(String name) {
    Loaded l = monitors.get(name);
    return l == null ? Optional.empty() : Optional.of(l.stored());
  }

  /** Why a stored API monitor does not run, empty when it does. */
  public synchronized List<Problem> problems(String name) {
    Loaded l = monitors.get(name);
    return l == null ? List.of() : l.problems();
  }

  public synchronized Optional<Pause> pause(String name) {
    return Optional.ofNullable(pauses.get(name));
  }

  /**
   * @return false when it was paused already
   */
  public synchronized boolean pause(String name, String by) {
    Pause p = new Pause(name, clock.instant(), by);
    if (pauses.containsKey(name)) {
      return false;
    }
    store.pause(p);
    pauses.put(name, p);
    return true;
  }

  /**
   * @return false when it was not paused through the API
   */
  public synchronized boolean resume(String name) {
    if (pauses.remove(name) == null) {
      return false;
    }
    store.resume(name);
    return true;
  }

  /** Maintenance windows created through the API, as stored, by name. */
  public synchronized Map<String, ObjectNode> windows() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    windowDocuments.forEach((k, v) -> out.put(k, v.deepCopy()));
    return out;
  }

  /**
   * Checks a maintenance window against the monitors that run now.
   *
   * @throws ConfigException naming every problem by its JSON Pointer
   */
  public static MaintenanceWindow checkWindow(ObjectNode input, Config running)
      throws ConfigException {
    Set<String> names = new HashSet<>();
    running.monitors().forEach(m -> names.add(m.name()));
    return new JsonInput().maintenance(input, names);
  }

  /**
   * @return false when a window of that name exists already
   */
  public synchronized boolean createWindow(String name, ObjectNode document, String by) {
    Instant now = clock.instant();
    if (windowDocuments.containsKey(name)
        || !store.insertApiMaintenance(new ApiDocument(name, text(document), now, by, now, by))) {
      return false;
    }
    windowDocuments.put(name, document.deepCopy());
    return true;
  }

  public synchronized boolean deleteWindow(String name) {
    if (windowDocuments.remove(name) == null) {
      return false;
    }
    store.deleteApiMaintenance(name);
    return true;
  }

  private static ObjectNode parse(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a stored API document is not a JSON object", e);
    }
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }
}

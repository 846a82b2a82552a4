package dev.tickr.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Node.Style;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads monitors and maintenance windows written as JSON (what the REST API receives) by the same
 * readers and rules as the YAML config, so that nothing downstream can tell them apart. A problem's
 * {@link Problem#file()} is the JSON Pointer of the field it is about ({@code /interval}, {@code
 * /headers/X-Api-Key}, {@code ""} for the whole object), its line and column are 1.
 *
 * <p>{@code ${NAME}} in a value reads the object's own {@code secrets}, never the environment: an
 * API user must not be able to read the daemon's environment by writing {@code ${HOME}}.
 */
public final class JsonInput {

  /** The key of an API monitor's secret values, referred to as {@code ${NAME}} in its fields. */
  public static final String SECRETS = "secrets";

  private final @Nullable Types types;
  private final Collection<String> channels;

  /**
   * @param types the monitor types a monitor may have
   * @param channels the names of the channels a monitor's {@code alerts} may name
   */
  public JsonInput(Types types, Collection<String> channels) {
    this.types = types;
    this.channels = List.copyOf(channels);
  }

  /** An input of maintenance windows and status pages, which name no monitor type. */
  public JsonInput() {
    this.types = null;
    this.channels = List.of();
  }

  /**
   * A monitor read from JSON.
   *
   * @param secretValues the values its {@code ${NAME}}s were replaced with, masked wherever its
   *     evidence or errors echo them
   */
  public record ReadMonitor(MonitorSpec spec, Set<String> secretValues) {}

  /**
   * Reads one monitor, built-in defaults first (a file's {@code defaults:} do not apply: editing
   * {@code tickr.yml} never changes an API monitor).
   *
   * @param document the monitor object without {@link #SECRETS}
   * @param secrets what each {@code ${NAME}} in it stands for
   * @throws ConfigException naming every problem by its field
   */
  public ReadMonitor monitor(JsonNode document, Map<String, String> secrets)
      throws ConfigException {
    Types known = java.util.Objects.requireNonNull(types, "this input reads no monitors");
    Problems problems = new Problems();
    Interpolation interpolation = new Interpolation(secrets, problems, "secret ");
    Node root = convert(document, "", interpolation);
    Location at = root.at();
    Fields none = Fields.copyOf(at, Map.of());
    MonitorReader.Result result =
        new MonitorReader(problems, known, none, channels, MonitorSpec.SOURCE_API).read(root, 0);
    MonitorSpec spec = result.spec();
    Set<String> substituted = interpolation.substituted();
    if (spec == null || problems.count() > 0) {
      throw new ConfigException(
          problems.sorted().stream().map(p -> p.scrubbed(substituted)).toList());
    }
    return new ReadMonitor(spec, substituted);
  }

  /**
   * Reads one maintenance window.
   *
   * @param monitorNames every monitor a window may name
   * @throws ConfigException naming every problem by its field
   */
  public MaintenanceWindow maintenance(JsonNode document, Collection<String> monitorNames)
      throws ConfigException {
    Problems problems = new Problems();
    Interpolation interpolation = new Interpolation(Map.of(), problems, "secret ");
    Node item = convert(document, "", interpolation);
    Sequence list = new Sequence(List.of(item), item.at());
    List<MaintenanceWindow> windows = new MaintenanceReader(problems, monitorNames).read(list);
    if (windows.size() != 1 || problems.count() > 0) {
      throw new ConfigException(problems.sorted());
    }
    return windows.get(0);
  }

  /**
   * Reads one status page. Its values are taken as written: no {@code ${NAME}} is replaced, and
   * every value is text (a number or {@code true} where a string belongs is refused, not read as
   * its text).
   *
   * @param monitorNames every monitor the page may show
   * @throws ConfigException naming every problem by its field
   */
  public StatusPageSpec statusPage(JsonNode document, Collection<String> monitorNames)
      throws ConfigException {
    Problems problems = new Problems();
    Node item = convertText(document, "", problems);
    Sequence list = new Sequence(List.of(item), item.at());
    List<StatusPageSpec> pages =
        new StatusPageReader(problems, monitorNames, MonitorSpec.SOURCE_API).read(list);
    if (pages.size() != 1 || problems.count() > 0) {
      throw new ConfigException(problems.sorted());
    }
    return pages.get(0);
  }

  /** Reads a JSON value that is not an object or array, at {@code pointer}. */
  private interface Leaf {
    Node read(JsonNode json, String pointer, Location at);
  }

  /** Like {@link #convert} without placeholders, and a number or boolean is a problem. */
  private static Node convertText(JsonNode json, String pointer, Problems problems) {
    return convert(
        json,
        pointer,
        (value, path, where) -> {
          if (value.isTextual()) {
            return new Scalar(value.textValue(), Style.QUOTED, false, false, where);
          }
          if (value.isNull()) {
            return new Scalar("null", Style.PLAIN, false, false, where);
          }
          problems.add(where, field(path) + " must be a string, got " + value);
          return new Node.Invalid(where);
        });
  }

  /**
   * A JSON Pointer as the config's readers name a field: {@code /groups/0/name} is {@code
   * groups[0].name}.
   */
  private static String field(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1)) {
      if (part.matches("\\d+")) {
        out.append('[').append(part).append(']');
      } else {
        out.append(out.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return out.isEmpty() ? "the value" : out.toString();
  }

  private static Node convert(JsonNode json, String pointer, Interpolation interpolation) {
    return convert(
        json,
        pointer,
        (value, path, where) ->
            value.isTextual()
                ? interpolation.apply(
                    new Scalar(value.textValue(), Style.QUOTED, false, false, where))
                // Numbers, true/false and null read as YAML's plain scalars would.
                : new Scalar(
                    value.isNull() ? "null" : value.asText(), Style.PLAIN, false, false, where));
  }

  /** A JSON value as a config node located by JSON Pointer; {@code leaf} reads the scalars. */
  private static Node convert(JsonNode json, String pointer, Leaf leaf) {
    Location at = new Location(pointer, 1, 1);
    if (json.isObject()) {
      List<Entry> entries = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : json.properties()) {
        String child = pointer + "/" + escape(field.getKey());
        Scalar key =
            new Scalar(field.getKey(), Style.PLAIN, false, false, new Location(child, 1, 1));
        entries.add(new Entry(key, convert(field.getValue(), child, leaf)));
      }
      return new Mapping(entries, at);
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        items.add(convert(json.get(i), pointer + "/" + i, leaf));
      }
      return new Sequence(items, at);
    }
    return leaf.read(json, pointer, at);
  }

  /** RFC 6901: {@code ~} and {@code /} in a key. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The names a document's strings refer to as {@code ${NAME}}, so that a caller can tell which
   * secrets are used.
   */
  public static Set<String> references(JsonNode document) {
    Set<String> names = new LinkedHashSet<>();
    collect(document, names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isTextual()) {
      String text = node.textValue();
      int i = 0;
      while ((i = text.indexOf("${", i)) >= 0) {
        if (i > 0 && text.charAt(i - 1) == '$') {
          i += 2;
          continue;
        }
        int close = text.indexOf('}', i);
        if (close < 0) {
          return;
        }
        names.add(text.substring(i + 2, close));
        i = close + 1;
      }
    } else {
      node.forEach(child -> collect(child, names));
    }
  }
}

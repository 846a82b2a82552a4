package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Preset.Endpoint;
import dev.tickr.config.Preset.PresetKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a preset's definition, a YAML resource shipped with Tickr (see {@code docs/presets.md} for
 * the format). A definition with a problem is a bug in Tickr, not in a user's config: reading it
 * throws, naming every problem.
 */
public final class PresetReader {
  static final List<String> TOP =
      List.of("title", "summary", "links", "keys", "monitor", "endpoints");
  static final List<String> KEY =
      List.of(
          "description",
          "required",
          "secret",
          "default",
          "pattern",
          "pattern-text",
          "values",
          "env",
          "example");
  static final List<String> ENDPOINT = List.of("description", "monitor");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern REFERENCE = Pattern.compile("\\(\\(([^()]*)\\)\\)");

  private PresetReader() {}

  /**
   * @param name the preset's name, e.g. {@code impact}
   * @param yaml its definition
   * @throws IllegalArgumentException naming every problem of the definition
   */
  public static Preset read(String name, String yaml) {
    Problems problems = new Problems();
    Read read = new Read(problems);
    YamlReader reader = new YamlReader("preset " + name, Map.of(), problems);
    Node root = reader.read(yaml);
    Preset preset = null;
    if (root != null) {
      preset = preset(name, root, read);
    }
    if (preset == null || problems.count() > 0) {
      throw new IllegalArgumentException(
          "preset "
              + name
              + " is not a valid definition: "
              + String.join("; ", problems.sorted().stream().map(Problem::toString).toList()));
    }
    return preset;
  }

  private static @Nullable Preset preset(String name, Node root, Read read) {
    Mapping mapping = read.mapping(root, "a preset", "a mapping of title, keys, monitor...");
    if (mapping == null) {
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      read.problem(mapping.at(), "a preset's name is lower-case letters, digits and -");
    }
    Fields top = Fields.of(mapping);
    top.rejectUnknown(TOP, read);
    String title = required(top, "title", read);
    String summary = required(top, "summary", read);
    List<String> links = new ArrayList<>();
    Node linksNode = top.get("links");
    if (linksNode != null) {
      List<Scalar> items = read.strings(linksNode, "links");
      if (items != null) {
        items.forEach(s -> links.add(s.text()));
      }
    }
    List<PresetKey> keys = keys(name, top.get("keys"), read);
    Node monitorNode = top.get("monitor");
    Mapping monitor =
        monitorNode == null
            ? new Mapping(List.of(), mapping.at())
            : read.mapping(monitorNode, "monitor", "the keys of every monitor of the preset");
    Map<String, Endpoint> endpoints = endpoints(top.get("endpoints"), read);
    if (endpoints.isEmpty()) {
      read.problem(mapping.at(), "a preset needs at least one endpoint");
    }
    if (title == null || summary == null || monitor == null) {
      return null;
    }
    return new Preset(name, title, summary, links, keys, monitor, endpoints);
  }

  private static @Nullable String required(Fields fields, String key, Read read) {
    Node node = fields.get(key);
    if (node == null) {
      read.problem(fields.at(), "missing " + Node.quote(key));
      return null;
    }
    return read.nonEmptyText(node, key);
  }

  private static List<PresetKey> keys(String preset, @Nullable Node node, Read read) {
    List<PresetKey> out = new ArrayList<>();
    Mapping mapping = node == null ? null : read.mapping(node, "keys", "a mapping of key to its");
    if (mapping == null) {
      return out;
    }
    Map<String, Location> built = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      String name = e.key().text();
      if (!NAME.matcher(name).matches() || name.equals(Preset.ENDPOINT)) {
        read.problem(
            e.key().at(), "a preset key is lower-case letters, digits and -, not endpoint");
      }
      Mapping m = read.mapping(e.value(), "keys." + name, "a mapping with description");
      if (m == null) {
        continue;
      }
      Fields f = Fields.of(m);
      f.rejectUnknown(KEY, read);
      String description = required(f, "description", read);
      boolean required = flag(f, "required", read);
      boolean secret = flag(f, "secret", read);
      String fallback = f.get("default") == null ? null : read.text(f.get("default"), "default");
      if (required && fallback != null) {
        read.problem(m.at(), "a required key has no default");
      }
      if (fallback != null && fallback.contains("((")) {
        built.put(name, m.at());
      }
      Pattern pattern = null;
      Node p = f.get("pattern");
      if (p instanceof Scalar s) {
        try {
          pattern = Pattern.compile(s.text());
        } catch (PatternSyntaxException ex) {
          read.problem(s.at(), "pattern: " + ex.getDescription());
        }
      }
      String patternText =
          f.get("pattern-text") == null ? null : read.text(f.get("pattern-text"), "pattern-text");
      List<String> values = new ArrayList<>();
      Node v = f.get("values");
      if (v != null) {
        List<Scalar> items = read.strings(v, "values");
        if (items != null) {
          items.forEach(s -> values.add(s.text()));
        }
      }
      String env =
          f.get("env") == null
              ? (preset + "_" + name).toUpperCase(Locale.ROOT).replace('-', '_')
              : read.text(f.get("env"), "env");
      String example =
          f.get("example") != null
              ? read.text(f.get("example"), "example")
              : fallback != null ? fallback : "${" + env + "}";
      if (description != null && example != null) {
        out.add(
            new PresetKey(
                name,
                description,
                required,
                secret,
                fallback,
                pattern,
                patternText,
                values,
                example));
      }
    }
    built.forEach((name, at) -> checkBuiltDefault(out, name, at, read));
    return out;
  }

  /**
   * A default built from other keys ({@code https://((network)).api.hasoffers.com}) names only
   * declared keys whose own defaults are not built.
   */
  private static void checkBuiltDefault(List<PresetKey> keys, String name, Location at, Read read) {
    PresetKey key = keys.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    String fallback = key == null ? null : key.fallback();
    if (fallback == null) {
      return;
    }
    Matcher m = REFERENCE.matcher(fallback);
    while (m.find()) {
      String ref = m.group(1);
      PresetKey other = keys.stream().filter(k -> k.name().equals(ref)).findFirst().orElse(null);
      String otherDefault = other == null ? null : other.fallback();
      if (other == null || ref.equals(name)) {
        read.problem(at, "the default of " + name + " uses ((" + ref + ")), not another key");
      } else if (otherDefault != null && otherDefault.contains("((")) {
        read.problem(at, "the default of " + name + " uses ((" + ref + ")), itself built");
      }
    }
  }

  private static boolean flag(Fields f, String key, Read read) {
    Node n = f.get(key);
    Boolean b = n == null ? Boolean.FALSE : read.bool(n, key);
    return b != null && b;
  }

  private static Map<String, Endpoint> endpoints(@Nullable Node node, Read read) {
    Map<String, Endpoint> out = new LinkedHashMap<>();
    Mapping mapping =
        node == null ? null : read.mapping(node, "endpoints", "a mapping of name to endpoint");
    if (mapping == null) {
      return out;
    }
    for (Entry e : mapping.entries()) {
      String name = e.key().text();
      if (!NAME.matcher(name).matches()) {
        read.problem(e.key().at(), "an endpoint's name is lower-case letters, digits and -");
      }
      Mapping m = read.mapping(e.value(), "endpoints." + name, "a mapping with description");
      if (m == null) {
        continue;
      }
      Fields f = Fields.of(m);
      f.rejectUnknown(ENDPOINT, read);
      String description = required(f, "description", read);
      Node monitorNode = f.get("monitor");
      Mapping monitor =
          monitorNode == null
              ? new Mapping(List.of(), m.at())
              : read.mapping(monitorNode, "monitor", "monitor keys");
      if (description != null && monitor != null) {
        out.put(name, new Endpoint(name, description, monitor));
      }
    }
    return out;
  }
}

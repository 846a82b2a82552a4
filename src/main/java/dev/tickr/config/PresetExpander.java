package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Preset.Endpoint;
import dev.tickr.config.Preset.PresetKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a monitor that names a {@code preset:} into the keys it stands for: the preset's keys for
 * every endpoint, then the chosen endpoint's, with the user's values in place of each {@code
 * ((key))}, then the monitor's own keys over them ({@code headers} merge by name). Every value that
 * comes from the preset is placed at the monitor's {@code preset:}, so a problem points there.
 */
final class PresetExpander {
  private static final String OPEN = "((";
  private static final String CLOSE = "))";

  private final Presets presets;
  private final Read read;

  PresetExpander(Presets presets, Read read) {
    this.presets = presets;
    this.read = read;
  }

  /**
   * What a monitor's keys expand to.
   *
   * @param fields the monitor's keys with the preset's in, the preset's own keys taken out
   * @param use the preset, endpoint and keys the monitor gave, or null when it names no preset
   */
  record Expansion(Fields fields, @Nullable PresetUse use) {}

  /**
   * The monitor's keys with the preset's in, the preset's own keys ({@code account}...) taken out;
   * or {@code null}, the problems reported, when the preset cannot be used (then the monitor's
   * other keys are not judged: a missing {@code url} would only repeat the problem).
   *
   * @param monitorKeys every key a monitor may have, to keep other problems quiet for an unknown
   *     preset
   */
  @Nullable Expansion expand(Fields own, Set<String> monitorKeys) {
    Node node = own.get("preset");
    if (node == null) {
      return new Expansion(own, null);
    }
    String name = read.text(node, "preset");
    Preset preset = name == null ? null : presets.find(name).orElse(null);
    if (preset == null) {
      if (name != null) {
        List<String> names = presets.names();
        read.problem(
            node.at(),
            "unknown preset "
                + Node.quote(name)
                + Suggestions.didYouMean(name, names)
                + (names.isEmpty() ? "" : "; the presets are " + String.join(", ", names))
                + " (see tickr presets)");
      }
      return null;
    }
    Location at = node.at();
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, Entry> rest = new LinkedHashMap<>();
    List<String> names = preset.keyNames();
    for (Map.Entry<String, Entry> e : own.entries().entrySet()) {
      if (names.contains(e.getKey())) {
        if (own.has(e.getKey())) {
          values.put(e.getKey(), e.getValue().value());
        }
      } else if (monitorKeys.contains(e.getKey())) {
        rest.put(e.getKey(), e.getValue());
      } else {
        read.problem(
            e.getValue().key().at(),
            "unknown key "
                + Node.quote(e.getKey())
                + Suggestions.didYouMean(e.getKey(), union(names, monitorKeys))
                + " (preset "
                + preset.name()
                + " takes "
                + String.join(", ", names)
                + ", besides the keys of every monitor)");
      }
    }
    Map<String, Scalar> given = given(preset, values, at);
    Endpoint endpoint = endpoint(preset, values.get(Preset.ENDPOINT));
    if (given == null || endpoint == null) {
      return null;
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    layer(merged, preset.monitor(), given, at, false);
    layer(merged, endpoint.monitor(), given, at, true);
    for (Map.Entry<String, Entry> e : rest.entrySet()) {
      Entry base = merged.get(e.getKey());
      if (e.getKey().equals("headers")
          && base != null
          && base.value() instanceof Mapping b
          && e.getValue().value() instanceof Mapping o) {
        merged.put(e.getKey(), new Entry(e.getValue().key(), Overlay.mergeHeaders(b, o)));
      } else {
        merged.put(e.getKey(), e.getValue());
      }
    }
    return new Expansion(Fields.owning(own.at(), merged), use(preset, endpoint, values, given));
  }

  /** The keys given, or their defaults, as {@link PresetUse} keeps them. */
  private static PresetUse use(
      Preset preset, Endpoint endpoint, Map<String, Node> values, Map<String, Scalar> given) {
    List<PresetUse.Key> keys = new ArrayList<>();
    for (PresetKey key : preset.keys()) {
      Scalar s = given.get(key.name());
      if (s == null || (!values.containsKey(key.name()) && key.fallback() == null)) {
        continue; // optional and not given
      }
      keys.add(new PresetUse.Key(key.name(), s.text(), key.secret() || s.secret()));
    }
    return new PresetUse(preset.name(), preset.title(), endpoint.name(), keys);
  }

  private static List<String> union(List<String> a, Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Each key's value as given or by default; {@code null} when one is missing or wrong. */
  private @Nullable Map<String, Scalar> given(
      Preset preset, Map<String, Node> values, Location at) {
    Map<String, Scalar> out = new LinkedHashMap<>();
    boolean ok = true;
    for (PresetKey key : preset.keys()) {
      Node value = values.get(key.name());
      if (value == null) {
        if (key.fallback() != null) {
          out.put(key.name(), new Scalar(key.fallback(), Node.Style.QUOTED, false, false, at));
        } else if (!key.required()) {
          // Not given and optional: nothing (YAML's null, so a key holding only it is absent).
          out.put(key.name(), new Scalar("", Node.Style.PLAIN, false, false, at));
        } else {
          read.problem(
              at,
              "preset "
                  + preset.name()
                  + " needs "
                  + Node.quote(key.name())
                  + ": "
                  + key.description()
                  + " (e.g. "
                  + key.name()
                  + ": "
                  + key.example()
                  + ")");
          ok = false;
        }
        continue;
      }
      if (value instanceof Invalid) {
        ok = false;
        continue;
      }
      Scalar s = read.scalar(value, key.name(), "a single value");
      if (s == null) {
        ok = false;
        continue;
      }
      if (key.secret() && !s.secret()) {
        s = new Scalar(s.text(), s.style(), true, s.exact(), s.at());
      }
      if (!key.values().isEmpty() && !key.values().contains(s.text())) {
        read.problem(
            s.at(),
            Node.quote(key.name())
                + " of preset "
                + preset.name()
                + " is one of "
                + String.join(", ", key.values())
                + ", got "
                + Node.describe(s)
                + Suggestions.didYouMean(s.text(), key.values()));
        ok = false;
      } else if (key.pattern() != null && !key.pattern().matcher(s.text()).matches()) {
        read.problem(
            s.at(),
            Node.quote(key.name())
                + " of preset "
                + preset.name()
                + " must be "
                + (key.patternText() == null ? "like " + key.example() : key.patternText())
                + (s.secret() ? "" : ", got " + Node.describe(s)));
        ok = false;
      }
      out.put(key.name(), s);
    }
    if (ok) {
      // A default built from other keys ("https://((network)).api.hasoffers.com"), when not given.
      for (PresetKey key : preset.keys()) {
        String fallback = key.fallback();
        if (!values.containsKey(key.name()) && fallback != null && fallback.contains(OPEN)) {
          Node built = scalar(new Scalar(fallback, Node.Style.QUOTED, false, false, at), out, at);
          if (built instanceof Scalar s) {
            out.put(key.name(), s);
          }
        }
      }
    }
    return ok ? out : null;
  }

  private @Nullable Endpoint endpoint(Preset preset, @Nullable Node node) {
    if (node == null) {
      return preset.defaultEndpoint();
    }
    String name = read.text(node, Preset.ENDPOINT);
    if (name == null) {
      return null;
    }
    Endpoint e = preset.endpoints().get(name);
    if (e == null) {
      List<String> names = List.copyOf(preset.endpoints().keySet());
      read.problem(
          node.at(),
          "preset "
              + preset.name()
              + " has no endpoint "
              + Node.quote(name)
              + Suggestions.didYouMean(name, names)
              + "; its endpoints are "
              + String.join(", ", names));
    }
    return e;
  }

  /**
   * Lays a preset mapping's keys, values substituted, over {@code merged}: for an endpoint, {@code
   * conditions} add to those before and {@code headers} merge by name.
   */
  private void layer(
      Map<String, Entry> merged,
      Mapping layer,
      Map<String, Scalar> given,
      Location at,
      boolean adds) {
    for (Entry e : layer.entries()) {
      String key = e.key().text();
      Node value = substitute(e.value(), given, at);
      Scalar keyNode = new Scalar(key, Node.Style.PLAIN, false, false, at);
      Entry base = merged.get(key);
      if (adds
          && base != null
          && key.equals("conditions")
          && base.value() instanceof Sequence b
          && value instanceof Sequence s) {
        List<Node> items = new ArrayList<>(b.items());
        items.addAll(s.items());
        merged.put(key, new Entry(keyNode, new Sequence(items, at)));
      } else if (adds
          && base != null
          && key.equals("headers")
          && base.value() instanceof Mapping b
          && value instanceof Mapping m) {
        merged.put(key, new Entry(keyNode, Overlay.mergeHeaders(b, m)));
      } else {
        merged.put(key, new Entry(keyNode, value));
      }
    }
  }

  /** The preset's value with each {@code ((key))} replaced, placed at {@code at}. */
  private Node substitute(Node node, Map<String, Scalar> given, Location at) {
    return switch (node) {
      case Scalar s -> scalar(s, given, at);
      case Sequence s -> {
        List<Node> items = new ArrayList<>(s.items().size());
        s.items().forEach(i -> items.add(substitute(i, given, at)));
        yield new Sequence(items, at);
      }
      case Mapping m -> {
        List<Entry> entries = new ArrayList<>(m.entries().size());
        for (Entry e : m.entries()) {
          Node key = scalar(e.key(), given, at);
          Scalar k =
              key instanceof Scalar ks
                  ? new Scalar(ks.text(), ks.style(), false, false, at)
                  : new Scalar(e.key().text(), Node.Style.PLAIN, false, false, at);
          entries.add(new Entry(k, substitute(e.value(), given, at)));
        }
        yield new Mapping(entries, at);
      }
      case Invalid i -> new Invalid(at);
    };
  }

  private Node scalar(Scalar s, Map<String, Scalar> given, Location at) {
    String text = s.text();
    int open = text.indexOf(OPEN);
    if (open < 0) {
      return new Scalar(text, s.style(), false, false, at);
    }
    if (open == 0 && text.endsWith(CLOSE) && text.indexOf(OPEN, 2) < 0) {
      String name = text.substring(2, text.length() - 2);
      Scalar value = given.get(name);
      if (value != null) {
        return value; // the user's own value, where it was written
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    boolean secret = false;
    int i = 0;
    while (open >= 0) {
      int close = text.indexOf(CLOSE, open + 2);
      if (close < 0) {
        break;
      }
      out.append(text, i, open);
      String name = text.substring(open + 2, close);
      Scalar value = given.get(name);
      if (value == null) {
        read.problem(at, "the preset uses ((" + name + ")), which it does not declare");
      } else {
        out.append(value.text());
        secret |= value.secret();
      }
      i = close + 2;
      open = text.indexOf(OPEN, i);
    }
    out.append(text, i, text.length());
    return new Scalar(out.toString(), Node.Style.QUOTED, secret, false, at);
  }
}

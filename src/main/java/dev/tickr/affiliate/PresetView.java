package dev.tickr.affiliate;

import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Preset;
import dev.tickr.config.Preset.Endpoint;
import dev.tickr.config.SecretNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one endpoint of a preset stands for, as written in its definition: the preset's keys for
 * every endpoint with the endpoint's over them ({@code conditions} added, {@code headers} merged by
 * name), {@code ((key))} left visible. A value that could be a credential is never shown as it is:
 * only a {@code ((key))} placeholder is.
 */
record PresetView(Endpoint endpoint, Map<String, Node> keys) {
  /** What a secret value reads as. */
  static final String HIDDEN = "(secret)";

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\(\\([a-z][a-z0-9-]*\\)\\)|\\{[a-z][a-z0-9:-]*}");

  PresetView {
    keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  static PresetView of(Preset preset, Endpoint endpoint) {
    Map<String, Node> merged = new LinkedHashMap<>();
    preset.monitor().entries().forEach(e -> merged.put(e.key().text(), e.value()));
    for (Entry e : endpoint.monitor().entries()) {
      String key = e.key().text();
      Node base = merged.get(key);
      if (key.equals("conditions")
          && base instanceof Sequence b
          && e.value() instanceof Sequence s) {
        List<Node> items = new ArrayList<>(b.items());
        items.addAll(s.items());
        merged.put(key, new Sequence(items, s.at()));
      } else if (key.equals("headers")
          && base instanceof Mapping b
          && e.value() instanceof Mapping m) {
        merged.put(key, mergeHeaders(b, m));
      } else {
        merged.put(key, e.value());
      }
    }
    return new PresetView(endpoint, merged);
  }

  private static Mapping mergeHeaders(Mapping base, Mapping over) {
    List<Entry> out = new ArrayList<>();
    for (Entry b : base.entries()) {
      if (over.entries().stream().noneMatch(o -> o.key().text().equalsIgnoreCase(b.key().text()))) {
        out.add(b);
      }
    }
    out.addAll(over.entries());
    return new Mapping(out, over.at());
  }

  @Nullable Node get(String key) {
    return keys.get(key);
  }

  /** The text of a scalar key, or {@code fallback}. */
  String text(String key, String fallback) {
    return keys.get(key) instanceof Scalar s && !s.isNull() ? shown(key, s) : fallback;
  }

  /** The method and URL it calls: {@code GET ((base-url))/x}. */
  String calls() {
    String url = text("url", "");
    if (url.isEmpty()) {
      return text("type", "http") + " monitor";
    }
    return text("method", "GET") + " " + url;
  }

  /** The conditions, one each, as written. */
  List<String> conditions() {
    List<String> out = new ArrayList<>();
    if (keys.get("conditions") instanceof Sequence s) {
      s.items().forEach(i -> out.add(inline("conditions", i)));
    }
    return out;
  }

  /** Each reason with the patterns that name it: {@code body-error: "Status"...}. */
  List<String> reasons() {
    List<String> out = new ArrayList<>();
    if (keys.get("reasons") instanceof Mapping m) {
      for (Entry e : m.entries()) {
        List<Node> patterns =
            e.value() instanceof Sequence s ? s.items() : List.<Node>of(e.value());
        for (Node p : patterns) {
          out.add(e.key().text() + ": " + inline("reasons", p));
        }
      }
    }
    return out;
  }

  /** The header lines it sends, {@code Name: value}. */
  List<String> headers() {
    List<String> out = new ArrayList<>();
    if (keys.get("headers") instanceof Mapping m) {
      for (Entry e : m.entries()) {
        out.add(e.key().text() + ": " + inline(e.key().text(), e.value()));
      }
    }
    return out;
  }

  /** A value on one line, flow style: {@code {key: x, limit: 1000}}. */
  static String inline(String key, Node node) {
    return switch (node) {
      case Scalar s -> shown(key, s);
      case Sequence s -> {
        List<String> items = new ArrayList<>();
        s.items().forEach(i -> items.add(inline(key, i)));
        yield "[" + String.join(", ", items) + "]";
      }
      case Mapping m -> {
        List<String> items = new ArrayList<>();
        m.entries()
            .forEach(
                e ->
                    items.add(
                        e.key().text() + ": " + inline(key + "." + e.key().text(), e.value())));
        yield "{" + String.join(", ", items) + "}";
      }
      case Node.Invalid i -> "?";
    };
  }

  /**
   * A scalar as shown: its text, unless it is secret or sits under a name that speaks of a secret
   * ({@code path} is the keys down to it, {@code auth.basic.password}) and is not made of {@code
   * ((key))} or a signature's {@code {name}} placeholders, or a scheme word and placeholders
   * ({@code Bearer ((token))}).
   */
  static String shown(String path, Scalar s) {
    if (s.secret()) {
      return HIDDEN;
    }
    String name = path.substring(path.lastIndexOf('.') + 1);
    if (!path.equals("quota.key") && SecretNames.isSecret(name) && !placeholders(s.text())) {
      return HIDDEN;
    }
    return s.text();
  }

  private static boolean placeholders(String text) {
    if (!PLACEHOLDER.matcher(text).find()) {
      return false;
    }
    String rest = PLACEHOLDER.matcher(text).replaceAll(" ").strip();
    return rest.chars().noneMatch(Character::isLetterOrDigit) || rest.matches("[A-Za-z]+[ :=]*");
  }
}

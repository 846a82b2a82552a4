package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Node.Style;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Settings kept as plain immutable values for a later, deeper reader (a channel's notifier, the
 * status page, maintenance windows), remembering where each was written and which are secret.
 * Unquoted {@code true}/{@code false} become {@code Boolean}s, whole numbers {@code Long}s, other
 * numbers {@code Double}s, empty values are left out; everything else is a {@code String}.
 */
final class Raw {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\.\\d+|\\d+(\\.\\d*)?)([eE][-+]?\\d+)?");

  private final Map<String, Location> locations = new LinkedHashMap<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  Map<String, Location> locations() {
    return locations;
  }

  Set<String> secrets() {
    return secrets;
  }

  /** The mapping's entries but {@code skip}, by key. */
  Map<String, Object> mapping(Mapping mapping, String prefix, Collection<String> skip) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      String key = e.key().text();
      if (skip.contains(key)) {
        continue;
      }
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      Object value = value(e.value(), path, SecretNames.isSecret(key));
      if (value != null) {
        out.put(key, value);
      }
    }
    return freeze(out);
  }

  private @Nullable Object value(Node node, String path, boolean secret) {
    return switch (node) {
      case Invalid i -> null;
      case Scalar s -> {
        if (s.isNull()) {
          yield null;
        }
        locations.put(path, s.at());
        if (secret || s.secret()) {
          secrets.add(path);
        }
        yield typed(s);
      }
      case Sequence s -> {
        locations.put(path, s.at());
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
          Object item = value(s.items().get(i), path + "[" + i + "]", secret);
          if (item != null) {
            items.add(item);
          }
        }
        yield List.copyOf(items);
      }
      case Mapping m -> {
        locations.put(path, m.at());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
          String key = e.key().text();
          Object value = value(e.value(), path + "." + key, secret || SecretNames.isSecret(key));
          if (value != null) {
            out.put(key, value);
          }
        }
        yield freeze(out);
      }
    };
  }

  private static Object typed(Scalar s) {
    String text = s.text();
    if (s.style() != Style.PLAIN) {
      return text;
    }
    switch (text) {
      case "true", "True", "TRUE" -> {
        return true;
      }
      case "false", "False", "FALSE" -> {
        return false;
      }
      default -> {}
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.parseLong(text);
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    return text;
  }

  /** An unmodifiable copy that keeps the order, with nested maps and lists frozen too. */
  static <V> Map<String, V> freeze(Map<String, V> map) {
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static <V> V freezeValue(V value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return (V) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      return (V) l.stream().map(Raw::freezeValue).toList();
    }
    return value;
  }

  /** Whether {@code path} is in {@code secrets} or sits under a path that is. */
  static boolean isSecret(Set<String> secrets, String path) {
    for (String s : secrets) {
      if (path.equals(s) || path.startsWith(s + ".") || path.startsWith(s + "[")) {
        return true;
      }
    }
    return false;
  }
}

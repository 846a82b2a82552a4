package dev.tickr.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading loosely typed source data (parsed YAML or JSON) without casts at every use. */
final class Values {
  private Values() {}

  /** The mapping, with keys as text; empty when {@code value} is not a mapping. */
  static Map<String, Object> map(@Nullable Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (v != null) {
              out.put(String.valueOf(k), v);
            }
          });
    }
    return out;
  }

  /** The list; empty when {@code value} is not a list. */
  static List<Object> list(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return list.stream().<Object>map(o -> o).filter(o -> o != null).toList();
    }
    return List.of();
  }

  /** The value as text, or null when absent or empty. */
  static @Nullable String text(@Nullable Object value) {
    if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
      return null;
    }
    String text =
        value instanceof Double d && d == Math.rint(d)
            ? String.valueOf(d.longValue())
            : String.valueOf(value);
    return text.isEmpty() ? null : text;
  }

  /** Whether the value says yes: {@code true}, {@code 1} or {@code "true"}. */
  static boolean yes(@Nullable Object value) {
    String text = String.valueOf(value);
    return value != null && (text.equals("1") || text.equalsIgnoreCase("true"));
  }

  /** The value as a number, or {@code fallback} when absent or not a number. */
  static double number(@Nullable Object value, double fallback) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    String text = text(value);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

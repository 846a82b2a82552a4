package dev.tickr.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the monitor form's fields show of a monitor document (the API's monitor object, secrets
 * masked): a value as its text, a list one item a line, headers as {@code Name: value} lines. The
 * form's script ({@code form.js}) reads the fields back into a monitor document.
 */
final class FormValues {
  private FormValues() {}

  /**
   * The text of {@code o}'s {@code field}, or {@code otherwise} when absent, null or not a value.
   */
  static String text(@Nullable JsonNode o, String field, String otherwise) {
    if (o == null) {
      return otherwise;
    }
    JsonNode v = o.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? otherwise : v.asText();
  }

  static List<String> strings(@Nullable JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  static String lines(@Nullable JsonNode list) {
    return String.join("\n", strings(list));
  }

  static String headers(@Nullable JsonNode headers) {
    StringBuilder out = new StringBuilder();
    if (headers != null && headers.isObject()) {
      for (Map.Entry<String, JsonNode> e : headers.properties()) {
        out.append(e.getKey()).append(": ").append(e.getValue().asText()).append('\n');
      }
    }
    return out.toString().strip();
  }

  /** The scheme of an {@code auth} object ({@code {"basic": {...}}} is "basic"), else "none". */
  static String authScheme(@Nullable JsonNode auth) {
    if (auth != null && auth.isObject() && auth.size() == 1) {
      return auth.fieldNames().next();
    }
    return "none";
  }
}

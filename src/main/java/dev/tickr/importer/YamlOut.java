package dev.tickr.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an imported config as block-style YAML: mappings in their insertion order, lists one item
 * a line, and every string that YAML could read as something else (a number, a boolean, a flow
 * indicator, a comment) double-quoted.
 */
final class YamlOut {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./@+-]*");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|0[xXoObB].*");
  private static final Set<String> RESERVED =
      Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

  private YamlOut() {}

  static String write(Map<String, ?> document) {
    StringBuilder out = new StringBuilder();
    mapping(out, document, 0);
    return out.toString();
  }

  private static void mapping(StringBuilder out, Map<?, ?> map, int indent) {
    map.forEach(
        (key, value) -> {
          out.append(" ".repeat(indent)).append(scalar(String.valueOf(key))).append(':');
          value(out, value, indent);
        });
  }

  private static void value(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        mapping(out, map, indent + 2);
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        list(out, list, indent + 2);
      }
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static void list(StringBuilder out, List<?> list, int indent) {
    String dash = " ".repeat(indent) + "- ";
    for (Object item : list) {
      if (item instanceof Map<?, ?> map && !map.isEmpty()) {
        StringBuilder inner = new StringBuilder();
        mapping(inner, map, indent + 2);
        out.append(dash).append(inner, indent + 2, inner.length());
      } else if (item instanceof List<?> || item instanceof Map<?, ?>) {
        throw new IllegalArgumentException("nested lists are not written");
      } else {
        out.append(dash).append(scalar(item)).append('\n');
      }
    }
  }

  /** A scalar as YAML reads it back: numbers and booleans plain, text plain only when safe. */
  static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (PLAIN.matcher(text).matches()
        && !NUMBER_LIKE.matcher(text).matches()
        && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      return text;
    }
    return quoted(text);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                  if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}

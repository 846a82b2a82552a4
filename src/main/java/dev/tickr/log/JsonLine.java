package dev.tickr.log;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One log line as a JSON object: {@code time}, {@code level}, {@code logger}, {@code message}, the
 * message's {@link Fields} (numbers and booleans as themselves, anything else as its text), and
 * {@code exception} (the stack trace) when there is one.
 */
final class JsonLine {
  private JsonLine() {}

  static String of(
      String time,
      String level,
      String logger,
      String message,
      Map<String, @Nullable Object> fields,
      @Nullable String stack) {
    StringBuilder b = new StringBuilder(96 + message.length());
    b.append("{\"time\":");
    string(b, time);
    b.append(",\"level\":");
    string(b, level);
    b.append(",\"logger\":");
    string(b, logger);
    b.append(",\"message\":");
    string(b, message);
    fields.forEach(
        (key, value) -> {
          b.append(',');
          string(b, key);
          b.append(':');
          value(b, value);
        });
    if (stack != null) {
      b.append(",\"exception\":");
      string(b, stack);
    }
    return b.append('}').append(System.lineSeparator()).toString();
  }

  private static void value(StringBuilder b, @Nullable Object value) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      b.append(value);
    } else if ((value instanceof Double d && Double.isFinite(d))
        || (value instanceof Float f && Float.isFinite(f))) {
      b.append(value);
    } else {
      string(b, String.valueOf(value));
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}

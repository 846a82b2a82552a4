package dev.tickr.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A path into a JSON body as Gatus writes it: {@code .key} and {@code [index]} steps after {@code
 * [BODY]}, e.g. {@code [BODY].data[0].id} or {@code [BODY][-1].name} ({@code -1} is the last
 * element).
 */
record JsonPath(List<Step> steps) {
  static final JsonPath NONE = new JsonPath(List.of());

  JsonPath {
    steps = List.copyOf(steps);
  }

  sealed interface Step {
    /** The step as written: {@code .name} or {@code [0]}. */
    String text();
  }

  record Key(String name) implements Step {
    @Override
    public String text() {
      return "." + name;
    }
  }

  record Index(int index) implements Step {
    @Override
    public String text() {
      return "[" + index + "]";
    }
  }

  boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The path written out after {@code base}, up to and including step {@code upTo}. */
  String text(String base, int upTo) {
    StringBuilder out = new StringBuilder(base);
    for (int i = 0; i <= upTo && i < steps.size(); i++) {
      out.append(steps.get(i).text());
    }
    return out.toString();
  }

  /** Walks the path from {@code root}; a step that leads nowhere gives a {@link Value.Missing}. */
  Value resolve(JsonNode root, String base) {
    JsonNode node = root;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      JsonNode next = null;
      if (step instanceof Key k) {
        next = node.isObject() ? node.get(k.name()) : null;
      } else if (step instanceof Index ix && node.isArray()) {
        int at = ix.index() < 0 ? node.size() + ix.index() : ix.index();
        if (at < 0 || at >= node.size()) {
          return new Value.Missing(
              "index "
                  + ix.index()
                  + " out of range (size "
                  + node.size()
                  + ") at "
                  + text(base, i));
        }
        next = node.get(at);
      }
      if (next == null) {
        return new Value.Missing(missing(step, node, base, i));
      }
      node = next;
    }
    return new Value.Json(node);
  }

  private String missing(Step step, JsonNode node, String base, int i) {
    String at = text(base, i);
    String what =
        switch (step) {
          case Key k -> "no field \"" + k.name() + "\" at " + at;
          case Index ix -> "no element " + ix.index() + " at " + at;
        };
    boolean wrongType = step instanceof Key ? !node.isObject() : !node.isArray();
    return wrongType ? what + " (" + text(base, i - 1) + " is " + describe(node) + ")" : what;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "not a JSON value";
    };
  }
}

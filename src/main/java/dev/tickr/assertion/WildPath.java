package dev.tickr.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a JSON body that may fan out: {@link JsonPath}'s {@code .key} and {@code [index]}
 * steps plus {@code [*]}, every element of an array, e.g. {@code [BODY].Actions[*].Payout}. What
 * the aggregate functions ({@code sum}, {@code min}, {@code max}, {@code count}) read.
 */
record WildPath(List<Step> steps, String text) {

  WildPath {
    steps = List.copyOf(steps);
  }

  sealed interface Step {}

  record Key(String name) implements Step {}

  record Index(int index) implements Step {}

  /** {@code [*]}: every element of an array. */
  record All() implements Step {}

  /** Whether any step fans out. */
  boolean fans() {
    return steps.stream().anyMatch(s -> s instanceof All);
  }

  /**
   * The values the path reaches from {@code root}; a branch that leads nowhere adds nothing. A path
   * without {@code [*]} that ends on an array stands for the array's elements.
   */
  List<JsonNode> resolve(JsonNode root) {
    List<JsonNode> nodes = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        switch (step) {
          case Key k -> {
            JsonNode child = node.isObject() ? node.get(k.name()) : null;
            if (child != null) {
              next.add(child);
            }
          }
          case Index ix -> {
            if (node.isArray()) {
              int at = ix.index() < 0 ? node.size() + ix.index() : ix.index();
              if (at >= 0 && at < node.size()) {
                next.add(node.get(at));
              }
            }
          }
          case All a -> {
            if (node.isArray()) {
              node.forEach(next::add);
            }
          }
        }
      }
      nodes = next;
    }
    if (!fans() && nodes.size() == 1 && nodes.get(0).isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      nodes.get(0).forEach(elements::add);
      return elements;
    }
    return nodes;
  }
}

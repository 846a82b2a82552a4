package dev.tickr.types;

import dev.tickr.config.Fields;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Read;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a flow's {@code durations: {NAME: {from: STEP, to: STEP}}}: each name a label that {@code
 * /metrics} can carry, each step one of the flow's, {@code to} not before {@code from}.
 */
final class FlowDurationReader {
  static final String KEY = "durations";
  static final List<String> KEYS = List.of("from", "to");

  /** At most this many per flow: each is a series and a gauge. */
  static final int MAX = 10;

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  private final Read read;

  FlowDurationReader(Read read) {
    this.read = read;
  }

  /**
   * The durations, none when the key is absent, or {@code null} when a problem was reported.
   *
   * @param steps the flow's step names, in order
   */
  @Nullable List<FlowDuration> read(@Nullable Node node, List<String> steps) {
    List<FlowDuration> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Mapping mapping =
        read.mapping(
            node, KEY, "a mapping like {attribution-latency: {from: convert, to: report}}");
    if (mapping == null) {
      return null;
    }
    if (mapping.entries().size() > MAX) {
      read.problem(
          node.at(),
          KEY + " may name at most " + MAX + " durations, got " + mapping.entries().size());
      return null;
    }
    boolean ok = true;
    for (Entry e : mapping.entries()) {
      FlowDuration d = duration(e, steps);
      if (d == null) {
        ok = false;
      } else {
        out.add(d);
      }
    }
    return ok ? out : null;
  }

  private @Nullable FlowDuration duration(Entry e, List<String> steps) {
    String name = e.key().text();
    if (!NAME.matcher(name).matches()) {
      read.problem(
          e.key().at(),
          KEY
              + ": "
              + Node.quote(name)
              + " is not a duration name: lower-case letters, digits, - and _, starting with a"
              + " letter, at most 63 characters (e.g. attribution-latency)");
      return null;
    }
    String where = KEY + "." + name;
    Mapping mapping = read.mapping(e.value(), where, "a mapping like {from: convert, to: report}");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(KEYS, read);
    Node fromNode = fields.get("from");
    Node toNode = fields.get("to");
    if (fromNode == null || toNode == null) {
      read.problem(
          mapping.at(), where + " needs both from and to, e.g. {from: convert, to: report}");
      return null;
    }
    String from = step(fromNode, where + ".from", steps);
    String to = step(toNode, where + ".to", steps);
    if (from == null || to == null) {
      return null;
    }
    if (steps.indexOf(to) < steps.indexOf(from)) {
      read.problem(
          toNode.at(),
          where
              + ".to: step "
              + Node.quote(to)
              + " comes before step "
              + Node.quote(from)
              + "; a duration ends at or after the step it starts from");
      return null;
    }
    return new FlowDuration(name, from, to);
  }

  private @Nullable String step(Node node, String where, List<String> steps) {
    String name = read.nonEmptyText(node, where);
    if (name == null) {
      return null;
    }
    if (!steps.contains(name)) {
      read.problem(
          node.at(),
          where
              + ": no step is named "
              + Node.quote(name)
              + "; the steps are "
              + String.join(", ", steps));
      return null;
    }
    return name;
  }
}

package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Node.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Composes YAML text with SnakeYAML Engine (a node tree, so every value keeps its start mark) and
 * turns it into {@link Node}s: {@code ${NAME}} replaced, {@code <<: *anchor} merged, duplicate keys
 * and syntax errors reported with their place.
 */
final class YamlReader {
  private static final String MERGE_KEY = "<<";

  /** The largest config text read, in characters (a file of 100,000 detailed monitors fits). */
  static final int MAX_CHARACTERS = 256 * 1024 * 1024;

  /** A list item or value that starts with a placeholder such as [STATUS], up to a comment. */
  private static final Pattern UNQUOTED_CONDITION =
      Pattern.compile("^(\\s*-\\s+|\\s*[\\w-]+:\\s+)(\\[[A-Z_]+\\][^#]*)");

  private final String file;
  private final Interpolation interpolation;

  /**
   * Every value a {@code ${NAME}} in the text was replaced with: secrets, as far as Tickr knows.
   */
  Set<String> substituted() {
    return interpolation.substituted();
  }

  private final Problems problems;
  private final Set<org.snakeyaml.engine.v2.nodes.Node> inProgress =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private String text = "";

  YamlReader(String file, Map<String, String> environment, Problems problems) {
    this.file = file;
    this.interpolation = new Interpolation(environment, problems);
    this.problems = problems;
  }

  /** The document's root, or {@code null} when it is empty or not YAML (then reported). */
  @Nullable Node read(String yaml) {
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    this.text = text;
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setParseComments(false)
            // Tickr reads the text of every scalar itself: no type guessing by pattern needed.
            .setSchema(new FailsafeSchema())
            // SnakeYAML's default (3 Mi characters) is less than 10,000 monitors with conditions
            // and headers take; the text is in memory already.
            .setCodePointLimit(MAX_CHARACTERS)
            .setBufferSize(64 * 1024) // read ahead in larger steps than 1 Ki characters
            .build();
    Optional<org.snakeyaml.engine.v2.nodes.Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      syntaxError(e);
      return null;
    } catch (YamlEngineException e) {
      problems.add(new Location(file, 1, 1), "not valid YAML: " + e.getMessage());
      return null;
    }
    return root.map(this::convert).orElse(null);
  }

  private void syntaxError(MarkedYamlEngineException e) {
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    Location where = location(problemMark.or(() -> contextMark));
    if (unquotedCondition(where)) {
      return;
    }
    String context = e.getContext();
    String message;
    if (context != null && context.startsWith("expected a single document")) {
      message = "a config file holds one YAML document, but a second one starts here";
    } else if (context != null && !context.isBlank() && contextMark.isPresent()) {
      message =
          e.getProblem() + " (" + context + " at line " + (contextMark.get().getLine() + 1) + ")";
    } else {
      message = e.getProblem();
    }
    problems.add(where, message);
  }

  /**
   * {@code - [STATUS] == 200} is a YAML list followed by text, the mistake everyone makes once: say
   * so instead of SnakeYAML's "expected <block end>".
   */
  private boolean unquotedCondition(Location where) {
    String[] lines = text.split("\r?\n|\r", -1); // only when there is a syntax error to explain
    if (where.line() > lines.length) {
      return false;
    }
    Matcher m = UNQUOTED_CONDITION.matcher(lines[where.line() - 1]);
    if (!m.find()) {
      return false;
    }
    String condition = m.group(2).strip();
    String quoted = condition.contains("\"") ? "'" + condition + "'" : "\"" + condition + "\"";
    problems.add(
        new Location(file, where.line(), m.start(2) + 1),
        "a condition that starts with [ must be quoted in YAML: " + quoted);
    return true;
  }

  private Location location(Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return new Location(file, 1, 1);
    }
    Mark m = mark.get();
    return new Location(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private Node convert(org.snakeyaml.engine.v2.nodes.Node node) {
    Location at = location(node.getStartMark());
    // Only a node with an anchor can be met again (through an alias), so only those are tracked.
    boolean anchored = node.getAnchor().isPresent();
    if (anchored && !inProgress.add(node)) {
      problems.add(at, "this alias refers to a value that contains it");
      return new Invalid(at);
    }
    try {
      // instanceof, not a type switch: this runs for every node of the file, mostly before the
      // JIT has compiled it, and a type switch costs several times more in the interpreter.
      if (node instanceof ScalarNode s) {
        return interpolation.apply(scalar(s, at));
      } else if (node instanceof MappingNode m) {
        return mapping(m, at);
      } else if (node instanceof SequenceNode s) {
        return sequence(s, at);
      }
      throw new IllegalStateException("unexpected YAML node " + node.getNodeType());
    } finally {
      if (anchored) {
        inProgress.remove(node);
      }
    }
  }

  private Node sequence(SequenceNode node, Location at) {
    List<org.snakeyaml.engine.v2.nodes.Node> items = node.getValue();
    List<Node> out = new ArrayList<>(items.size());
    for (org.snakeyaml.engine.v2.nodes.Node item : items) {
      out.add(convert(item));
    }
    return new Sequence(out, at);
  }

  private static Scalar scalar(ScalarNode node, Location at) {
    String text = node.getValue();
    Style style =
        switch (node.getScalarStyle()) {
          case PLAIN -> Style.PLAIN;
          case SINGLE_QUOTED, DOUBLE_QUOTED -> Style.QUOTED;
          default -> Style.BLOCK;
        };
    boolean exact = false;
    Optional<Mark> start = node.getStartMark();
    Optional<Mark> end = node.getEndMark();
    if (style != Style.BLOCK && start.isPresent() && end.isPresent()) {
      Mark s = start.get();
      Mark e = end.get();
      int written = text.codePointCount(0, text.length()) + (style == Style.QUOTED ? 2 : 0);
      exact = s.getLine() == e.getLine() && e.getColumn() - s.getColumn() == written;
    }
    return new Scalar(text, style, false, exact, at);
  }

  private Node mapping(MappingNode node, Location at) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> seen = new HashMap<>();
    List<Mapping> merges = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Location keyAt = location(tuple.getKeyNode().getStartMark());
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        problems.add(keyAt, "a key must be plain text, got a " + describe(tuple.getKeyNode()));
        continue;
      }
      Scalar key = scalar(keyNode, keyAt);
      Node value = convert(tuple.getValueNode());
      if (key.style() == Style.PLAIN && key.text().equals(MERGE_KEY)) {
        addMerge(value, merges);
        continue;
      }
      Entry first = seen.get(key.text());
      if (first != null) {
        problems.add(
            key.at(),
            "duplicate key "
                + Node.quote(key.text())
                + " (first at line "
                + first.key().at().line()
                + ")");
        continue;
      }
      Entry entry = new Entry(key, value);
      seen.put(key.text(), entry);
      entries.add(entry);
    }
    for (Mapping merged : merges) {
      for (Entry e : merged.entries()) {
        if (!seen.containsKey(e.key().text())) {
          seen.put(e.key().text(), e);
          entries.add(e);
        }
      }
    }
    return new Mapping(entries, at);
  }

  /**
   * {@code <<: *anchor} or {@code <<: [*a, *b]}: earlier mappings win, explicit keys win over all.
   */
  private void addMerge(Node value, List<Mapping> merges) {
    switch (value) {
      case Mapping m -> merges.add(m);
      case Sequence s -> {
        for (Node item : s.items()) {
          addMerge(item, merges);
        }
      }
      case Invalid i -> {}
      case Scalar s ->
          problems.add(s.at(), "<< merges a mapping (<<: *anchor), got " + Node.describe(value));
    }
  }

  private static String describe(org.snakeyaml.engine.v2.nodes.Node node) {
    return node instanceof SequenceNode ? "list" : "mapping";
  }
}

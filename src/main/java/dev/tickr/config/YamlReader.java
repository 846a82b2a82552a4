package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Node.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML text with SnakeYAML Engine and builds {@link Node}s from its events, each with the
 * place it was written: {@code ${NAME}} replaced, {@code <<: *anchor} merged, duplicate keys and
 * syntax errors reported with their place.
 *
 * <p>A file cannot make Tickr do unbounded work: values nested deeper than {@link #MAX_DEPTH}, and
 * aliases that repeat more than {@link #MAX_REPEATED} values in all (a "billion laughs"), stop the
 * reading where they are written. SnakeYAML's own limit on aliases ({@code
 * LoadSettings.maxAliasesForCollections}) guards only its composer, which this reader does not use.
 */
final class YamlReader {
  private static final String MERGE_KEY = "<<";

  /** The largest config text read, in characters (a file of 100,000 detailed monitors fits). */
  static final int MAX_CHARACTERS = 256 * 1024 * 1024;

  /**
   * The most collections one value may sit in, the file's own mapping counted, aliases expanded.
   */
  static final int MAX_DEPTH = 64;

  /**
   * The most values aliases may repeat in one file, each use counting every value it stands for
   * (keys and nested values included). The anchor of a monitor's shared settings, merged into each
   * of 10,000 monitors, repeats some 100,000; a "billion laughs" repeats 10^9.
   */
  static final long MAX_REPEATED = 1_000_000;

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

  /** Anchors read so far, by name, as the value an alias to them stands for. */
  private final Map<String, Anchored> anchors = new HashMap<>();

  /** An anchor's value, how many values it stands for, and how many levels of collections. */
  private record Anchored(Node node, long values, int height) {}

  /** Values read so far, an alias counted as every value it stands for. */
  private long values;

  /** Values that aliases repeated so far. */
  private long repeated;

  /** Collections open around what is being read. */
  private int depth;

  /** The deepest level a collection reached, since the start or the current anchor's start. */
  private int deepest;

  /** Anchors of collections still being read. */
  private final Set<String> inProgress = new HashSet<>();

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
            // SnakeYAML's default (3 Mi characters) is less than 10,000 monitors with conditions
            // and headers take; the text is in memory already.
            .setCodePointLimit(MAX_CHARACTERS)
            .setBufferSize(64 * 1024) // read ahead in larger steps than 1 Ki characters
            .build();
    try {
      return document(new Parse(settings).parseString(text).iterator());
    } catch (TooMuch e) {
      problems.add(e.where, e.problem);
      return null;
    } catch (MarkedYamlEngineException e) {
      syntaxError(e);
      return null;
    } catch (YamlEngineException e) {
      problems.add(new Location(file, 1, 1), "not valid YAML: " + e.getMessage());
      return null;
    }
  }

  /**
   * Builds Tickr's nodes straight from the parser's events. SnakeYAML's own node tree is not
   * needed: Tickr reads every scalar's text itself, so the tree would be one more copy of a file
   * that can hold 10,000 monitors, built while the daemon starts.
   */
  private @Nullable Node document(Iterator<Event> events) {
    events.next(); // the stream's start
    Event first = events.next();
    if (first instanceof StreamEndEvent) {
      return null; // no document: an empty file or only comments
    }
    Node root = node(events.next(), events); // after the document's start
    events.next(); // the document's end
    Event after = events.next();
    if (!(after instanceof StreamEndEvent)) {
      problems.add(
          location(after.getStartMark()),
          "a config file holds one YAML document, but a second one starts here");
      return null;
    }
    return root;
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

  @SuppressWarnings("IfChainToSwitch") // on purpose: see below
  private Node node(Event event, Iterator<Event> events) {
    Location at = location(event.getStartMark());
    // instanceof, not a type switch: this runs for every value of the file, mostly before the JIT
    // has compiled it, and a type switch costs several times more in the interpreter.
    if (event instanceof ScalarEvent s) {
      values++;
      return anchored(s, interpolation.apply(scalar(s, at)));
    } else if (event instanceof MappingStartEvent m) {
      String anchor = building(m);
      long before = values;
      int outerDeepest = enter(anchor, at);
      Node mapping = mapping(events, at);
      depth--;
      return built(anchor, mapping, before, outerDeepest);
    } else if (event instanceof SequenceStartEvent s) {
      String anchor = building(s);
      long before = values;
      int outerDeepest = enter(anchor, at);
      List<Node> items = new ArrayList<>();
      for (Event e = events.next(); !(e instanceof SequenceEndEvent); e = events.next()) {
        items.add(node(e, events));
      }
      depth--;
      return built(anchor, new Sequence(items, at), before, outerDeepest);
    } else if (event instanceof AliasEvent alias) {
      String name = alias.getAlias().getValue();
      Anchored target = anchors.get(name);
      if (target != null) {
        repeat(name, target, at);
        return target.node();
      }
      problems.add(
          at,
          inProgress.contains(name)
              ? "this alias refers to a value that contains it"
              : "*" + name + " refers to no anchor: &" + name + " must come before it");
      return new Invalid(at);
    }
    throw new IllegalStateException("unexpected YAML event " + event.getEventId());
  }

  /** Notes that a collection with an anchor is being read: an alias to it inside is a loop. */
  private @Nullable String building(NodeEvent event) {
    Optional<Anchor> anchor = event.getAnchor();
    if (anchor.isEmpty()) {
      return null;
    }
    String name = anchor.get().getValue();
    anchors.remove(name); // an anchor may be defined again; aliases after this one mean this one
    inProgress.add(name);
    return name;
  }

  /**
   * Counts a collection that starts at {@code at}, one level deeper than what holds it.
   *
   * @return the deepest level before, when the collection has an anchor (whose height is then
   *     counted from here); else {@link #deepest}, which goes on
   */
  private int enter(@Nullable String anchor, Location at) {
    values++;
    depth++;
    if (depth > MAX_DEPTH) {
      throw new TooMuch(
          at,
          "values nest more than "
              + MAX_DEPTH
              + " levels deep here; a config nests at most "
              + MAX_DEPTH);
    }
    int outer = deepest;
    if (anchor != null) {
      deepest = depth;
    } else if (depth > deepest) {
      deepest = depth;
    }
    return outer;
  }

  private Node built(@Nullable String anchor, Node node, long valuesBefore, int outerDeepest) {
    if (anchor != null) {
      inProgress.remove(anchor);
      int height = deepest - depth;
      anchors.put(anchor, new Anchored(node, values - valuesBefore, height));
      deepest = Math.max(deepest, outerDeepest);
    }
    return node;
  }

  private Node anchored(ScalarEvent event, Node node) {
    Optional<Anchor> anchor = event.getAnchor();
    if (anchor.isPresent()) {
      anchors.put(anchor.get().getValue(), new Anchored(node, 1, 0));
    }
    return node;
  }

  /** Counts what an alias at {@code at} repeats, and how deep that puts its values. */
  private void repeat(String name, Anchored target, Location at) {
    values += target.values();
    repeated += target.values();
    if (repeated > MAX_REPEATED) {
      throw new TooMuch(
          at,
          "*"
              + name
              + " here repeats "
              + target.values()
              + " values, more than aliases may repeat in one config ("
              + MAX_REPEATED
              + " in all)");
    }
    int reached = depth + target.height();
    if (reached > MAX_DEPTH) {
      throw new TooMuch(
          at,
          "*"
              + name
              + " here nests values "
              + reached
              + " levels deep; a config nests at most "
              + MAX_DEPTH);
    }
    if (reached > deepest) {
      deepest = reached;
    }
  }

  /** A file over one of the limits: reading stops where it went over. */
  private static final class TooMuch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location where;
    private final String problem;

    TooMuch(Location where, String problem) {
      super(problem, null, false, false); // no stack trace: this is an answer, not a bug
      this.where = where;
      this.problem = problem;
    }
  }

  private static Scalar scalar(ScalarEvent event, Location at) {
    String text = event.getValue();
    Style style =
        switch (event.getScalarStyle()) {
          case PLAIN -> Style.PLAIN;
          case SINGLE_QUOTED, DOUBLE_QUOTED -> Style.QUOTED;
          default -> Style.BLOCK;
        };
    boolean exact = false;
    Optional<Mark> start = event.getStartMark();
    Optional<Mark> end = event.getEndMark();
    if (style != Style.BLOCK && start.isPresent() && end.isPresent()) {
      Mark s = start.get();
      Mark e = end.get();
      int written = text.codePointCount(0, text.length()) + (style == Style.QUOTED ? 2 : 0);
      exact = s.getLine() == e.getLine() && e.getColumn() - s.getColumn() == written;
    }
    return new Scalar(text, style, false, exact, at);
  }

  /** The entries up to the mapping's end, after its start event. */
  private Node mapping(Iterator<Event> events, Location at) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> seen = new HashMap<>();
    List<Mapping> merges = new ArrayList<>();
    for (Event e = events.next(); !(e instanceof MappingEndEvent); e = events.next()) {
      Location keyAt = location(e.getStartMark());
      // A key's text is taken as written: no ${NAME} in keys.
      Node keyNode;
      if (e instanceof ScalarEvent s) {
        values++;
        keyNode = anchored(s, scalar(s, keyAt));
      } else {
        keyNode = node(e, events);
      }
      Node value = node(events.next(), events);
      if (!(keyNode instanceof Scalar key)) {
        if (!(keyNode instanceof Invalid)) {
          problems.add(keyAt, "a key must be plain text, got " + Node.describe(keyNode));
        }
        continue;
      }
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
}

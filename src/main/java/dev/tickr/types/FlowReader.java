package dev.tickr.types;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Conditions;
import dev.tickr.assertion.Extractor;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.config.Fields;
import dev.tickr.config.Location;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.config.Read;
import dev.tickr.config.SecretNames;
import dev.tickr.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a flow's {@code steps:}: each step's request through the http monitor's own readers, its
 * conditions, {@code extract}, {@code poll} and {@code always}. A {@code {{VAR}}} is valid only
 * where an earlier step extracts VAR: a later or unknown one is reported where it is written.
 */
final class FlowReader {
  static final String NAME = "name";
  static final String CONDITIONS = "conditions";
  static final String EXTRACT = "extract";
  static final String POLL = "poll";
  static final String ALWAYS = "always";

  /** The keys of a step: its own, then those of an http monitor's request. */
  static final List<String> STEP_KEYS =
      List.of(
          NAME,
          "url",
          "method",
          "headers",
          "body",
          "auth",
          HttpOptionsReader.FOLLOW,
          HttpOptionsReader.INSECURE,
          HttpOptionsReader.CA_CERT,
          HttpOptionsReader.MAX_BODY,
          HttpOptionsReader.PROXY,
          HttpOptionsReader.CLIENT_CERT,
          HttpOptionsReader.CLIENT_KEY,
          CONDITIONS,
          EXTRACT,
          POLL,
          ALWAYS);

  static final List<String> POLL_KEYS = List.of("every", "within");

  static final int MAX_STEPS = 20;
  static final Duration MIN_EVERY = Duration.ofSeconds(1);
  static final Duration MAX_WITHIN = Duration.ofHours(6);

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> GENERATED = Set.of("uuid", "now", "random");

  private final Read read;
  private final Map<String, Boolean> secretNames;
  private final OAuth2Tokens tokens;
  private final Clock clock;

  FlowReader(Read read, Map<String, Boolean> secretNames, OAuth2Tokens tokens, Clock clock) {
    this.read = read;
    this.secretNames = secretNames;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The steps, or {@code null} when a problem was reported. */
  @Nullable List<FlowStep> read(Fields fields, String label) {
    Node node = fields.get("steps");
    if (node == null) {
      read.problem(fields.at(), label + " has no \"steps\"");
      return null;
    }
    Sequence sequence = read.sequence(node, "steps", "a list of steps, each with a name and a url");
    if (sequence == null) {
      return null;
    }
    if (sequence.items().isEmpty() || sequence.items().size() > MAX_STEPS) {
      read.problem(
          node.at(),
          "steps must hold 1 to " + MAX_STEPS + " steps, got " + sequence.items().size());
      return null;
    }
    List<FlowStep> steps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> declared = new HashSet<>();
    boolean ok = true;
    for (Node item : sequence.items()) {
      FlowStep step = step(item, label, names, declared);
      if (step == null) {
        ok = false;
      } else {
        steps.add(step);
      }
    }
    return ok ? steps : null;
  }

  private @Nullable FlowStep step(
      Node item, String label, Set<String> names, Set<String> declared) {
    Mapping mapping = read.mapping(item, "a step", "a mapping with name, url, conditions...");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(STEP_KEYS, read);
    Node nameNode = fields.get(NAME);
    String name = null;
    if (nameNode == null) {
      read.problem(mapping.at(), "a step of " + label + " has no \"name\"");
    } else {
      name = read.nonEmptyText(nameNode, NAME);
      if (name != null && !names.add(name)) {
        read.problem(
            nameNode.at(), "step name " + Node.quote(name) + " is used twice; names must differ");
        name = null;
      }
    }
    String stepLabel = label + " step " + (name == null ? "?" : Node.quote(name));
    HttpTarget target =
        new HttpRequestReader(read, secretNames, tokens, clock, declared).read(fields, stepLabel);
    List<Condition> conditions = conditions(fields.get(CONDITIONS));
    Set<String> secretVariables = new HashSet<>();
    Map<String, Extractor> extract = extract(fields.get(EXTRACT), declared, secretVariables);
    FlowStep.Poll poll = fields.has(POLL) ? poll(fields.get(POLL)) : null;
    Node alwaysNode = fields.get(ALWAYS);
    Boolean always = alwaysNode == null ? Boolean.FALSE : read.bool(alwaysNode, ALWAYS);
    if (extract != null) {
      declared.addAll(extract.keySet()); // usable from the next step on
    }
    if (name == null
        || target == null
        || conditions == null
        || extract == null
        || (fields.has(POLL) && poll == null)
        || always == null) {
      return null;
    }
    return new FlowStep(name, target, conditions, extract, secretVariables, poll, always);
  }

  private @Nullable List<Condition> conditions(@Nullable Node node) {
    List<String> texts = List.of(Conditions.DEFAULT);
    List<Scalar> items = null;
    if (node != null) {
      items = read.strings(node, CONDITIONS);
      if (items == null) {
        return null;
      }
      texts = items.stream().map(Scalar::text).toList();
    }
    List<Condition> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(ConditionParser.parse(texts.get(i)));
      } catch (ConditionSyntaxException e) {
        if (items == null) {
          throw new IllegalStateException("the default condition does not parse", e);
        }
        read.problem(items.get(i).at(e.column() - 1), String.valueOf(e.getMessage()));
      }
    }
    return out.size() == texts.size() ? out : null;
  }

  private @Nullable Map<String, Extractor> extract(
      @Nullable Node node, Set<String> declared, Set<String> secretVariables) {
    Map<String, Extractor> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Mapping mapping =
        read.mapping(node, EXTRACT, "a mapping of variable names to [BODY].path, [HEADER].Name...");
    if (mapping == null) {
      return null;
    }
    boolean ok = true;
    for (Entry e : mapping.entries()) {
      String var = e.key().text();
      if (!VARIABLE.matcher(var).matches() || GENERATED.contains(var)) {
        read.problem(
            e.key().at(),
            "extract: "
                + Node.quote(var)
                + " is not a variable name: letters, digits and _, not starting with a digit,"
                + " and not uuid, now or random");
        ok = false;
        continue;
      }
      if (declared.contains(var)) {
        read.problem(
            e.key().at(),
            "extract: " + Node.quote(var) + " is already extracted by an earlier step");
        ok = false;
        continue;
      }
      String text = read.text(e.value(), EXTRACT + "." + var);
      if (text == null) {
        ok = false;
        continue;
      }
      try {
        Extractor x = Extractor.parse(text);
        out.put(var, x);
        String t = text.strip();
        if (t.contains("[HEADER].")) {
          String header = t.substring(t.indexOf("[HEADER].") + "[HEADER].".length());
          header = header.split("[^A-Za-z0-9_-]", 2)[0];
          if (SecretNames.isSecret(header)) {
            secretVariables.add(var);
          }
        }
      } catch (ConditionSyntaxException ex) {
        Location at = e.value() instanceof Scalar s ? s.at(ex.column() - 1) : e.value().at();
        read.problem(at, "extract." + var + ": " + ex.getMessage());
        ok = false;
      }
    }
    return ok ? out : null;
  }

  private FlowStep.@Nullable Poll poll(@Nullable Node node) {
    if (node == null) {
      return null;
    }
    Mapping mapping = read.mapping(node, POLL, "a mapping like {every: 30s, within: 15m}");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(POLL_KEYS, read);
    Node everyNode = fields.get("every");
    Node withinNode = fields.get("within");
    if (everyNode == null || withinNode == null) {
      read.problem(
          mapping.at(), "poll needs both every and within, e.g. {every: 30s, within: 15m}");
      return null;
    }
    Duration every = read.duration(everyNode, "poll.every", MIN_EVERY);
    Duration within = read.duration(withinNode, "poll.within");
    if (every == null || within == null) {
      return null;
    }
    if (within.compareTo(every) < 0 || within.compareTo(MAX_WITHIN) > 0) {
      read.problem(
          withinNode.at(),
          "poll.within must be at least poll.every ("
              + Durations.format(every)
              + ") and at most "
              + Durations.format(MAX_WITHIN)
              + ", got "
              + Node.describe(withinNode));
      return null;
    }
    return new FlowStep.Poll(every, within);
  }
}

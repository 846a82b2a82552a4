package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one monitor: {@code defaults:} first, the monitor's own keys over them ({@code headers}
 * merge by name), then every check of the values, reporting all problems.
 */
final class MonitorReader {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_FAILURE_THRESHOLD = 2;
  static final int DEFAULT_SUCCESS_THRESHOLD = 1;
  static final boolean DEFAULT_DEGRADED = true;
  static final Duration MIN_ESCALATION = Duration.ofMinutes(1);
  static final Duration MIN_FLAPPING_WITHIN = Duration.ofMinutes(1);
  static final Duration MIN_HOLD_DOWN = Duration.ofSeconds(1);
  static final int MAX_HOLD_DOWN_INTERVALS = 1000;
  private static final Pattern INTERVALS = Pattern.compile("(\\d{1,9})\\s*x");

  /** The monitor's name and where it is written, even when the monitor has problems. */
  record Result(@Nullable String name, @Nullable Location nameAt, @Nullable MonitorSpec spec) {}

  private final Problems problems;
  private final Read read;
  private final Overlay overlay;
  private final Collection<String> channels;
  private final Types types;
  private final String source;

  /**
   * Conditions by text, parsed once: 10,000 monitors repeat the same few (a condition is
   * immutable).
   */
  private final Map<String, Condition> parsedConditions = new HashMap<>();

  /** Each type's default conditions, by type name. */
  private final Map<String, List<Condition>> defaultConditions = new HashMap<>();

  /**
   * @param defaults the checked {@code defaults:} entries
   * @param channels the names of every declared channel
   */
  MonitorReader(Problems problems, Types types, Fields defaults, Collection<String> channels) {
    this(problems, types, defaults, channels, MonitorSpec.SOURCE_YAML);
  }

  /**
   * @param source what {@link MonitorSpec#source()} says: {@code yaml} or {@code api}
   */
  MonitorReader(
      Problems problems, Types types, Fields defaults, Collection<String> channels, String source) {
    this.source = source;
    this.problems = problems;
    this.types = types;
    this.read = new Read(problems);
    this.overlay = new Overlay(defaults, read, types);
    this.channels = channels;
  }

  Result read(Node node, int index) {
    Mapping mapping =
        read.mapping(node, "monitors[" + index + "]", "a mapping with at least a name");
    if (mapping == null) {
      return new Result(null, null, null);
    }
    int before = problems.count();
    Fields own = Fields.of(mapping);
    own.rejectUnknown(types.monitorKeys(), problems);
    Node nameNode = own.get("name");
    String name = nameNode == null ? null : name(nameNode);
    if (nameNode == null) {
      read.problem(own.at(), "missing \"name\": every monitor needs a unique name");
    }
    Fields fields = overlay.merge(own);
    TypeDefinition type = type(fields);
    if (type != null) {
      overlay.dropWhatDoesNotApply(type, own, fields);
    }
    String label =
        (type == null ? "" : type.name() + " ")
            + "monitor"
            + (name == null ? "" : " " + Node.quote(name));

    Node preset = fields.get("preset");
    if (preset != null) {
      String p = read.text(preset, "preset");
      if (p != null) {
        read.problem(preset.at(), "unknown preset " + Node.quote(p) + " (no presets exist yet)");
      }
    }
    TypeSettings target = type == null ? null : type.read(fields, read, label);
    Duration interval;
    Duration timeout;
    List<Condition> conditions;
    Boolean degraded;
    if (target instanceof PushedSettings hb) {
      interval = hb.period();
      timeout = hb.grace();
      conditions = List.of();
      degraded = DEFAULT_DEGRADED;
    } else {
      interval =
          optional(
              fields,
              "interval",
              DEFAULT_INTERVAL,
              n -> read.duration(n, "interval", MIN_INTERVAL));
      timeout = timeout(fields, own, interval, name);
      conditions = conditions(fields, type);
      degraded = optional(fields, "degraded", DEFAULT_DEGRADED, n -> read.bool(n, "degraded"));
    }
    Integer failureThreshold =
        optional(
            fields,
            "failure-threshold",
            type == null ? DEFAULT_FAILURE_THRESHOLD : type.defaultFailureThreshold(),
            n -> read.integer(n, "failure-threshold", 1, Integer.MAX_VALUE));
    Integer successThreshold =
        optional(
            fields,
            "success-threshold",
            DEFAULT_SUCCESS_THRESHOLD,
            n -> read.integer(n, "success-threshold", 1, Integer.MAX_VALUE));
    List<String> alerts = alerts(fields.get("alerts"), "alerts");
    List<Escalation> escalate = escalate(fields.get("escalate"));
    Flapping flapping = flapping(fields.get("flapping"));
    List<String> tags = distinct(fields.get("tags"), "tags");
    Boolean paused = optional(fields, "paused", false, n -> read.bool(n, "paused"));

    Location nameAt = nameNode == null ? null : nameNode.at();
    if (problems.count() > before
        || name == null
        || type == null
        || target == null
        || interval == null
        || timeout == null
        || conditions == null
        || degraded == null
        || failureThreshold == null
        || successThreshold == null
        || alerts == null
        || escalate == null
        || flapping == null
        || tags == null
        || paused == null) {
      return new Result(name, nameAt, null);
    }
    MonitorSpec spec =
        new MonitorSpec(
            name,
            type,
            target,
            interval,
            timeout,
            conditions,
            degraded,
            failureThreshold,
            successThreshold,
            alerts,
            escalate,
            flapping,
            tags,
            paused,
            source,
            mapping.at().line());
    return new Result(name, nameAt, spec);
  }

  private @Nullable String name(Node node) {
    String name = read.nonEmptyText(node, "name");
    if (name == null) {
      return null;
    }
    if (name.indexOf('/') >= 0) {
      read.problem(
          node.at(),
          "name must not contain \"/\" (it is part of URLs), got " + Node.describe(node));
      return null;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      read.problem(node.at(), "name must not contain control characters");
      return null;
    }
    return name;
  }

  private @Nullable TypeDefinition type(Fields fields) {
    Node node = fields.get("type");
    if (node == null) {
      return types.fallback();
    }
    String code = read.text(node, "type");
    if (code == null) {
      return null;
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    TypeDefinition type = types.find(wanted).orElse(null);
    if (type == null) {
      read.problem(
          node.at(),
          "unknown monitor type "
              + Node.describe(node)
              + Suggestions.didYouMean(wanted, types.names())
              + "; expected one of "
              + String.join(", ", types.names()));
    }
    return type;
  }

  private @Nullable Duration timeout(
      Fields fields, Fields own, @Nullable Duration interval, @Nullable String name) {
    Node node = fields.get("timeout");
    if (node == null) {
      return interval == null
          ? null
          : (interval.compareTo(MAX_DEFAULT_TIMEOUT) < 0 ? interval : MAX_DEFAULT_TIMEOUT);
    }
    Duration timeout = read.duration(node, "timeout");
    if (timeout == null) {
      return null;
    }
    if (timeout.isNegative() || timeout.isZero()) {
      read.problem(node.at(), "timeout must be more than 0s, got " + Node.describe(node));
      return null;
    }
    if (interval != null && timeout.compareTo(interval) > 0) {
      // A clash between the monitor's own interval and the default timeout names the monitor; one
      // inside defaults: is reported once.
      boolean inDefaults = !own.has("timeout") && !own.has("interval");
      String whose =
          own.has("timeout") || inDefaults || name == null
              ? ""
              : " for monitor " + Node.quote(name);
      read.problem(
          node.at(),
          "timeout must not exceed interval ("
              + Durations.format(interval)
              + "), got "
              + Node.describe(node)
              + whose);
      return null;
    }
    return timeout;
  }

  private @Nullable List<Condition> conditions(Fields fields, @Nullable TypeDefinition type) {
    Node node = fields.get("conditions");
    if (node == null) {
      return type == null ? List.of() : defaultConditions(type);
    }
    List<Scalar> items = read.strings(node, "conditions");
    if (items == null) {
      return null;
    }
    List<Condition> conditions = new ArrayList<>();
    for (Scalar item : items) {
      try {
        Condition parsed = parsedConditions.get(item.text());
        if (parsed == null) {
          parsed = ConditionParser.parse(item.text());
          parsedConditions.put(item.text(), parsed);
        }
        conditions.add(parsed);
      } catch (ConditionSyntaxException e) {
        read.problem(item.at(e.column() - 1), String.valueOf(e.getMessage()));
      }
    }
    return conditions.size() == items.size() ? conditions : null;
  }

  /** A type's default conditions, parsed once per load. */
  private List<Condition> defaultConditions(TypeDefinition type) {
    List<Condition> known = defaultConditions.get(type.name());
    if (known != null) {
      return known;
    }
    List<Condition> out = new ArrayList<>();
    for (String text : type.defaultConditions()) {
      Condition parsed = parsedConditions.get(text);
      if (parsed == null) {
        try {
          parsed = ConditionParser.parse(text);
        } catch (ConditionSyntaxException e) {
          throw new IllegalStateException(
              "a default condition of " + type.name() + " does not parse: " + text, e);
        }
        parsedConditions.put(text, parsed);
      }
      out.add(parsed);
    }
    defaultConditions.put(type.name(), List.copyOf(out));
    return List.copyOf(out);
  }

  private @Nullable List<String> alerts(@Nullable Node node, String what) {
    if (node == null) {
      return List.of();
    }
    List<Scalar> items = read.strings(node, what);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (Scalar item : items) {
      if (channels.contains(item.text())) {
        out.add(item.text());
      } else {
        read.problem(
            item.at(),
            "unknown channel "
                + Node.describe(item)
                + (channels.isEmpty()
                    ? " (channels: declares none)"
                    : Suggestions.didYouMean(item.text(), channels)));
      }
    }
    return List.copyOf(out);
  }

  /** {@code escalate:}, a list of {@code {after, alerts}} steps. */
  private @Nullable List<Escalation> escalate(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    Node.Sequence list = read.sequence(node, "escalate", "a list of {after, alerts} steps");
    if (list == null) {
      return null;
    }
    int before = problems.count();
    List<Escalation> steps = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String what = "escalate[" + i + "]";
      Mapping step = read.mapping(list.items().get(i), what, "a mapping with after and alerts");
      if (step == null) {
        continue;
      }
      Fields fields = Fields.of(step);
      fields.rejectUnknown(Keys.ESCALATION, problems);
      Node afterNode = fields.get("after");
      Node alertsNode = fields.get("alerts");
      if (afterNode == null) {
        read.problem(fields.at(), what + " needs after, how long an incident stays open first");
      }
      if (alertsNode == null) {
        read.problem(fields.at(), what + " needs alerts, the channels to tell");
      }
      Duration after = afterNode == null ? null : read.duration(afterNode, "after", MIN_ESCALATION);
      List<String> channels = alertsNode == null ? null : alerts(alertsNode, "alerts");
      if (alertsNode instanceof Node.Sequence names && names.items().isEmpty()) {
        read.problem(alertsNode.at(), "alerts of " + what + " must name at least one channel");
      } else if (after != null && channels != null) {
        steps.add(new Escalation(after, channels));
      }
    }
    return problems.count() > before ? null : List.copyOf(steps);
  }

  /** {@code flapping:}, a mapping of changes and within; built-in defaults for what is unset. */
  private @Nullable Flapping flapping(@Nullable Node node) {
    if (node == null) {
      return Flapping.DEFAULT;
    }
    Mapping mapping = read.mapping(node, "flapping", "a mapping with changes and within");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.FLAPPING, problems);
    Integer changes =
        optional(
            fields,
            "changes",
            Flapping.DEFAULT_CHANGES,
            n -> read.integer(n, "changes", 0, Integer.MAX_VALUE));
    Duration within =
        optional(
            fields,
            "within",
            Flapping.DEFAULT_WITHIN,
            n -> read.duration(n, "within", MIN_FLAPPING_WITHIN));
    Flapping.HoldDown holdDown =
        optional(fields, "hold-down", Flapping.HoldDown.DEFAULT, this::holdDown);
    return changes == null || within == null || holdDown == null
        ? null
        : new Flapping(changes, within, holdDown);
  }

  /** {@code hold-down:}, a duration ({@code 5m}) or a number of intervals ({@code 3x}). */
  private Flapping.@Nullable HoldDown holdDown(Node node) {
    String expected = "a duration like 5m or a number of intervals like 3x";
    Scalar s = read.scalar(node, "hold-down", expected);
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    Matcher times = INTERVALS.matcher(text);
    if (times.matches()) {
      int count = Integer.parseInt(times.group(1));
      if (count < 1 || count > MAX_HOLD_DOWN_INTERVALS) {
        read.problem(
            s.at(),
            "hold-down must be between 1x and "
                + MAX_HOLD_DOWN_INTERVALS
                + "x the interval, got "
                + Node.describe(s));
        return null;
      }
      return Flapping.HoldDown.intervals(count);
    }
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (DateTimeParseException e) {
      read.problem(s.at(), "hold-down must be " + expected + ", got " + Node.describe(s));
      return null;
    }
    if (d.compareTo(MIN_HOLD_DOWN) < 0) {
      read.problem(
          s.at(),
          "hold-down must be at least "
              + Durations.format(MIN_HOLD_DOWN)
              + ", got "
              + Node.describe(s));
      return null;
    }
    return Flapping.HoldDown.of(d);
  }

  private @Nullable List<String> distinct(@Nullable Node node, String what) {
    if (node == null) {
      return List.of();
    }
    List<Scalar> items = read.strings(node, what);
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    items.forEach(s -> out.add(s.text()));
    return List.copyOf(out);
  }

  private interface Reading<T> {
    @Nullable T apply(Node node);
  }

  private static <T> @Nullable T optional(
      Fields fields, String key, @Nullable T fallback, Reading<T> reading) {
    Node node = fields.get(key);
    return node == null ? fallback : reading.apply(node);
  }
}

package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  static final Pattern INTERVALS = Pattern.compile("(\\d{1,9})\\s*x");

  /** The monitor's name and where it is written, even when the monitor has problems. */
  record Result(@Nullable String name, @Nullable Location nameAt, @Nullable MonitorSpec spec) {}

  private final Problems problems;
  private final Read read;
  private final Overlay overlay;
  private final AlertingKeys alerting;
  private final ReasonsReader reasonsReader;
  private final MetricsReader metricsReader;
  private final QuotaKeys quotas;
  private final RevenueKeys revenues;
  private final PlacementKeys placements;
  private final PresetExpander presets;
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
    this.alerting = new AlertingKeys(read, channels);
    this.reasonsReader = new ReasonsReader(read);
    this.quotas = new QuotaKeys(read);
    this.metricsReader = new MetricsReader(read);
    this.revenues = new RevenueKeys(read);
    this.placements = new PlacementKeys(read);
    this.presets = new PresetExpander(types.presets(), read);
  }

  Result read(Node node, int index) {
    Mapping mapping =
        read.mapping(node, "monitors[" + index + "]", "a mapping with at least a name");
    if (mapping == null) {
      return new Result(null, null, null);
    }
    int before = problems.count();
    Fields written = Fields.of(mapping);
    Node nameNode = written.get("name");
    String name = nameNode == null ? null : name(nameNode);
    if (nameNode == null) {
      read.problem(written.at(), "missing \"name\": every monitor needs a unique name");
    }
    PresetExpander.Expansion expanded = presets.expand(written, types.monitorKeys());
    if (expanded == null) {
      return new Result(name, nameNode == null ? null : nameNode.at(), null);
    }
    Fields own = expanded.fields();
    own.rejectUnknown(types.monitorKeys(), problems);
    Fields fields = overlay.merge(own);
    TypeDefinition type = type(fields);
    if (type != null) {
      overlay.dropWhatDoesNotApply(type, own, fields);
    }
    String label =
        (type == null ? "" : type.name() + " ")
            + "monitor"
            + (name == null ? "" : " " + Node.quote(name));

    TypeSettings target = type == null ? null : type.read(fields, read, label);
    Duration interval;
    Duration timeout;
    List<Condition> conditions;
    Boolean degraded;
    RateLimited rateLimited;
    ReasonRules reasons;
    RateLimits limits;
    Map<String, MetricExpression> metrics = Map.of();
    Placement placement = Placement.NONE;
    if (target instanceof PushedSettings hb) {
      interval = hb.period();
      timeout = hb.grace();
      conditions =
          VolumeConditions.check(
              read,
              fields.get("conditions"),
              conditions(fields, type, judgeable(Map.of(), target)));
      degraded = DEFAULT_DEGRADED;
      rateLimited = RateLimited.DEFAULT;
      reasons = ReasonRules.NONE;
      limits = RateLimits.defaults(mapping.at());
    } else {
      limits = quotas.read(fields);
      interval =
          optional(
              fields,
              "interval",
              DEFAULT_INTERVAL,
              n -> read.duration(n, "interval", MIN_INTERVAL));
      timeout = timeout(fields, own, interval, name);
      if (timeout != null && interval != null && !fields.has("timeout") && target != null) {
        timeout = typeTimeout(type, target, interval, timeout);
      }
      metrics = metricsReader.read(fields.get("metrics"));
      conditions = conditions(fields, type, judgeable(metrics, target));
      degraded = optional(fields, "degraded", DEFAULT_DEGRADED, n -> read.bool(n, "degraded"));
      rateLimited = reasonsReader.rateLimited(fields.get("rate-limited"));
      reasons = reasonsReader.reasons(fields.get("reasons"));
      placement = placements.read(fields, own, name);
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
    List<String> alerts = alerting.alerts(fields.get("alerts"), "alerts");
    List<Escalation> escalate = alerting.escalate(fields.get("escalate"));
    Flapping flapping = alerting.flapping(fields.get("flapping"));
    List<String> tags = alerting.distinct(fields.get("tags"), "tags");
    Boolean paused = optional(fields, "paused", false, n -> read.bool(n, "paused"));
    boolean[] revenueOk = {true};
    Revenue revenue = revenues.read(fields, revenueOk);

    Location nameAt = nameNode == null ? null : nameNode.at();
    if (problems.count() > before
        || name == null
        || type == null
        || target == null
        || interval == null
        || timeout == null
        || conditions == null
        || degraded == null
        || rateLimited == null
        || reasons == null
        || failureThreshold == null
        || successThreshold == null
        || alerts == null
        || escalate == null
        || flapping == null
        || tags == null
        || paused == null
        || limits == null
        || metrics == null
        || placement == null
        || !revenueOk[0]) {
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
            rateLimited,
            reasons,
            failureThreshold,
            successThreshold,
            alerts,
            escalate,
            flapping,
            tags,
            paused,
            limits,
            source,
            mapping.at().line(),
            expanded.use(),
            metrics,
            revenue,
            placement);
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

  /** A type's own default timeout ({@link TypeDefinition#defaultTimeout}), at most the interval. */
  private static Duration typeTimeout(
      @Nullable TypeDefinition type, TypeSettings target, Duration interval, Duration usual) {
    Duration own = type == null ? null : type.defaultTimeout(target);
    if (own == null) {
      return usual;
    }
    return own.compareTo(interval) < 0 ? own : interval;
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

  /**
   * @param metrics the monitor's declared metrics, which its conditions may read; null when they
   *     had a problem (then names are not checked)
   */
  private @Nullable List<Condition> conditions(
      Fields fields, @Nullable TypeDefinition type, @Nullable Map<String, ?> metrics) {
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
        if (metrics != null && !MetricsReader.declares(read, item, parsed, metrics)) {
          continue;
        }
        conditions.add(parsed);
      } catch (ConditionSyntaxException e) {
        read.problem(item.at(e.column() - 1), String.valueOf(e.getMessage()));
      }
    }
    return conditions.size() == items.size() ? conditions : null;
  }

  /**
   * The names conditions may read as {@code [METRIC].NAME}: the declared metrics and the numbers
   * the type measures itself (a flow's named durations); null when the metrics had a problem.
   */
  private static @Nullable Map<String, ?> judgeable(
      @Nullable Map<String, MetricExpression> metrics, @Nullable TypeSettings target) {
    if (metrics == null || target == null || target.measures().isEmpty()) {
      return metrics;
    }
    Map<String, Object> all = new java.util.LinkedHashMap<>(metrics);
    target.measures().forEach(name -> all.putIfAbsent(name, name));
    return all;
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

  interface Reading<T> {
    @Nullable T apply(Node node);
  }

  static <T> @Nullable T optional(
      Fields fields, String key, @Nullable T fallback, Reading<T> reading) {
    Node node = fields.get(key);
    return node == null ? fallback : reading.apply(node);
  }
}

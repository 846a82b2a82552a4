package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.assertion.ReasonRule;
import dev.tickr.assertion.ReasonRules;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One monitor as configured: validated, with every default applied, immutable. A value: two loads
 * of the same text give equal specs. It holds no runtime state.
 *
 * @param type its type, one of those registered
 * @param settings what the type read from its own keys: what is probed
 * @param interval how often it is probed; for a pushed type (a heartbeat), its {@code period}
 * @param timeout the hard limit of one probe; for a pushed type, its {@code grace}
 * @param conditions what must hold for a probe to pass
 * @param degraded whether a probe that fails only conditions on response time or certificate expiry
 *     makes the monitor DEGRADED rather than DOWN
 * @param rateLimited what a check refused as {@code rate-limited} (429) makes of the monitor
 * @param reasons the monitor's own error messages that name a reason class ({@code reasons:}),
 *     tried before the built-in ones
 * @param alerts names of channels in {@link Config#channels()}
 * @param escalate further channels told when an incident stays open and unacknowledged
 * @param flapping when the monitor counts as flapping, which holds its alerts
 * @param limits its {@code quota:} and {@code retry-after-max}, and whether its quota stretched its
 *     {@code interval} (which is then the stretched one)
 * @param source {@code yaml} or {@code api}
 * @param line where the monitor is declared in its file (1-based), 0 when it has no file
 * @param preset the platform preset it was written with, or null: what answers and the form show of
 *     it (its settings are already the preset's, expanded)
 * @param metrics named numbers read from each answer ({@code metrics:}), in the order written
 * @param revenue what the monitor carries ({@code revenue:}), or null when it is not
 *     revenue-relevant
 * @param placement the locations it is probed from and how many must agree ({@code locations:},
 *     {@code confirm:})
 */
public record MonitorSpec(
    String name,
    TypeDefinition type,
    TypeSettings settings,
    Duration interval,
    Duration timeout,
    List<Condition> conditions,
    boolean degraded,
    RateLimited rateLimited,
    ReasonRules reasons,
    int failureThreshold,
    int successThreshold,
    List<String> alerts,
    List<Escalation> escalate,
    Flapping flapping,
    List<String> tags,
    boolean paused,
    RateLimits limits,
    String source,
    int line,
    @Nullable PresetUse preset,
    Map<String, MetricExpression> metrics,
    @Nullable Revenue revenue,
    Placement placement) {

  public static final String SOURCE_YAML = "yaml";

  /** Created through the REST API and kept in the database. */
  public static final String SOURCE_API = "api";

  /** A monitor without {@code locations:}. */
  public MonitorSpec(
      String name,
      TypeDefinition type,
      TypeSettings settings,
      Duration interval,
      Duration timeout,
      List<Condition> conditions,
      boolean degraded,
      RateLimited rateLimited,
      ReasonRules reasons,
      int failureThreshold,
      int successThreshold,
      List<String> alerts,
      List<Escalation> escalate,
      Flapping flapping,
      List<String> tags,
      boolean paused,
      RateLimits limits,
      String source,
      int line,
      @Nullable PresetUse preset,
      Map<String, MetricExpression> metrics,
      @Nullable Revenue revenue) {
    this(
        name,
        type,
        settings,
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
        line,
        preset,
        metrics,
        revenue,
        Placement.NONE);
  }

  /** A monitor without metrics. */
  public MonitorSpec(
      String name,
      TypeDefinition type,
      TypeSettings settings,
      Duration interval,
      Duration timeout,
      List<Condition> conditions,
      boolean degraded,
      RateLimited rateLimited,
      ReasonRules reasons,
      int failureThreshold,
      int successThreshold,
      List<String> alerts,
      List<Escalation> escalate,
      Flapping flapping,
      List<String> tags,
      boolean paused,
      RateLimits limits,
      String source,
      int line,
      @Nullable PresetUse preset) {
    this(
        name,
        type,
        settings,
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
        line,
        preset,
        Map.of(),
        null);
  }

  /** A monitor without {@code revenue:}. */
  public MonitorSpec(
      String name,
      TypeDefinition type,
      TypeSettings settings,
      Duration interval,
      Duration timeout,
      List<Condition> conditions,
      boolean degraded,
      RateLimited rateLimited,
      ReasonRules reasons,
      int failureThreshold,
      int successThreshold,
      List<String> alerts,
      List<Escalation> escalate,
      Flapping flapping,
      List<String> tags,
      boolean paused,
      RateLimits limits,
      String source,
      int line,
      @Nullable PresetUse preset,
      Map<String, MetricExpression> metrics) {
    this(
        name,
        type,
        settings,
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
        line,
        preset,
        metrics,
        null);
  }

  /** A monitor written without a preset. */
  public MonitorSpec(
      String name,
      TypeDefinition type,
      TypeSettings settings,
      Duration interval,
      Duration timeout,
      List<Condition> conditions,
      boolean degraded,
      RateLimited rateLimited,
      ReasonRules reasons,
      int failureThreshold,
      int successThreshold,
      List<String> alerts,
      List<Escalation> escalate,
      Flapping flapping,
      List<String> tags,
      boolean paused,
      RateLimits limits,
      String source,
      int line) {
    this(
        name,
        type,
        settings,
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
        line,
        null,
        Map.of(),
        null);
  }

  /** Whether its results are pushed to Tickr (a heartbeat's pings) rather than probed. */
  public boolean pushed() {
    return type.pushed();
  }

  public MonitorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rateLimited, "rateLimited");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(placement, "placement");
    if (type.pushed() != settings instanceof PushedSettings) {
      throw new IllegalArgumentException(
          "a " + type.name() + " monitor cannot have the settings " + settings.describe());
    }
    conditions = List.copyOf(conditions);
    alerts = List.copyOf(alerts);
    escalate = List.copyOf(escalate);
    tags = List.copyOf(tags);
    metrics =
        metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** This monitor, paused. */
  public MonitorSpec withPaused() {
    return new MonitorSpec(
        name,
        type,
        settings,
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
        true,
        limits,
        source,
        line,
        preset,
        metrics,
        revenue,
        placement);
  }

  /** This monitor at another interval, with what its quota says about it. */
  MonitorSpec withInterval(Duration at, RateLimits newLimits) {
    return new MonitorSpec(
        name,
        type,
        settings,
        at,
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
        newLimits,
        source,
        line,
        preset,
        metrics,
        revenue,
        placement);
  }

  /** The interval the config asks for, before any quota stretched it. */
  public Duration configuredInterval() {
    RateLimits.Stretch s = limits.stretch();
    return s == null ? interval : s.configured();
  }

  /**
   * A stable hash (SHA-256, hex) of everything that affects how the monitor is probed, judged and
   * alerted: all but {@code source}, {@code line} and {@code preset} (whose keys are in the
   * settings they expanded to), so moving a monitor in its file, or between the file and the API,
   * does not count as a change. Secret values go into the hash, so rotating a token counts.
   */
  public String fingerprint() {
    Fingerprint c = new Fingerprint();
    c.add(name).add(type.name());
    settings.fingerprint(c);
    c.add(interval.toString()).add(timeout.toString());
    c.add(conditions.size());
    conditions.forEach(cond -> c.add(cond.text()));
    c.add(degraded);
    c.add(rateLimited.code());
    c.add(reasons.rules().size());
    for (ReasonRule r : reasons.rules()) {
      c.add(r.reason().code()).add(r.pattern().pattern()).add(r.anyStatus());
    }
    c.add(failureThreshold).add(successThreshold);
    c.add(alerts.size());
    alerts.forEach(c::add);
    c.add(escalate.size());
    for (Escalation step : escalate) {
      c.add(step.after().toString()).add(step.alerts().size());
      step.alerts().forEach(c::add);
    }
    c.add(flapping.changes()).add(flapping.within().toString());
    c.add(flapping.holdDown().text());
    c.add(tags.size());
    tags.forEach(c::add);
    c.add(paused);
    limits.fingerprint(c);
    if (!metrics.isEmpty()) {
      c.add(metrics.size());
      metrics.forEach((n, e) -> c.add(n).add(e.text()));
    }
    if (revenue != null) {
      revenue.fingerprint(c);
    }
    if (!placement.none()) {
      placement.fingerprint(c);
    }
    return c.hash();
  }
}

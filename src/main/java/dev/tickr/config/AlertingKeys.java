package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a monitor says about who hears of it and how: {@code alerts}, {@code escalate}, {@code
 * flapping} and {@code tags}, each problem at its place.
 */
final class AlertingKeys {
  private final Read read;
  private final Collection<String> channels;

  /**
   * @param channels the names of every declared channel
   */
  AlertingKeys(Read read, Collection<String> channels) {
    this.read = read;
    this.channels = channels;
  }

  @Nullable List<String> alerts(@Nullable Node node, String what) {
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
  @Nullable List<Escalation> escalate(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    Node.Sequence list = read.sequence(node, "escalate", "a list of {after, alerts} steps");
    if (list == null) {
      return null;
    }
    int before = read.problems().count();
    List<Escalation> steps = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String what = "escalate[" + i + "]";
      Mapping step = read.mapping(list.items().get(i), what, "a mapping with after and alerts");
      if (step == null) {
        continue;
      }
      Fields fields = Fields.of(step);
      fields.rejectUnknown(Keys.ESCALATION, read);
      Node afterNode = fields.get("after");
      Node alertsNode = fields.get("alerts");
      if (afterNode == null) {
        read.problem(fields.at(), what + " needs after, how long an incident stays open first");
      }
      if (alertsNode == null) {
        read.problem(fields.at(), what + " needs alerts, the channels to tell");
      }
      Duration after =
          afterNode == null
              ? null
              : read.duration(afterNode, "after", MonitorReader.MIN_ESCALATION);
      List<String> channels = alertsNode == null ? null : alerts(alertsNode, "alerts");
      if (alertsNode instanceof Node.Sequence names && names.items().isEmpty()) {
        read.problem(alertsNode.at(), "alerts of " + what + " must name at least one channel");
      } else if (after != null && channels != null) {
        steps.add(new Escalation(after, channels));
      }
    }
    return read.problems().count() > before ? null : List.copyOf(steps);
  }

  /** {@code flapping:}, a mapping of changes and within; built-in defaults for what is unset. */
  @Nullable Flapping flapping(@Nullable Node node) {
    if (node == null) {
      return Flapping.DEFAULT;
    }
    Mapping mapping = read.mapping(node, "flapping", "a mapping with changes and within");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.FLAPPING, read);
    Integer changes =
        MonitorReader.optional(
            fields,
            "changes",
            Flapping.DEFAULT_CHANGES,
            n -> read.integer(n, "changes", 0, Integer.MAX_VALUE));
    Duration within =
        MonitorReader.optional(
            fields,
            "within",
            Flapping.DEFAULT_WITHIN,
            n -> read.duration(n, "within", MonitorReader.MIN_FLAPPING_WITHIN));
    Flapping.HoldDown holdDown =
        MonitorReader.optional(fields, "hold-down", Flapping.HoldDown.DEFAULT, this::holdDown);
    return changes == null || within == null || holdDown == null
        ? null
        : new Flapping(changes, within, holdDown);
  }

  /** {@code hold-down:}, a duration ({@code 5m}) or a number of intervals ({@code 3x}). */
  Flapping.@Nullable HoldDown holdDown(Node node) {
    String expected = "a duration like 5m or a number of intervals like 3x";
    Scalar s = read.scalar(node, "hold-down", expected);
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    Matcher times = MonitorReader.INTERVALS.matcher(text);
    if (times.matches()) {
      int count = Integer.parseInt(times.group(1));
      if (count < 1 || count > MonitorReader.MAX_HOLD_DOWN_INTERVALS) {
        read.problem(
            s.at(),
            "hold-down must be between 1x and "
                + MonitorReader.MAX_HOLD_DOWN_INTERVALS
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
    if (d.compareTo(MonitorReader.MIN_HOLD_DOWN) < 0) {
      read.problem(
          s.at(),
          "hold-down must be at least "
              + Durations.format(MonitorReader.MIN_HOLD_DOWN)
              + ", got "
              + Node.describe(s));
      return null;
    }
    return Flapping.HoldDown.of(d);
  }

  @Nullable List<String> distinct(@Nullable Node node, String what) {
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
}

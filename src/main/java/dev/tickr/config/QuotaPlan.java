package dev.tickr.config;

import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the monitors that share a {@code quota:} within it: when their intervals would make more
 * checks per window than {@code share × limit}, every one of them is stretched by the same factor
 * (rounded up to whole seconds), so that in any window of {@code per} they start at most that many
 * checks. A pure function of the monitors, run on every load; a stretch is a warning, not an error.
 *
 * <p>A monitor runs on a fixed grid of its interval, so in any window of length {@code per} it
 * starts at most {@code ceil(per / interval)} checks; the plan holds the sum of those to the
 * budget.
 */
public final class QuotaPlan {
  private static final double STEP = 1.01;

  private QuotaPlan() {}

  /**
   * The monitors, each key's quota resolved from the monitor that gives its limit and each interval
   * stretched where the key's budget calls for it; conflicting or too small budgets are reported.
   */
  static List<MonitorSpec> apply(List<MonitorSpec> monitors, Read read) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < monitors.size(); i++) {
      MonitorSpec m = monitors.get(i);
      Quota q = m.limits().quota();
      if (q.limited()) {
        String key = q.key();
        groups.computeIfAbsent(key == null ? "\0" + m.name() : key, k -> new ArrayList<>()).add(i);
      }
    }
    if (groups.isEmpty()) {
      return monitors;
    }
    List<MonitorSpec> out = new ArrayList<>(monitors);
    for (List<Integer> group : groups.values()) {
      plan(out, group, read);
    }
    return List.copyOf(out);
  }

  /** {@link #apply} without reporting: for monitors already checked (the API's, added later). */
  public static List<MonitorSpec> replan(List<MonitorSpec> monitors) {
    return apply(monitors, new Read(new Problems()));
  }

  private static void plan(List<MonitorSpec> all, List<Integer> group, Read read) {
    Quota definition = definition(all, group, read);
    if (definition == null) {
      return;
    }
    List<Integer> running = new ArrayList<>();
    for (int i : group) {
      MonitorSpec m = all.get(i);
      Quota resolved = m.limits().quota().as(definition);
      RateLimits limits = new RateLimits(resolved, m.limits().retryAfterMax(), null);
      all.set(i, m.withInterval(m.configuredInterval(), limits));
      if (!m.paused()) {
        running.add(i);
      }
    }
    int budget = definition.budget();
    String name = definition.name(all.get(group.get(0)).name());
    if (running.size() > budget) {
      read.problem(
          definition.at(),
          "quota "
              + name
              + " allows "
              + budget
              + (budget == 1 ? " check per " : " checks per ")
              + Durations.format(definition.per())
              + " (its share of "
              + definition.rate()
              + "), fewer than the "
              + running.size()
              + " monitors that share it; each needs at least one");
    }
    long demand = demand(all, running, definition.per(), 1.0);
    if (demand <= budget) {
      return;
    }
    double factor = factor(all, running, definition.per(), budget);
    for (int i : running) {
      MonitorSpec m = all.get(i);
      Duration stretched = stretch(m.interval(), factor);
      RateLimits.Stretch s =
          new RateLimits.Stretch(m.interval(), stretched, name, m.limits().quota(), demand);
      all.set(i, m.withInterval(stretched, m.limits().withStretch(s)));
    }
  }

  /** The quota that gives the key's limit; every other that gives one must agree. */
  private static @Nullable Quota definition(List<MonitorSpec> all, List<Integer> group, Read read) {
    Quota definition = null;
    for (int i : group) {
      Quota q = all.get(i).limits().quota();
      if (q.limit() == 0) {
        continue;
      }
      if (definition == null) {
        definition = q;
      } else if (q.limit() != definition.limit()
          || !q.per().equals(definition.per())
          || q.share() != definition.share()) {
        read.problem(
            q.at(),
            "quota key "
                + Node.quote(String.valueOf(q.key()))
                + " is "
                + describe(q)
                + " here but "
                + describe(definition)
                + " at line "
                + definition.at().line()
                + "; give one limit, per and share for a key");
        return null;
      }
    }
    if (definition == null) {
      Quota first = all.get(group.get(0)).limits().quota();
      read.problem(
          first.at(),
          "quota key "
              + Node.quote(String.valueOf(first.key()))
              + " has no limit: give limit and per on one of the monitors that share it");
    }
    return definition;
  }

  private static String describe(Quota q) {
    return q.rate() + " with share " + percent(q.share());
  }

  /** {@code 10%}, {@code 12.5%}. */
  static String percent(double fraction) {
    String text =
        java.math.BigDecimal.valueOf(Math.round(fraction * 10_000), 2)
            .stripTrailingZeros()
            .toPlainString();
    return text + "%";
  }

  /** The smallest factor (in steps of 1%) that brings the checks per window within the budget. */
  private static double factor(List<MonitorSpec> all, List<Integer> running, Duration per, int b) {
    double perWindow = 0;
    long shortest = Long.MAX_VALUE;
    for (int i : running) {
      long interval = all.get(i).interval().toMillis();
      perWindow += (double) per.toMillis() / interval;
      shortest = Math.min(shortest, interval);
    }
    // From this factor on every monitor runs at most once per window: more cannot help.
    double enough = Math.max(1.0, (double) per.toMillis() / shortest);
    double factor = Math.min(enough, Math.max(1.0, perWindow / Math.max(1, b)));
    while (factor < enough && demand(all, running, per, factor) > b) {
      factor = Math.min(enough, factor * STEP);
    }
    return factor;
  }

  /** Checks the monitors start at most in one window, their intervals times {@code factor}. */
  private static long demand(List<MonitorSpec> all, List<Integer> running, Duration per, double f) {
    long total = 0;
    long window = per.toMillis();
    for (int i : running) {
      long interval = stretch(all.get(i).interval(), f).toMillis();
      total += (window + interval - 1) / interval;
    }
    return total;
  }

  private static Duration stretch(Duration interval, double factor) {
    if (factor == 1.0) {
      return interval;
    }
    long seconds = (long) Math.ceil(interval.toMillis() * factor / 1000.0);
    Duration out = Duration.ofSeconds(seconds);
    return out.compareTo(interval) < 0 ? interval : out;
  }

  /** Each stretched monitor's warning, at its {@code quota:}. */
  public static List<Problem> warnings(List<MonitorSpec> monitors) {
    List<Problem> out = new ArrayList<>();
    for (MonitorSpec m : monitors) {
      RateLimits.Stretch s = m.limits().stretch();
      if (s != null) {
        out.add(m.limits().quota().at().problem(warning(m.name(), s)));
      }
    }
    return out;
  }

  /** {@code monitor "a": interval stretched from 1m to 7m12s by quota k (50 of 500/1h): ...}. */
  public static String warning(String monitor, RateLimits.Stretch s) {
    return "monitor "
        + Node.quote(monitor)
        + ": "
        + s.text()
        + "; at their configured intervals its monitors would make "
        + s.demand()
        + " checks per "
        + Durations.format(s.quota().per());
  }
}

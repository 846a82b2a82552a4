package dev.tickr.assertion;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The operands that read declared metrics: {@code [METRIC].name}, {@code age([METRIC].name)},
 * {@code baseline(name, 4w)}, the look-backs {@code avg|min|max|sum|count(name, 1h)}, and a factor
 * before any of them ({@code 0.3 * baseline(name, 4w)}). Parsed by {@link MetricSyntax}.
 */
final class MetricOperands {
  private MetricOperands() {}

  /**
   * The metrics {@code operand} reads, each with where it is written (0-based), into {@code out}.
   */
  static void names(Right operand, java.util.Map<String, Integer> out) {
    switch (operand) {
      case Ref r -> out.putIfAbsent(r.name(), r.at());
      case Age a -> out.putIfAbsent(a.name(), a.at());
      case Baseline b -> out.putIfAbsent(b.name(), b.at());
      case LookBack l -> out.putIfAbsent(l.name(), l.at());
      case Scaled s -> names(s.inner(), out);
      default -> {}
    }
  }

  static Value.Num number(double v) {
    BigDecimal d = BigDecimal.valueOf(v);
    String text =
        v == Math.rint(v) && Math.abs(v) < 1e15
            ? Long.toString((long) v)
            : d.round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    return new Value.Num(d, text);
  }

  /** {@code [METRIC].name}: the value extracted this time. */
  record Ref(String name, int at) implements Operand.Extended {
    @Override
    public Value resolve(EvaluationContext ctx) {
      Value v = ctx.metrics().metric(name);
      if (v.resolved()) {
        ctx.metrics().say(name + " " + v.display());
      }
      return v;
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      subjects.add(Subject.METRIC);
    }
  }

  /**
   * {@code age([METRIC].name)}: how long ago the timestamp (epoch seconds) the metric holds was.
   */
  record Age(String name, int at) implements Operand.Extended {
    @Override
    public Value resolve(EvaluationContext ctx) {
      Double v = ctx.metrics().value(name);
      if (v == null) {
        return ctx.metrics().metric(name);
      }
      Instant then = Instant.ofEpochMilli(Math.round(v * 1000));
      Duration age = Duration.between(then, ctx.now());
      ctx.metrics().say(name + " is " + DurationText.format(age) + " old (" + then + ")");
      return new Value.Dur(age, null);
    }

    @Override
    public Kind kind() {
      return Kind.DURATION;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      subjects.add(Subject.METRIC);
      subjects.add(Subject.FRESHNESS);
    }
  }

  /** {@code baseline(name, Nw)}: see {@link Baselines#weekly}. */
  record Baseline(String name, int weeks, int at) implements Operand.Extended {
    @Override
    public Value resolve(EvaluationContext ctx) {
      MetricScope scope = ctx.metrics();
      Baselines.Weekly b =
          Baselines.weekly(scope.history(), scope.monitor(), name, ctx.now(), weeks);
      Double median = b.median();
      if (median == null) {
        String why =
            "not judged yet: baseline("
                + name
                + ", "
                + weeks
                + "w) has "
                + b.weeksWithData()
                + " of the "
                + b.needed()
                + " weeks of history it needs at "
                + b.usualFor();
        scope.undecided(why);
        return new Value.Missing(why);
      }
      Value.Num n = number(median);
      scope.say(
          "usual for "
              + b.usualFor()
              + ": "
              + n.display()
              + " ("
              + b.weeksWithData()
              + (b.weeksWithData() == 1 ? " week)" : " weeks)"));
      return n;
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      subjects.add(Subject.VOLUME);
    }
  }

  /** The functions of a look-back over a metric's recent values. */
  enum Over {
    AVG,
    MIN,
    MAX,
    SUM,
    COUNT;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * {@code avg(name, 1h)} and the like: the metric's values in the last {@code window}, this one
   * included.
   */
  record LookBack(Over function, String name, Duration window, String windowText, int at)
      implements Operand.Extended {
    @Override
    public Value resolve(EvaluationContext ctx) {
      MetricScope scope = ctx.metrics();
      Instant now = ctx.now();
      MetricHistory.Summary s =
          scope.history().summary(scope.monitor(), name, now.minus(window), now);
      Double current = scope.value(name);
      if (current != null) {
        s = s.plus(MetricHistory.Summary.of(current));
      }
      String label = function.code() + "(" + name + ", " + windowText + ")";
      if (s.count() == 0 && function != Over.COUNT && function != Over.SUM) {
        return new Value.Missing("no values of " + name + " in the last " + windowText);
      }
      double v =
          switch (function) {
            case AVG -> s.mean();
            case MIN -> s.min();
            case MAX -> s.max();
            case SUM -> s.sum();
            case COUNT -> s.count();
          };
      Value.Num n = number(v);
      scope.say(label + " " + n.display() + " (" + s.count() + " values)");
      return n;
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      subjects.add(Subject.VOLUME);
    }
  }

  /** {@code 0.3 * X}. */
  record Scaled(BigDecimal factor, Operand inner, int at) implements Operand.Extended {
    @Override
    public Value resolve(EvaluationContext ctx) {
      Value v = inner.resolve(ctx);
      BigDecimal n = v.typedNumber();
      if (!v.resolved() || n == null) {
        return v;
      }
      return number(factor.multiply(n).doubleValue());
    }

    @Override
    public Kind kind() {
      return inner.kind();
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      inner.addSubjects(subjects);
    }
  }
}

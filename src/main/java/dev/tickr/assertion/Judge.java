package dev.tickr.assertion;

import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Judges an observation against conditions: each condition's outcome, whether the check succeeded
 * and, when it did not, the reason class and one phrase saying why. A table of known error messages
 * ({@link ReasonRules}) names the reason of an answer it recognises, and fails an answer that says
 * it was refused even when every condition held. Pure apart from reading the clock once per
 * judging; thread-safe.
 */
public final class Judge {
  private final Clock clock;
  private final ReasonRules builtIn;

  /** A judge that knows no error messages. */
  public Judge(Clock clock) {
    this(clock, ReasonRules.NONE);
  }

  /**
   * @param builtIn the error messages every monitor recognises, after its own
   */
  public Judge(Clock clock, ReasonRules builtIn) {
    this.clock = clock;
    this.builtIn = builtIn;
  }

  public CheckResult judge(Observation observation, List<Condition> conditions) {
    return judge(observation, conditions, ReasonRules.NONE);
  }

  /**
   * @param own the monitor's own error messages ({@code reasons:}), tried before the built-in ones
   */
  public CheckResult judge(Observation observation, List<Condition> conditions, ReasonRules own) {
    return judge(observation, conditions, own, MetricPlan.NONE);
  }

  /**
   * @param metrics the monitor's declared metrics and their history; {@link MetricPlan#NONE} for a
   *     monitor without
   */
  public CheckResult judge(
      Observation observation, List<Condition> conditions, ReasonRules own, MetricPlan metrics) {
    EvaluationContext ctx = new EvaluationContext(observation, clock.instant());
    Map<String, Double> values = Map.of();
    List<String> notes = List.of();
    if (!metrics.empty()) {
      values = new LinkedHashMap<>();
      notes = new ArrayList<>();
      MetricReading.read(metrics, ctx, values, notes);
    }
    List<ConditionResult> results = new ArrayList<>(conditions.size());
    List<Failed> failed = new ArrayList<>();
    for (Condition condition : conditions) {
      boolean onMetrics = onMetrics(condition);
      if (onMetrics) {
        ctx.metrics().begin();
      }
      Condition.Verdict verdict = condition.evaluate(ctx);
      String undecided = onMetrics ? ctx.metrics().undecided() : null;
      if (undecided != null) {
        if (notes.isEmpty()) {
          notes = new ArrayList<>();
        }
        notes.add(condition.text() + ": " + undecided);
        results.add(new ConditionResult(condition.text(), true, undecided));
        continue;
      }
      ConditionResult result =
          new ConditionResult(condition.text(), verdict.success(), verdict.actual());
      results.add(result);
      if (!verdict.success()) {
        String said = onMetrics ? ctx.metrics().said() : "";
        failed.add(new Failed(condition, result, verdict.resolved(), said));
      }
    }
    return verdict(observation, own, results, failed, values, notes);
  }

  private static boolean onMetrics(Condition condition) {
    return condition.subjects().contains(Subject.METRIC)
        || condition.subjects().contains(Subject.VOLUME);
  }

  private CheckResult verdict(
      Observation observation,
      ReasonRules own,
      List<ConditionResult> results,
      List<Failed> failed,
      Map<String, Double> metrics,
      List<String> notes) {
    Failure failure = observation.failure();
    if (failure != null) {
      return new CheckResult(
          observation, results, false, failure.reason(), failure.message(), metrics, notes);
    }
    ReasonRules.Match match = own.then(builtIn).find(observation);
    if (failed.isEmpty() && (match == null || !match.rule().anyStatus())) {
      return new CheckResult(observation, results, true, null, null, metrics, notes);
    }
    Integer status = observation.status();
    Reason reason;
    String error;
    if (match != null) {
      reason = match.rule().reason();
      Reason byStatus = status == null ? null : byStatus(status);
      if (reason == Reason.BODY_ERROR && byStatus != null && byStatus != Reason.HTTP_STATUS) {
        // A platform's error body also comes with its 401, 403 and 429: those say more.
        reason = byStatus;
      }
      error = "the body reads " + quote(match.quoted());
      if (!failed.isEmpty()) {
        error += "; " + error(failed);
      }
    } else {
      reason = reason(status, failed);
      error = error(failed);
    }
    if (status != null) {
      String phrase = refusal(status);
      if (phrase != null) {
        error = "HTTP " + status + " " + phrase + ": " + error;
      } else if (match != null) {
        error = "HTTP " + status + ": " + error;
      }
    }
    if (reason == Reason.RATE_LIMITED) {
      error += RateLimitHeaders.describe(observation.headers());
    }
    return new CheckResult(observation, results, false, reason, error, metrics, notes);
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /**
   * @param said the figures a metric condition gave for its message, or empty
   */
  private record Failed(
      Condition condition, ConditionResult result, boolean resolved, String said) {}

  private static @Nullable Reason byStatus(int status) {
    return switch (status) {
      case 401 -> Reason.AUTH_REJECTED;
      case 403 -> Reason.ACCESS_DENIED;
      case 429 -> Reason.RATE_LIMITED;
      default -> status >= 400 ? Reason.HTTP_STATUS : null;
    };
  }

  /**
   * The status says most; then what the failed conditions looked at. A failed {@code age()} means
   * stale data only when the timestamp was there to read: a missing or unreadable one is a body (or
   * header) problem, classified by what it looked at.
   */
  private static Reason reason(@Nullable Integer status, List<Failed> failed) {
    if (status != null) {
      Reason byStatus = byStatus(status);
      if (byStatus != null) {
        return byStatus;
      }
    }
    if (failed.stream()
        .anyMatch(f -> f.resolved() && f.condition().subjects().contains(Subject.FRESHNESS))) {
      return Reason.STALE_DATA;
    }
    if (failed.stream()
        .anyMatch(f -> f.resolved() && f.condition().subjects().contains(Subject.VOLUME))) {
      return Reason.VOLUME_ANOMALY;
    }
    if (failed.stream().anyMatch(f -> f.condition().subjects().contains(Subject.BODY))) {
      return Reason.BODY_ERROR;
    }
    if (failed.stream().anyMatch(f -> f.condition().subjects().contains(Subject.STATUS))) {
      return Reason.HTTP_STATUS;
    }
    return Reason.CONDITION;
  }

  private static String error(List<Failed> failed) {
    Failed top =
        failed.stream()
            .filter(f -> f.resolved() && !f.said().isEmpty())
            .findFirst()
            .orElse(failed.get(0));
    ConditionResult first = top.result();
    String error =
        top.said().isEmpty() || !top.resolved()
            ? "condition failed: " + first.condition() + " (actual " + first.actual() + ")"
            : top.said() + " (condition " + first.condition() + ")";
    return failed.size() == 1 ? error : error + " (+" + (failed.size() - 1) + " more)";
  }

  private static @Nullable String refusal(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 429 -> "Too Many Requests";
      default -> null;
    };
  }
}

package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionResult;
import dev.tickr.assertion.Subject;
import dev.tickr.check.Header;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reduces a judged check to the outcome the state machine needs. */
final class Judgement {
  /** Conditions whose failure alone means DEGRADED rather than DOWN. */
  private static final Set<Subject> SOFT = EnumSet.of(Subject.RESPONSE_TIME, Subject.CERTIFICATE);

  private Judgement() {}

  /**
   * @param conditions the conditions {@code result} was judged against, in the same order
   * @param degraded whether a check that fails only conditions on response time or certificate
   *     expiry is DEGRADED; when {@code false} it is FAILED like any other
   */
  static Verdict verdict(CheckResult result, List<Condition> conditions, boolean degraded) {
    if (result.success()) {
      return Verdict.OK;
    }
    if (!degraded || result.observation().failure() != null) {
      return Verdict.FAILED;
    }
    List<ConditionResult> outcomes = result.conditions();
    for (int i = 0; i < outcomes.size() && i < conditions.size(); i++) {
      if (!outcomes.get(i).success() && !SOFT.containsAll(conditions.get(i).subjects())) {
        return Verdict.FAILED;
      }
    }
    return Verdict.DEGRADED;
  }

  static Outcome outcome(Instant at, CheckResult result, Verdict verdict) {
    if (verdict == Verdict.OK) {
      return Outcome.ok(at);
    }
    return new Outcome(
        at, verdict, result.reason(), result.error(), evidence(result.observation()));
  }

  /** Status, headers with secret-bearing ones masked, and the first KB of the body. */
  static Evidence evidence(Observation o) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Header h : o.headers().all()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      boolean secret =
          name.equals("set-cookie") || name.equals("cookie") || Redaction.isSecretName(name);
      headers.add(
          new AbstractMap.SimpleImmutableEntry<>(h.name(), secret ? Redaction.MASK : h.value()));
    }
    String body = o.body().text();
    if (body.length() > Evidence.BODY_LIMIT) {
      body = body.substring(0, Evidence.BODY_LIMIT);
    }
    return new Evidence(o.status(), headers, body);
  }
}

package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionResult;
import dev.tickr.assertion.Subject;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.RateLimited;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
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
    return verdict(result, conditions, degraded, RateLimited.DOWN);
  }

  /**
   * @param conditions the conditions {@code result} was judged against, in the same order
   * @param degraded whether a check that fails only conditions on response time or certificate
   *     expiry is DEGRADED; when {@code false} it is FAILED like any other
   * @param rateLimited what a check refused as {@code rate-limited} is: DEGRADED or FAILED
   */
  static Verdict verdict(
      CheckResult result, List<Condition> conditions, boolean degraded, RateLimited rateLimited) {
    if (result.success()) {
      return Verdict.OK;
    }
    if (result.observation().failure() != null) {
      return Verdict.FAILED;
    }
    if (result.reason() == Reason.RATE_LIMITED) {
      return rateLimited == RateLimited.DEGRADED ? Verdict.DEGRADED : Verdict.FAILED;
    }
    if (!degraded) {
      return Verdict.FAILED;
    }
    boolean anyFailed = false;
    List<ConditionResult> outcomes = result.conditions();
    for (int i = 0; i < outcomes.size() && i < conditions.size(); i++) {
      if (!outcomes.get(i).success()) {
        Set<Subject> subjects = conditions.get(i).subjects();
        // A condition of two literals looks at nothing: it is not a soft one.
        if (subjects.isEmpty() || !SOFT.containsAll(subjects)) {
          return Verdict.FAILED;
        }
        anyFailed = true;
      }
    }
    // No failed condition: the body said the check was refused (a recognised error message).
    return anyFailed ? Verdict.DEGRADED : Verdict.FAILED;
  }

  /** The verdict on a check of this monitor, by its {@code degraded} and {@code rate-limited}. */
  static Verdict verdict(CheckResult result, MonitorSpec spec) {
    return verdict(result, spec.conditions(), spec.degraded(), spec.rateLimited());
  }

  /** Stalls shorter than this cannot have made a check miss its time. */
  static final Duration NEGLIGIBLE_STALL = Duration.ofMillis(100);

  /**
   * Whether Tickr's own stall during a failed check explains the failure: the check timed out and
   * Tickr could not run for at least a fifth of the timeout, or only response-time conditions
   * failed and Tickr stalled noticeably. Other failures (a refused connection, a 500, a bad
   * certificate) are the target's whatever Tickr's load.
   */
  static boolean explainedByStall(
      CheckResult result, List<Condition> conditions, Duration timeout, Duration stall) {
    if (result.success() || stall.compareTo(NEGLIGIBLE_STALL) < 0) {
      return false;
    }
    Failure failure = result.observation().failure();
    if (failure != null) {
      return failure.reason() == Reason.TIMEOUT && stall.compareTo(timeout.dividedBy(5)) >= 0;
    }
    List<ConditionResult> outcomes = result.conditions();
    boolean any = false;
    for (int i = 0; i < outcomes.size() && i < conditions.size(); i++) {
      if (!outcomes.get(i).success()) {
        if (!conditions.get(i).subjects().equals(Set.of(Subject.RESPONSE_TIME))) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** The outcome of a check not counted because Tickr stalled during it. */
  static Outcome inconclusive(Instant at, CheckResult result, Duration stall) {
    return new Outcome(
        at,
        Verdict.INCONCLUSIVE,
        Reason.INTERNAL,
        "not counted: Tickr itself could not run for "
            + Durations.format(stall)
            + " during the check ("
            + result.error()
            + ")",
        Evidence.NONE);
  }

  /** Failures that say a target could not be reached, which Tickr's own link may explain. */
  private static final Set<Reason> UNREACHED =
      EnumSet.of(Reason.DNS, Reason.CONNECT, Reason.TLS, Reason.TIMEOUT);

  /** Whether the check failed to reach its target (dns, connect, tls, timeout). */
  static boolean unreached(CheckResult result) {
    Failure failure = result.observation().failure();
    return failure != null && UNREACHED.contains(failure.reason());
  }

  /** Starts the detail of every check not counted because Tickr's own link was lost. */
  static final String OFFLINE = "not counted: Tickr lost its own connectivity";

  /**
   * The outcome of a check not counted because Tickr's own link was lost: inconclusive, with the
   * check's own reason class and error after {@link #OFFLINE}.
   */
  static Outcome offline(Instant at, CheckResult result) {
    return new Outcome(
        at,
        Verdict.INCONCLUSIVE,
        result.reason(),
        OFFLINE + " (" + result.error() + ")",
        Evidence.NONE);
  }

  /**
   * The outcome of a judged check; a failure's detail and evidence with every value of {@code
   * secrets} masked ({@link #scrubbed}, {@link #evidence}).
   */
  static Outcome outcome(
      Instant at, CheckResult result, Verdict verdict, Collection<String> secrets) {
    if (verdict == Verdict.OK) {
      return Outcome.ok(at);
    }
    String detail = result.error();
    return new Outcome(
        at,
        verdict,
        result.reason(),
        detail == null ? null : Redaction.scrubShortened(detail, secrets),
        evidence(result.observation(), secrets));
  }

  /**
   * The outcome with every value of {@code secrets}, and secret query values of URLs, masked in its
   * detail and evidence: a target may echo the token it was sent in an error page.
   */
  static Outcome scrubbed(Outcome o, Collection<String> secrets) {
    return new Outcome(
        o.at(),
        o.verdict(),
        o.reason(),
        o.detail() == null ? null : Redaction.scrubShortened(o.detail(), secrets),
        scrubbed(o.evidence(), secrets));
  }

  /**
   * The evidence with every value of {@code secrets} masked in its headers and body. Its body is
   * taken as it is: one that Tickr cut is made by {@link #evidence} or {@link #cutBody}.
   */
  static Evidence scrubbed(Evidence e, Collection<String> secrets) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : e.headers()) {
      headers.add(
          new AbstractMap.SimpleImmutableEntry<>(
              h.getKey(), Redaction.scrub(h.getValue(), secrets)));
    }
    return new Evidence(e.status(), headers, Redaction.scrub(e.bodyStart(), secrets));
  }

  /**
   * Status, headers with secret-bearing ones masked, and the first KB of the body, every value of
   * {@code secrets} masked. The body is masked before it is cut to its first KB, and when Tickr
   * read no further than its cap its end is masked whatever it is ({@link Redaction#scrubStart}).
   */
  static Evidence evidence(Observation o, Collection<String> secrets) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Header h : o.headers().all()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      boolean secret =
          name.equals("set-cookie") || name.equals("cookie") || Redaction.isSecretName(name);
      headers.add(
          new AbstractMap.SimpleImmutableEntry<>(
              h.name(), secret ? Redaction.MASK : Redaction.scrub(h.value(), secrets)));
    }
    String body =
        Redaction.scrubStart(o.body().text(), o.body().truncated(), Evidence.BODY_LIMIT, secrets);
    return new Evidence(o.status(), headers, body);
  }

  /**
   * A body Tickr kept only the start of (a ping's first bytes), as evidence: every value of {@code
   * secrets} masked, and when it was cut its end masked whatever it is.
   */
  static String cutBody(String body, boolean cut, Collection<String> secrets) {
    return cut ? Redaction.scrubCut(body, secrets) : Redaction.scrub(body, secrets);
  }
}

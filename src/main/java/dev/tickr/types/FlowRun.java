package dev.tickr.types;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Extractor;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Body;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.check.RequestTemplate;
import dev.tickr.check.StepResult;
import dev.tickr.check.StepResult.Status;
import dev.tickr.check.Timings;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.template.RenderContext;
import dev.tickr.time.Durations;
import dev.tickr.time.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One run of a flow: its steps in order, each request sent by the http check and its answer judged
 * by its own conditions, values extracted for the next steps, polling steps repeated until they
 * pass or their {@code within} is over. After a failure only {@code always} steps run. Generated
 * values ({@code {{uuid}}}, {@code {{now}}}, {@code {{random:N}}}) are fixed for the whole run.
 */
final class FlowRun {
  /** The most one request of a step may take, within the flow's own deadline. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A hard bound on the attempts of one polling step, beside its time bound. */
  private static final int MAX_ATTEMPTS = 100_000;

  /** How a polling step waits between attempts (see {@link FlowType.Pause}). */
  private final FlowType.Pause pause;

  private final HttpCheck http;
  private final Judge judge;
  private final Ticker ticker;
  private final RandomGenerator random;

  /**
   * Secrets known only while running: values put in secret headers ({@code Authorization: Bearer
   * {{TOKEN}}}) and values extracted from secret response headers, masked in the steps' texts.
   */
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  FlowRun(
      HttpCheck http, Judge judge, Ticker ticker, RandomGenerator random, FlowType.Pause pause) {
    this.http = http;
    this.judge = judge;
    this.ticker = ticker;
    this.random = random;
    this.pause = pause;
  }

  /**
   * What became of one step.
   *
   * @param startedAt when its first request went out, in ticker nanoseconds ({@code -1} when it did
   *     not run)
   * @param passedAt when its conditions held, in ticker nanoseconds ({@code -1} unless it passed)
   */
  record StepOutcome(
      String name,
      Status status,
      int attempts,
      Duration took,
      @Nullable CheckResult result,
      @Nullable Reason reason,
      @Nullable String error,
      long startedAt,
      long passedAt) {

    static StepOutcome skipped(String name, @Nullable String why) {
      return new StepOutcome(name, Status.SKIPPED, 0, Duration.ZERO, null, null, why, -1, -1);
    }

    /** As plain data: its conditions against its last answer. */
    StepResult toStepResult() {
      CheckResult judged = result;
      List<StepResult.ConditionOutcome> conditions =
          judged == null
              ? List.of()
              : judged.conditions().stream()
                  .map(c -> new StepResult.ConditionOutcome(c.condition(), c.success(), c.actual()))
                  .toList();
      return new StepResult(name, status, attempts, took, reason, error, conditions);
    }
  }

  /** The observation of the whole run (its steps and measures in it) and each step's outcome. */
  record Outcome(Observation observation, List<StepOutcome> steps) {}

  Outcome run(List<FlowStep> steps, List<FlowDuration> durations, Deadline deadline) {
    long start = ticker.nanos();
    Instant now = http.clock().instant();
    Map<String, String> variables = new HashMap<>();
    Map<String, String> fixed = new ConcurrentHashMap<>();
    List<StepOutcome> outcomes = new ArrayList<>();
    Map<String, Long> started = new HashMap<>();
    Map<String, Long> passed = new HashMap<>();
    StepOutcome failed = null;
    Observation failedObservation = null;
    Observation last = null;
    for (FlowStep step : steps) {
      if (failed != null && !step.always()) {
        outcomes.add(StepOutcome.skipped(step.name(), null));
        continue;
      }
      RenderContext context = new RenderContext(now, random, variables, fixed);
      StepOutcome outcome = step(step, context, variables, deadline);
      outcomes.add(outcome);
      if (outcome.startedAt() >= 0) {
        started.put(step.name(), outcome.startedAt());
      }
      if (outcome.passedAt() >= 0) {
        passed.put(step.name(), outcome.passedAt());
      }
      CheckResult result = outcome.result();
      if (result != null) {
        last = result.observation();
      }
      if (outcome.status() == Status.FAILED && failed == null) {
        failed = outcome;
        failedObservation = result == null ? null : result.observation();
      }
    }
    Duration took = ticker.since(start);
    List<StepResult> results =
        outcomes.stream()
            .map(o -> o.toStepResult().masked(t -> Redaction.scrubShortened(t, secrets)))
            .toList();
    Map<String, Double> measures = FlowDuration.measure(durations, started, passed);
    Observation base = failedObservation != null ? failedObservation : last;
    Failure failure =
        failed == null
            ? null
            : new Failure(
                failed.reason() == null ? Reason.INTERNAL : failed.reason(),
                Redaction.scrubShortened(String.valueOf(failed.error()), secrets));
    if (base == null) { // the first step could not even be sent
      return new Outcome(
          new Observation(
              steps.get(0).target().url(),
              false,
              null,
              null,
              null,
              Headers.NONE,
              Body.EMPTY,
              Timings.totalOnly(took),
              null,
              null,
              List.of(),
              failure == null ? new Failure(Reason.INTERNAL, "no step ran") : failure,
              List.of(),
              results,
              measures),
          outcomes);
    }
    return new Outcome(
        new Observation(
            base.url(),
            base.connected(),
            base.status(),
            base.statusText(),
            base.protocol(),
            masked(base.headers()),
            masked(base.body()),
            Timings.totalOnly(took),
            base.tls(),
            base.ip(),
            base.redirects(),
            failure,
            base.hops(),
            results,
            measures),
        outcomes);
  }

  private StepOutcome step(
      FlowStep step, RenderContext context, Map<String, String> variables, Deadline deadline) {
    long start = ticker.nanos();
    HttpTarget sent;
    try {
      RequestTemplate template = step.target().template();
      sent = template == null ? step.target() : template.render(step.target(), context);
      if (template != null) {
        secrets.addAll(Redaction.secretsOf(sent));
      }
    } catch (IllegalStateException e) { // an always step after a failure that left a value unset
      return StepOutcome.skipped(
          step.name(),
          "not sent: " + e.getMessage() + " (an earlier step failed before extracting it)");
    }
    FlowStep.Poll poll = step.poll();
    int attempts = 0;
    while (true) {
      attempts++;
      Duration budget = min(deadline.remaining(), REQUEST_TIMEOUT);
      CheckResult result;
      if (budget.isZero()) {
        return failed(
            step, attempts, start, null, Reason.TIMEOUT, ": not sent, the flow's timeout is over");
      }
      Observation observation = http.observe(sent, Deadline.after(budget, ticker));
      result = judge.judge(observation, step.conditions());
      if (result.success()) {
        long passedAt = ticker.nanos();
        String problem = extract(step, observation, variables);
        if (problem != null) {
          return failed(step, attempts, start, result, Reason.BODY_ERROR, ": " + problem);
        }
        return new StepOutcome(
            step.name(),
            Status.PASSED,
            attempts,
            ticker.since(start),
            result,
            null,
            null,
            start,
            passedAt);
      }
      String error = describe(result);
      if (poll == null) {
        return failed(step, attempts, start, result, result.reason(), ": " + error);
      }
      Duration elapsed = ticker.since(start);
      boolean pollOver = elapsed.plus(poll.every()).compareTo(poll.within()) > 0;
      if (pollOver
          || deadline.remaining().compareTo(poll.every()) <= 0
          || attempts >= MAX_ATTEMPTS) {
        Duration after = pollOver ? poll.within() : elapsed;
        return failed(
            step,
            attempts,
            start,
            result,
            result.reason(),
            " timed out after " + Durations.format(after) + " (" + attempts + " tries): " + error);
      }
      try {
        pause.await(poll.every());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(
            step, attempts, start, result, Reason.INTERNAL, ": interrupted while polling");
      }
    }
  }

  private StepOutcome failed(
      FlowStep step,
      int attempts,
      long start,
      @Nullable CheckResult result,
      @Nullable Reason reason,
      String error) {
    return new StepOutcome(
        step.name(),
        Status.FAILED,
        attempts,
        ticker.since(start),
        result,
        reason == null ? Reason.CONDITION : reason,
        "step \"" + step.name() + "\"" + error,
        start,
        -1);
  }

  /** The failed result's phrase, led by its HTTP status when it does not name it yet. */
  private static String describe(CheckResult result) {
    String error = String.valueOf(result.error());
    Integer status = result.observation().status();
    return status != null && status >= 400 && !error.startsWith("HTTP ")
        ? "HTTP " + status + ": " + error
        : error;
  }

  /** Extracts the step's values into {@code variables}; the problem, or {@code null}. */
  private @Nullable String extract(
      FlowStep step, Observation observation, Map<String, String> variables) {
    Instant now = http.clock().instant();
    for (Map.Entry<String, Extractor> e : step.extract().entrySet()) {
      StringBuilder why = new StringBuilder();
      String value = e.getValue().extract(observation, now, why);
      if (value == null) {
        return "extract " + e.getKey() + " = " + e.getValue().text() + ": " + why;
      }
      variables.put(e.getKey(), value);
      if (step.secretVariables().contains(e.getKey())) {
        secrets.add(value);
      }
    }
    return null;
  }

  /** The answer's headers with this run's secrets masked: its evidence is kept and shown. */
  private Headers masked(Headers headers) {
    if (secrets.isEmpty()) {
      return headers;
    }
    return new Headers(
        headers.all().stream()
            .map(h -> new Header(h.name(), Redaction.scrub(h.value(), secrets), h.secret()))
            .toList());
  }

  /** The answer's body with this run's secrets masked, a target may echo them. */
  private Body masked(Body body) {
    if (secrets.isEmpty()) {
      return body;
    }
    String text = body.text();
    String scrubbed = Redaction.scrub(text, secrets);
    return scrubbed.equals(text)
        ? body
        : new Body(
            scrubbed.getBytes(StandardCharsets.UTF_8),
            body.truncated(),
            body.contentType(),
            StandardCharsets.UTF_8);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

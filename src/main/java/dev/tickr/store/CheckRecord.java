package dev.tickr.store;

import dev.tickr.check.Reason;
import dev.tickr.check.StepResult;
import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One check result as the store keeps it. The store keeps times to the millisecond and durations to
 * the microsecond.
 *
 * @param plannedAt when the schedule wanted the check to start
 * @param startedAt when it started; the result's place in time
 * @param total the whole check
 * @param status the HTTP status, {@code null} when there was none
 * @param reason why it failed, {@code null} when it passed
 * @param error one phrase for people, {@code null} when it passed
 * @param steps a flow's steps (secrets masked), empty for every other type
 * @param measures a flow's named durations in seconds, empty for every other type
 */
public record CheckRecord(
    String monitor,
    Instant plannedAt,
    Instant startedAt,
    Duration total,
    @Nullable Duration dns,
    @Nullable Duration connect,
    @Nullable Duration tls,
    @Nullable Duration ttfb,
    @Nullable Integer status,
    Verdict verdict,
    @Nullable Reason reason,
    @Nullable String error,
    List<StepResult> steps,
    Map<String, Double> measures) {

  /** A result of any monitor but a flow: no steps, no measures. */
  public CheckRecord(
      String monitor,
      Instant plannedAt,
      Instant startedAt,
      Duration total,
      @Nullable Duration dns,
      @Nullable Duration connect,
      @Nullable Duration tls,
      @Nullable Duration ttfb,
      @Nullable Integer status,
      Verdict verdict,
      @Nullable Reason reason,
      @Nullable String error) {
    this(
        monitor, plannedAt, startedAt, total, dns, connect, tls, ttfb, status, verdict, reason,
        error, List.of(), Map.of());
  }

  public CheckRecord {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(plannedAt, "plannedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(verdict, "verdict");
    steps = List.copyOf(steps);
    measures =
        measures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /** How late the check started against its plan. */
  public Duration lateness() {
    return Duration.between(plannedAt, startedAt);
  }
}

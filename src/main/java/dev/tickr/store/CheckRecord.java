package dev.tickr.store;

import dev.tickr.check.Reason;
import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
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
    @Nullable String error) {

  public CheckRecord {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(plannedAt, "plannedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** How late the check started against its plan. */
  public Duration lateness() {
    return Duration.between(plannedAt, startedAt);
  }
}

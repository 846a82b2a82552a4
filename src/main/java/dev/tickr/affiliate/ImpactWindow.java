package dev.tickr.affiliate;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One outage window of a revenue-relevant monitor: its incidents merged where they overlap, the
 * time counted (less maintenance and time already counted for a monitor of the same volume), and
 * the estimate, or why there is none.
 *
 * @param incidentIds the incidents that make the window, earliest first
 * @param end when it ended, or the report's time while it is open
 * @param ongoing whether it is still open
 * @param reasons the incidents' reason classes, each once
 * @param counted the time the estimate counts
 * @param notes what was left out of the counted time and why, in words
 * @param estimate the estimate, or null when there is none ({@code noEstimate} says why)
 * @param claim when it must be claimed, or null when no claim period is known
 */
public record ImpactWindow(
    String monitor,
    List<Long> incidentIds,
    Instant start,
    Instant end,
    boolean ongoing,
    List<String> reasons,
    Duration counted,
    List<String> notes,
    @Nullable ImpactEstimate estimate,
    @Nullable String noEstimate,
    Currency currency,
    @Nullable ClaimDeadline claim) {

  public ImpactWindow {
    incidentIds = List.copyOf(incidentIds);
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** The incident the window is filed under: its first. */
  public long incidentId() {
    return incidentIds.get(0);
  }
}

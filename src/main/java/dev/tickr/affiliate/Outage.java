package dev.tickr.affiliate;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One incident of a monitor as the impact report takes it.
 *
 * @param end when it ended, or null while it is open
 * @param reason its reason class ({@code http-status}, {@code timeout}, …)
 */
public record Outage(
    long incidentId, String monitor, Instant start, @Nullable Instant end, String reason) {
  public Outage {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(reason, "reason");
  }
}

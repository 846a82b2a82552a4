package dev.tickr.cluster;

import dev.tickr.incident.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest judged check of one monitor from one location: what a results row with a {@code
 * location} column holds, reduced to what confirmation needs.
 *
 * @param at when the check started
 */
public record LocationResult(String monitor, String location, Verdict verdict, Instant at) {
  public LocationResult {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(at, "at");
  }
}

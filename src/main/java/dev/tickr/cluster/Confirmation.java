package dev.tickr.cluster;

import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Combines a monitor's latest result from each of its locations ({@code confirm: K} of {@code
 * locations:}). Only fresh results (within {@code window}) from locations that are not broken
 * count. With {@code n} such results, {@code min(K, n)} of them must agree: a failure seen by that
 * many is {@link Verdict#FAILED} (it wins over a pass); failures and degradations together, {@link
 * Verdict#DEGRADED}; passes, {@link Verdict#OK}; otherwise, or when nothing counts, {@link
 * Verdict#INCONCLUSIVE}, which keeps the monitor's state. So a monitor goes DOWN only when K
 * locations agree, and UP again only when K agree on that; a location that cannot see (stale or
 * broken) is left out rather than blocking the others.
 *
 * @param locations the monitor's locations, in the order configured
 * @param confirm how many must agree
 * @param window how old a result may be and still count
 */
public record Confirmation(List<String> locations, int confirm, Duration window) {

  public Confirmation {
    locations = List.copyOf(locations);
    if (locations.isEmpty() || confirm < 1 || confirm > locations.size()) {
      throw new IllegalArgumentException(
          "confirm " + confirm + " of " + locations.size() + " locations");
    }
  }

  /** A monitor's: its placement, and a window of two intervals (one late or skipped run). */
  public static Confirmation of(MonitorSpec spec) {
    return new Confirmation(
        spec.placement().locations(), spec.placement().confirm(), spec.interval().multipliedBy(2));
  }

  /**
   * @param latest the monitor's latest result per location (others' are ignored)
   * @param broken locations whose results are inconclusive now ({@link BrokenLocations})
   */
  public Decision decide(Collection<LocationResult> latest, Set<String> broken, Instant now) {
    Instant oldest = now.minus(window);
    List<Decision.Seen> seen = new ArrayList<>();
    int failed = 0;
    int problems = 0;
    int passed = 0;
    for (String location : locations) {
      LocationResult r = newest(latest, location);
      Decision.Standing standing = standing(r, broken, oldest);
      seen.add(
          new Decision.Seen(
              location, r == null ? null : r.verdict(), r == null ? null : r.at(), standing));
      if (r != null && standing == Decision.Standing.COUNTED) {
        failed += r.verdict() == Verdict.FAILED ? 1 : 0;
        problems += r.verdict() == Verdict.OK ? 0 : 1;
        passed += r.verdict() == Verdict.OK ? 1 : 0;
      }
    }
    int counted = problems + passed;
    int needed = Math.min(confirm, counted);
    Verdict verdict;
    if (counted == 0) {
      verdict = Verdict.INCONCLUSIVE;
    } else if (failed >= needed) {
      verdict = Verdict.FAILED;
    } else if (problems >= needed) {
      verdict = Verdict.DEGRADED;
    } else if (passed >= needed) {
      verdict = Verdict.OK;
    } else {
      verdict = Verdict.INCONCLUSIVE;
    }
    return new Decision(verdict, Math.max(needed, 1), seen);
  }

  private static Decision.Standing standing(
      @org.jspecify.annotations.Nullable LocationResult r, Set<String> broken, Instant oldest) {
    if (r == null) {
      return Decision.Standing.MISSING;
    }
    if (r.at().isBefore(oldest)) {
      return Decision.Standing.STALE;
    }
    if (broken.contains(r.location())) {
      return Decision.Standing.BROKEN;
    }
    return r.verdict() == Verdict.INCONCLUSIVE
        ? Decision.Standing.INCONCLUSIVE
        : Decision.Standing.COUNTED;
  }

  private static @org.jspecify.annotations.Nullable LocationResult newest(
      Collection<LocationResult> latest, String location) {
    LocationResult best = null;
    for (LocationResult r : latest) {
      if (r.location().equals(location) && (best == null || r.at().isAfter(best.at()))) {
        best = r;
      }
    }
    return best;
  }
}

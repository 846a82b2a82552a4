package dev.tickr.cluster;

import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds locations that cannot see: a location where at least {@code share} of its monitors failed
 * in the last {@code window} (counting only locations with {@code minMonitors} fresh results or
 * more) while some other location sees far fewer failures. Its results are then inconclusive
 * instead of paging for every monitor at once. When every location sees most monitors fail, none is
 * broken: that is an outage to report, not a probe to distrust.
 *
 * @param share the part of a location's monitors that must fail, e.g. 0.8
 * @param minMonitors fewer fresh results than this say nothing about a location
 * @param window how old a result may be and still count
 */
public record BrokenLocations(double share, int minMonitors, Duration window) {

  /** 80% of at least 5 monitors, over the last two minutes. */
  public static final BrokenLocations DEFAULT = new BrokenLocations(0.8, 5, Duration.ofMinutes(2));

  public BrokenLocations {
    if (!(share > 0 && share <= 1) || minMonitors < 1 || window.isNegative()) {
      throw new IllegalArgumentException(
          "share in (0, 1], minMonitors at least 1, window not negative");
    }
  }

  private static final class Tally {
    int counted;
    int failed;

    double failing() {
      return (double) failed / counted;
    }
  }

  /**
   * @param latest the latest result of each monitor from each location
   * @return the broken locations, by name
   */
  public Set<String> find(Collection<LocationResult> latest, Instant now) {
    Instant oldest = now.minus(window);
    Map<String, Tally> tallies = new HashMap<>();
    for (LocationResult r : latest) {
      if (r.at().isBefore(oldest) || r.verdict() == Verdict.INCONCLUSIVE) {
        continue;
      }
      Tally t = tallies.computeIfAbsent(r.location(), l -> new Tally());
      t.counted++;
      t.failed += r.verdict() == Verdict.FAILED ? 1 : 0;
    }
    tallies.values().removeIf(t -> t.counted < minMonitors);
    boolean someoneSees = tallies.values().stream().anyMatch(t -> t.failing() < share);
    Set<String> broken = new TreeSet<>();
    if (someoneSees) {
      tallies.forEach(
          (location, t) -> {
            if (t.failing() >= share) {
              broken.add(location);
            }
          });
    }
    return broken;
  }
}

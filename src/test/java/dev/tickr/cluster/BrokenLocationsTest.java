package dev.tickr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two locations, eu and us, watch the same ten monitors; then eu loses its network. Time comes from
 * the test: each round of checks is stamped with a moving instant.
 */
class BrokenLocationsTest {
  private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");
  private static final List<String> BOTH = List.of("eu", "us");
  private final BrokenLocations finder = BrokenLocations.DEFAULT;

  /** One round: every monitor from every location, failing where {@code failing} says. */
  private static List<LocationResult> round(
      Instant at, int monitors, String location, int failing) {
    List<LocationResult> out = new ArrayList<>();
    for (int i = 0; i < monitors; i++) {
      Verdict v = i < failing ? Verdict.FAILED : Verdict.OK;
      out.add(new LocationResult("m" + i, location, v, at));
    }
    return out;
  }

  private static List<LocationResult> plus(List<LocationResult> a, List<LocationResult> b) {
    List<LocationResult> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void a_location_that_loses_its_network_is_broken_and_pages_for_nothing() {
    Instant now = T0.plusSeconds(60);
    List<LocationResult> latest = plus(round(now, 10, "eu", 10), round(now, 10, "us", 0));
    Confirmation twoOfTwo = new Confirmation(BOTH, 2, Duration.ofMinutes(2));
    Confirmation oneOfTwo = new Confirmation(BOTH, 1, Duration.ofMinutes(2));

    Set<String> broken = finder.find(latest, now);

    assertThat(broken).containsExactly("eu");
    for (int i = 0; i < 10; i++) {
      String m = "m" + i;
      List<LocationResult> mine = latest.stream().filter(r -> r.monitor().equals(m)).toList();
      assertThat(twoOfTwo.decide(mine, broken, now).verdict()).as(m).isEqualTo(Verdict.OK);
      assertThat(oneOfTwo.decide(mine, broken, now).verdict()).as(m).isEqualTo(Verdict.OK);
    }
  }

  @Test
  void once_its_network_is_back_the_location_counts_again() {
    Instant cut = T0.plusSeconds(60);
    Instant back = cut.plusSeconds(180); // its failing round is older than the window by now
    List<LocationResult> latest = plus(round(back, 10, "eu", 1), round(back, 10, "us", 1));

    assertThat(finder.find(plus(round(cut, 10, "eu", 10), round(cut, 10, "us", 0)), cut))
        .containsExactly("eu");
    assertThat(finder.find(latest, back)).isEmpty();
    List<LocationResult> m0 = latest.stream().filter(r -> r.monitor().equals("m0")).toList();
    assertThat(
            new Confirmation(BOTH, 2, Duration.ofMinutes(2)).decide(m0, Set.of(), back).verdict())
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void a_real_outage_seen_from_everywhere_breaks_no_location() {
    Instant now = T0;

    assertThat(finder.find(plus(round(now, 10, "eu", 9), round(now, 10, "us", 10)), now)).isEmpty();
  }

  @Test
  void needs_enough_monitors_and_enough_of_them_failing() {
    Instant now = T0;

    assertThat(finder.find(plus(round(now, 4, "eu", 4), round(now, 10, "us", 0)), now))
        .as("four monitors say nothing")
        .isEmpty();
    assertThat(finder.find(plus(round(now, 10, "eu", 7), round(now, 10, "us", 0)), now))
        .as("70% is not most")
        .isEmpty();
    assertThat(finder.find(plus(round(now, 10, "eu", 8), round(now, 10, "us", 0)), now))
        .containsExactly("eu");
    assertThat(finder.find(round(now, 10, "eu", 10), now))
        .as("alone, a location has nobody to be compared with")
        .isEmpty();
  }

  @Test
  void old_results_and_inconclusive_ones_do_not_count() {
    Instant now = T0.plusSeconds(600);
    List<LocationResult> latest = new ArrayList<>(round(T0, 10, "eu", 10));
    latest.addAll(round(now, 10, "us", 0));
    for (int i = 0; i < 10; i++) {
      latest.add(new LocationResult("x" + i, "ap", Verdict.INCONCLUSIVE, now));
    }

    assertThat(finder.find(latest, now)).isEmpty();
  }
}

package dev.tickr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final Instant T = Instant.parse("2026-12-08T03:00:00Z");
  private static final int MONITORS = 30_000;
  private static final List<String> NAMES = names();

  private static List<String> names() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < MONITORS; i++) {
      out.add("program-" + i + "-postback");
    }
    return out;
  }

  private static Assignment of(String location, String... nodes) {
    List<NodeBeat> beats = new ArrayList<>();
    for (String n : nodes) {
      beats.add(new NodeBeat(n, location, "c", T, T.plusSeconds(60)));
    }
    return Assignment.of(Membership.defaults().view(beats, T.plusSeconds(30)));
  }

  private static Map<String, String> homes(Assignment a) {
    Map<String, String> out = new HashMap<>();
    for (String m : NAMES) {
      out.put(m, a.home(m).orElseThrow());
    }
    return out;
  }

  @Test
  void spreads_thirty_thousand_monitors_evenly_over_three_nodes() {
    Map<String, Long> counts =
        homes(of("eu", "a", "b", "c")).values().stream()
            .collect(Collectors.groupingBy(n -> n, Collectors.counting()));

    assertThat(counts).containsOnlyKeys("a", "b", "c");
    // 10,000 each; the binomial spread is about ±82, so ±5% is over six deviations
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500L, 10_500L));
  }

  @Test
  void a_dead_node_gives_up_only_its_own_monitors_and_they_spread_over_the_others() {
    Map<String, String> before = homes(of("eu", "a", "b", "c"));
    Map<String, String> after = homes(of("eu", "a", "c"));

    Map<String, Long> moved = new HashMap<>();
    for (String m : NAMES) {
      if (!"b".equals(before.get(m))) {
        assertThat(after.get(m)).as(m).isEqualTo(before.get(m));
      } else {
        moved.merge(after.get(m), 1L, Long::sum);
      }
    }
    assertThat(moved).containsOnlyKeys("a", "c");
    assertThat(moved.values()).allSatisfy(n -> assertThat(n).isBetween(4_500L, 5_500L));
  }

  @Test
  void a_new_node_takes_about_a_quarter_from_every_other_node_and_nothing_else_moves() {
    Map<String, String> before = homes(of("eu", "a", "b", "c"));
    Map<String, String> after = homes(of("eu", "a", "b", "c", "d"));

    Map<String, Long> givenUp = new HashMap<>();
    for (String m : NAMES) {
      if (!java.util.Objects.equals(after.get(m), before.get(m))) {
        assertThat(after.get(m)).as(m).isEqualTo("d");
        givenUp.merge(before.get(m), 1L, Long::sum);
      }
    }
    long moved = givenUp.values().stream().mapToLong(Long::longValue).sum();
    assertThat(moved).isBetween(7_000L, 8_000L); // 30,000 / 4
    assertThat(givenUp).containsOnlyKeys("a", "b", "c");
    assertThat(givenUp.values()).allSatisfy(n -> assertThat(n).isBetween(2_200L, 2_800L));
  }

  @Test
  void every_node_computes_the_same_owners_and_the_hash_never_changes_between_versions() {
    Map<String, String> one = homes(of("eu", "a", "b", "c"));
    Map<String, String> other = homes(of("eu", "c", "a", "b"));

    assertThat(other).isEqualTo(one);
    // Pinned (FNV-1a 64 through SplitMix64's finaliser): a node of another version must agree
    // with this one during a rolling upgrade.
    assertThat(Assignment.hash("checkout")).isEqualTo(0x0728c506b4e6f024L);
    assertThat(Assignment.hash("")).isEqualTo(0xf52a15e9a9b5e89bL);
  }

  @Test
  void each_location_runs_a_monitor_on_one_of_its_own_nodes() {
    List<NodeBeat> beats =
        List.of(
            new NodeBeat("eu-1", "eu", "c", T, T.plusSeconds(60)),
            new NodeBeat("eu-2", "eu", "c", T, T.plusSeconds(60)),
            new NodeBeat("us-1", "us", "c", T, T.plusSeconds(60)));
    Assignment a = Assignment.of(Membership.defaults().view(beats, T.plusSeconds(30)));
    List<String> both = List.of("eu", "us");

    for (String m : NAMES.subList(0, 1_000)) {
      String eu = a.owner(m, "eu").orElseThrow();
      assertThat(eu).startsWith("eu-");
      assertThat(a.owner(m, "us")).contains("us-1");
      assertThat(a.owner(m, "ap")).isEmpty();
      assertThat(a.duty(m, both, eu)).contains("eu");
      assertThat(a.duty(m, both, "us-1")).contains("us");
      assertThat(a.duty(m, both, eu.equals("eu-1") ? "eu-2" : "eu-1")).isEmpty();
      assertThat(a.duty(m, List.of("us"), eu)).isEmpty();
      String home = a.home(m).orElseThrow();
      assertThat(a.duty(m, List.of(), home)).contains(home.substring(0, 2));
    }
  }

  @Test
  void with_no_members_nobody_owns_anything() {
    Assignment none = Assignment.of(Membership.defaults().view(List.of(), T));

    assertThat(none.home("m")).isEmpty();
    assertThat(none.owner("m", "eu")).isEmpty();
    assertThat(none.duty("m", List.of(), "a")).isEmpty();
  }
}

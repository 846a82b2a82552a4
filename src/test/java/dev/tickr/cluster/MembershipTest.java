package dev.tickr.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.cluster.Members.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {
  private static final Instant T = Instant.parse("2026-12-08T03:00:00Z");
  private final Membership membership = Membership.defaults();

  private static NodeBeat beat(String node, String config, Instant first, Instant last) {
    return new NodeBeat(node, "eu", config, first, last);
  }

  @Test
  void a_node_is_a_member_from_first_beat_plus_settle_until_last_beat_plus_lease() {
    NodeBeat a = beat("a", "c1", T, T.plusSeconds(20));

    assertThat(membership.view(List.of(a), T.plusSeconds(9)).standing("a"))
        .isEqualTo(Standing.JOINING);
    assertThat(membership.view(List.of(a), T.plusSeconds(10)).standing("a"))
        .isEqualTo(Standing.MEMBER);
    assertThat(membership.view(List.of(a), T.plusSeconds(34)).standing("a"))
        .isEqualTo(Standing.MEMBER);
    assertThat(membership.view(List.of(a), T.plusSeconds(35)).standing("a"))
        .isEqualTo(Standing.ABSENT);
    assertThat(membership.view(List.of(a), T.plusSeconds(35)).live()).isEmpty();
  }

  @Test
  void a_dead_node_is_out_within_two_leases_of_its_death_when_others_refresh_every_beat() {
    Instant death = T.plusSeconds(100);
    // its last beat was at most one beat period before it died
    NodeBeat dead = beat("dead", "c1", T, death.minus(membership.beatEvery()).plusMillis(1));
    NodeBeat alive = beat("alive", "c1", T, death.plusSeconds(60));
    Instant noticed = null;
    for (Instant refresh = death; noticed == null; refresh = refresh.plus(membership.beatEvery())) {
      if (membership.view(List.of(dead, alive), refresh).standing("dead") == Standing.ABSENT) {
        noticed = refresh;
      }
    }

    assertThat(Duration.between(death, noticed))
        .isLessThanOrEqualTo(membership.lease().multipliedBy(2))
        .isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void every_node_sees_the_same_members_whatever_order_it_read_the_rows_in() {
    List<NodeBeat> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(beat("n" + i, "c1", T.plusSeconds(i * 3L), T.plusSeconds(60)));
    }
    Members first = membership.view(rows, T.plusSeconds(20));
    Collections.reverse(rows);

    assertThat(membership.view(rows, T.plusSeconds(20))).isEqualTo(first);
    assertThat(first.names()).containsExactly("n0", "n1", "n2", "n3");
    assertThat(first.joining()).extracting(NodeBeat::node).containsExactly("n4", "n5", "n6");
  }

  @Test
  void a_node_with_another_config_is_not_a_member_and_knows_it() {
    List<NodeBeat> rows =
        List.of(
            beat("a", "c1", T, T.plusSeconds(60)),
            beat("b", "c1", T, T.plusSeconds(60)),
            beat("c", "c2", T, T.plusSeconds(60)));

    Members m = membership.view(rows, T.plusSeconds(30));

    assertThat(m.fingerprint()).isEqualTo("c1");
    assertThat(m.names()).containsExactly("a", "b");
    assertThat(m.standing("c")).isEqualTo(Standing.MISMATCHED);
    assertThat(m.mismatched()).extracting(NodeBeat::node).containsExactly("c");
  }

  @Test
  void on_a_tie_the_config_of_the_node_that_joined_first_wins() {
    List<NodeBeat> rows =
        List.of(
            beat("late", "new", T.plusSeconds(5), T.plusSeconds(60)),
            beat("early", "old", T, T.plusSeconds(60)));

    Members m = membership.view(rows, T.plusSeconds(30));

    assertThat(m.fingerprint()).isEqualTo("old");
    assertThat(m.names()).containsExactly("early");
    assertThat(m.standing("late")).isEqualTo(Standing.MISMATCHED);
  }

  @Test
  void a_lease_needs_room_for_a_beat_before_it_runs_out() {
    assertThatThrownBy(() -> new Membership(Duration.ofSeconds(15), Duration.ofSeconds(1)))
        .hasMessageContaining("settle");
    assertThatThrownBy(() -> new Membership(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("lease");
    assertThat(Membership.defaults().beatEvery()).isEqualTo(Duration.ofSeconds(5));
  }
}

package dev.tickr.daemon;

import static dev.tickr.daemon.ChainShapeTest.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Observation;
import dev.tickr.store.ChainStore;
import dev.tickr.store.KnownChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a monitor's redirect chain counts as changed: once per new shape, never on the first. */
class ChainWatchTest {
  private static final String CLICK = "https://track.example.net/c/1?irclickid=abc 302 location";
  private static final Observation SHOP =
      chain("https://shop.example.com/p/shoes?irclickid=abc", CLICK);
  private static final Observation HOME = chain("https://www.example.com/", CLICK);
  private static final Observation DIRECT = chain("https://api.example.net/v1/status");

  private final MemoryChains store = new MemoryChains();
  private ChainWatch watch = restored(store);
  private Instant now = Instant.parse("2026-12-07T10:00:00Z");

  private static ChainWatch restored(ChainStore store) {
    ChainWatch w = new ChainWatch(store);
    w.restore();
    return w;
  }

  /** What each check in turn said: the change's description, or "-" for nothing. */
  private List<String> checks(Observation... observations) {
    List<String> out = new ArrayList<>();
    for (Observation o : observations) {
      now = now.plus(Duration.ofMinutes(1));
      Optional<ChainWatch.Changed> c = watch.observed("shoes-link", o, Set.of(), now);
      out.add(c.map(ChainWatch.Changed::describe).orElse("-"));
    }
    return out;
  }

  @Test
  void the_first_chain_is_remembered_silently_and_a_settled_change_is_told_once() {
    assertThat(checks(SHOP, SHOP, HOME, HOME, HOME, HOME))
        .containsExactly(
            "-",
            "-",
            "-",
            "redirect chain changed: was https://track.example.net/c/1?irclickid (302) →"
                + " https://shop.example.com/p/shoes?irclickid (1 hop), now"
                + " https://track.example.net/c/1?irclickid (302) → https://www.example.com/ (1 hop)",
            "-",
            "-");
    assertThat(store.saved).as("written once at first, once at the change").hasSize(2);
  }

  @Test
  void a_chain_that_alternates_check_by_check_never_settles() {
    assertThat(checks(SHOP, HOME, SHOP, HOME, SHOP, HOME, SHOP)).containsOnly("-");
    assertThat(store.saved).hasSize(1);
  }

  @Test
  void a_chain_swinging_between_two_settled_shapes_is_told_only_the_first_time() {
    List<String> said = checks(SHOP, HOME, HOME, SHOP, SHOP, HOME, HOME, SHOP, SHOP);

    assertThat(said).filteredOn(s -> !s.equals("-")).hasSize(1);
    assertThat(said.get(2))
        .contains(
            "now https://track.example.net/c/1?irclickid (302) →" + " https://www.example.com/");
  }

  @Test
  void a_shape_left_more_than_a_day_ago_is_new_again() {
    checks(SHOP, HOME, HOME, SHOP, SHOP);
    now = now.plus(ChainWatch.RECENT);

    assertThat(checks(HOME, HOME))
        .containsExactly(
            "-",
            "redirect chain changed: was"
                + " https://track.example.net/c/1?irclickid (302) →"
                + " https://shop.example.com/p/shoes?irclickid (1 hop), now"
                + " https://track.example.net/c/1?irclickid (302) → https://www.example.com/ (1 hop)");
  }

  @Test
  void what_is_known_survives_a_restart() {
    checks(SHOP, HOME, HOME);
    watch = restored(store);

    assertThat(checks(HOME, SHOP, SHOP)).as("back to a recent shape: quiet").containsOnly("-");
    watch = restored(store);
    assertThat(checks(SHOP)).containsOnly("-");
    assertThat(watch.shape("shoes-link")).endsWith("https://shop.example.com/p/shoes?irclickid");
  }

  @Test
  void a_monitor_never_redirected_is_not_remembered_but_a_new_redirect_is_told() {
    assertThat(checks(DIRECT, DIRECT)).containsOnly("-");
    assertThat(store.saved).isEmpty();

    checks(SHOP);
    assertThat(store.saved).hasSize(1);
  }

  @Test
  void a_chain_that_starts_at_another_url_starts_afresh() {
    Observation moved =
        chain("https://www.example.com/", "https://track.example.net/c/2 302 location");

    assertThat(checks(SHOP, moved, moved, moved)).containsOnly("-");
    assertThat(watch.shape("shoes-link")).startsWith("https://track.example.net/c/2 (302)");
  }

  /** A {@link ChainStore} in memory, counting the saves. */
  static final class MemoryChains implements ChainStore {
    final Map<String, KnownChain> chains = new HashMap<>();
    final List<KnownChain> saved = new ArrayList<>();

    @Override
    public Map<String, KnownChain> knownChains() {
      return Map.copyOf(chains);
    }

    @Override
    public void saveKnownChain(String monitor, KnownChain chain) {
      chains.put(monitor, chain);
      saved.add(chain);
    }
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known redirect chains are kept across a reopening, each monitor's replaced whole. */
class ChainStoreTest {
  private static final Instant T = Instant.parse("2026-12-07T10:00:00.123Z");
  private static final String SHOP = "https://t.test/c (302) → https://shop.test/p/shoes?irclickid";
  private static final String HOME = "https://t.test/c (302) → https://www.shop.test/";
  private static final String META = "https://t.test/c (meta) → https://shop.test/p/shoes";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T);

  @Test
  void a_known_chain_and_its_earlier_shapes_in_order_survive_reopening() {
    Map<String, Instant> earlier = new LinkedHashMap<>();
    earlier.put(HOME, T);
    earlier.put(META, T.minusSeconds(60));
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock)) {
      assertThat(store.knownChains()).isEmpty();
      store.saveKnownChain("shoes", new KnownChain(HOME, Map.of()));
      store.saveKnownChain("shoes", new KnownChain(SHOP, earlier));
      store.saveKnownChain("boots", new KnownChain(META, Map.of()));
    }

    try (SqliteStore again = SqliteStore.open(dir, Retention.defaults(), clock)) {
      Map<String, KnownChain> known = again.knownChains();
      assertThat(known).containsOnlyKeys("shoes", "boots");
      KnownChain shoes = java.util.Objects.requireNonNull(known.get("shoes"));
      assertThat(shoes.shape()).isEqualTo(SHOP);
      assertThat(shoes.earlier()).containsExactlyEntriesOf(earlier);
      assertThat(known.get("boots")).isEqualTo(new KnownChain(META, Map.of()));
    }
  }
}

package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsPagingTest {
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");

  @TempDir Path dir;
  private SqliteStore store;
  private final List<CheckRecord> all = new ArrayList<>();

  @BeforeEach
  void fill() {
    store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(T));
    for (int i = 0; i < 25; i++) {
      CheckRecord r = Records.ok("api", T.plusSeconds(10L * i), 100 + i);
      all.add(r);
      store.append(r);
      store.append(Records.ok("other", T.plusSeconds(10L * i), 1));
    }
    store.flush();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void pages_walk_back_from_the_newest_without_gaps_or_repeats() {
    List<CheckRecord> seen = new ArrayList<>();
    @Nullable Instant cursor = null;
    List<Integer> sizes = new ArrayList<>();
    while (true) {
      List<CheckRecord> page = store.results("api", T, T.plusSeconds(3600), 10, cursor);
      sizes.add(page.size());
      if (page.isEmpty()) {
        break;
      }
      seen.addAll(page);
      cursor = page.get(page.size() - 1).startedAt();
    }
    assertThat(sizes).containsExactly(10, 10, 5, 0);
    assertThat(seen).containsExactlyElementsOf(all.reversed());
  }

  @Test
  void the_window_is_half_open_on_started_at() {
    List<CheckRecord> page = store.results("api", T.plusSeconds(50), T.plusSeconds(100), 100, null);
    assertThat(page)
        .extracting(CheckRecord::startedAt)
        .containsExactly(
            T.plusSeconds(90),
            T.plusSeconds(80),
            T.plusSeconds(70),
            T.plusSeconds(60),
            T.plusSeconds(50));
  }

  @Test
  void instant_min_and_max_mean_unbounded() {
    assertThat(store.results("api", Instant.MIN, Instant.MAX, 100, Instant.MAX)).hasSize(25);
    assertThat(store.uptime("api", Instant.MIN, Instant.MAX).checks()).isEqualTo(25);
    assertThat(store.incidents("api", Instant.MIN, Instant.MAX)).isEmpty();
  }

  @Test
  void a_cursor_later_than_the_window_end_changes_nothing_and_a_zero_limit_returns_nothing() {
    assertThat(store.results("api", T, T.plusSeconds(30), 10, T.plusSeconds(3600))).hasSize(3);
    assertThat(store.results("api", T, T.plusSeconds(30), 0, null)).isEmpty();
    assertThat(store.results("nobody", T, T.plusSeconds(3600), 10, null)).isEmpty();
  }
}

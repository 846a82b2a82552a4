package dev.tickr.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Isolated: one test holds every carrier of the virtual threads on purpose, which would stall the
 * daemons other test classes run at the same time, and their threads would shorten the stall.
 */
@Isolated
class StallWatchTest {
  private static final long MS = 1_000_000;

  @Test
  void counts_only_the_parts_of_stalls_that_overlap_the_window() {
    StallWatch watch = StallWatch.manual(() -> 0);
    watch.record(100 * MS, 400 * MS);
    watch.record(1_000 * MS, 1_050 * MS);

    assertThat(watch.stalledDuring(0, 2_000 * MS)).isEqualTo(Duration.ofMillis(350));
    assertThat(watch.stalledDuring(300 * MS, 2_000 * MS)).isEqualTo(Duration.ofMillis(150));
    assertThat(watch.stalledDuring(500 * MS, 900 * MS)).isZero();
    assertThat(watch.stalledDuring(1_020 * MS, 1_030 * MS)).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void adds_up_many_short_stalls() {
    StallWatch watch = StallWatch.manual(() -> 0);
    // A saturated CPU: every wake-up 30 ms late, for a second.
    for (long t = 0; t < 1_000 * MS; t += 50 * MS) {
      watch.record(t, t + 30 * MS);
    }

    assertThat(watch.stalledDuring(0, 1_000 * MS)).isEqualTo(Duration.ofMillis(600));
    assertThat(watch.stalledDuring(0, 100 * MS)).isEqualTo(Duration.ofMillis(60));
  }

  @Test
  void keeps_the_most_recent_stalls_when_full() {
    StallWatch watch = StallWatch.manual(() -> 0);
    watch.record(0, 500 * MS);
    for (int i = 0; i < 5_000; i++) {
      watch.record(1_000 * MS + i, 1_000 * MS + i + 1);
    }
    assertThat(watch.stalledDuring(0, 600 * MS)).as("the oldest stall was dropped").isZero();
  }

  @Test
  void notices_when_virtual_threads_cannot_run() throws Exception {
    Ticker ticker = Ticker.system();
    try (StallWatch watch = StallWatch.start(ticker)) {
      Thread.sleep(100); // let the watch settle into its period
      long start = ticker.nanos();
      // Busy virtual threads are never preempted: with one per carrier, nothing else runs.
      int carriers = Runtime.getRuntime().availableProcessors();
      List<Thread> spinners = new ArrayList<>();
      for (int i = 0; i < carriers; i++) {
        spinners.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      // Well over the stall asserted below: the spinners start one after another,
                      // and only while all of them spin is the watch held off.
                      long until = ticker.nanos() + 700 * MS;
                      while (ticker.nanos() < until) {
                        Thread.onSpinWait();
                      }
                    }));
      }
      for (Thread t : spinners) {
        t.join();
      }
      Thread.sleep(100); // the watch wakes and records
      assertThat(watch.stalledDuring(start, ticker.nanos()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }
}

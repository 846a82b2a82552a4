package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");
  private static final int WRITERS = 4;
  private static final int PER_WRITER = 5_000;

  @TempDir Path dir;

  @Test
  void readers_read_while_many_threads_append_and_save() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), new MutableClock(T));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      Set<Long> ids = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> writers = new ArrayList<>();
      List<Future<?>> readers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String monitor = "m" + w;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < PER_WRITER; i++) {
                    store.append(Records.ok(monitor, T.plusMillis(i * 100L), 10 + i % 50));
                    if (i % 1_000 == 0) {
                      long id = store.nextIncidentId();
                      ids.add(id);
                      store.saveIncident(
                          new Incident(id, monitor, T, null, Reason.TIMEOUT, "x", Evidence.NONE));
                    }
                  }
                  return null;
                }));
      }
      // Readers start before the writers and check what they see while the writes go on: what a
      // read saw never disappears in a later one (checks and incidents only grow), and the newest
      // results of m1 are always a whole run of what its writer appended, newest first, each row
      // as written (no torn or mixed rows).
      CountDownLatch readersReady = new CountDownLatch(3);
      for (int r = 0; r < 3; r++) {
        readers.add(
            pool.submit(
                () -> {
                  long lastChecks = 0;
                  int lastOpen = 0;
                  boolean first = true;
                  while (first || writing.get()) {
                    long seen = store.uptime("m0", T, T.plusSeconds(3600)).checks();
                    assertThat(seen).isBetween(lastChecks, (long) PER_WRITER);
                    lastChecks = seen;
                    assertNewestRun(store.results("m1", T, T.plusSeconds(3600), 5, null));
                    int open = store.openIncidents().size();
                    assertThat(open).isGreaterThanOrEqualTo(lastOpen);
                    lastOpen = open;
                    reads.incrementAndGet();
                    if (first) {
                      readersReady.countDown();
                      first = false;
                    }
                  }
                  return null;
                }));
      }
      assertThat(readersReady.await(60, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      for (Future<?> f : writers) {
        f.get();
      }
      store.flush();
      writing.set(false);
      for (Future<?> f : readers) {
        f.get();
      }

      assertThat(reads.get()).isGreaterThanOrEqualTo(3);
      assertNewestRun(store.results("m1", T, T.plusSeconds(3600), 5, null));
      assertThat(store.results("m1", T, T.plusSeconds(3600), 1, null).get(0).startedAt())
          .isEqualTo(T.plusMillis((PER_WRITER - 1) * 100L));
      assertThat(ids).hasSize(WRITERS * PER_WRITER / 1_000);
      assertThat(store.openIncidents()).hasSize(ids.size());
      for (int w = 0; w < WRITERS; w++) {
        assertThat(store.uptime("m" + w, T, T.plusSeconds(3600)).checks()).isEqualTo(PER_WRITER);
      }
      assertThat(Records.count(dir, "SELECT COUNT(*) FROM results"))
          .isEqualTo(WRITERS * PER_WRITER);
    }
  }

  /** Newest first, one step of the writer apart, each with the latency written for its step. */
  private static void assertNewestRun(List<CheckRecord> newest) {
    assertThat(newest).hasSizeLessThanOrEqualTo(5);
    for (int k = 0; k < newest.size(); k++) {
      CheckRecord r = newest.get(k);
      long step = Duration.between(T, r.startedAt()).toMillis() / 100;
      assertThat(r.monitor()).isEqualTo("m1");
      assertThat(r.startedAt()).isEqualTo(T.plusMillis(step * 100));
      assertThat(r.total()).isEqualTo(Duration.ofMillis(10 + step % 50));
      if (k > 0) {
        assertThat(r.startedAt()).isEqualTo(newest.get(k - 1).startedAt().minusMillis(100));
      }
    }
  }
}

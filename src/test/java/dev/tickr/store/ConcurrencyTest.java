package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String monitor = "m" + w;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < PER_WRITER; i++) {
                    store.append(Records.ok(monitor, T.plusMillis(i * 100L), 10 + i % 50));
                    if (i % 1_000 == 0) {
                      long id = store.nextIncidentId();
                      ids.add(id);
                      store.saveIncident(
                          new Incident(id, monitor, T, null, Reason.TIMEOUT, "x", Evidence.NONE));
                    }
                  }
                }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(
            pool.submit(
                () -> {
                  while (writing.get()) {
                    long seen = store.uptime("m0", T, T.plusSeconds(3600)).checks();
                    assertThat(seen).isBetween(0L, (long) PER_WRITER);
                    assertThat(store.results("m1", T, T.plusSeconds(3600), 5, null))
                        .hasSizeLessThanOrEqualTo(5);
                    store.openIncidents();
                    reads.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
      store.flush();
      writing.set(false);
      for (Future<?> f : readers) {
        f.get();
      }

      assertThat(reads.get()).isPositive();
      assertThat(ids).hasSize(WRITERS * PER_WRITER / 1_000);
      assertThat(store.openIncidents()).hasSize(ids.size());
      for (int w = 0; w < WRITERS; w++) {
        assertThat(store.uptime("m" + w, T, T.plusSeconds(3600)).checks()).isEqualTo(PER_WRITER);
      }
      assertThat(Records.count(dir, "SELECT COUNT(*) FROM results"))
          .isEqualTo(WRITERS * PER_WRITER);
    }
  }
}

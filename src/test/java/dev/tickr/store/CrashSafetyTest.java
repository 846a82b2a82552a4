package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that writes to the store (SIGKILL, mid-write) and checks what survived: every
 * incident it was told was saved, every result appended more than a second before the kill, and a
 * database that is not corrupt.
 */
class CrashSafetyTest {
  private static final Duration WAIT = Duration.ofSeconds(30); // a child JVM on a busy CI box

  @TempDir Path dir;

  /** A line from the child and when the parent read it. */
  private record Line(long nanos, String text) {}

  private final List<Line> lines = new ArrayList<>();

  @Test
  @Timeout(75)
  void a_killed_writer_loses_at_most_the_last_second_and_no_incident() throws Exception {
    Path log = dir.resolve("child.log");
    Path data = dir.resolve("data");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                data.toString())
            .redirectErrorStream(false)
            .redirectError(log.toFile())
            .start();
    Thread reader = Thread.ofPlatform().daemon().start(() -> read(child));
    try {
      awaitLine(l -> l.equals("ready"), child, log);
      long enough = CrashChild.PER_SECOND * 3L / 2;
      awaitLine(l -> l.startsWith("at ") && Long.parseLong(l.substring(3)) >= enough, child, log);
    } finally {
      long killedAt = System.nanoTime();
      child.destroyForcibly();
      assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      reader.join(WAIT.toMillis());
      synchronized (lines) {
        lines.add(new Line(killedAt, "killed"));
      }
    }

    long durableBound = 0;
    List<Long> saved = new ArrayList<>();
    synchronized (lines) {
      long killedAt = lines.getLast().nanos();
      for (Line l : lines) {
        if (l.text().startsWith("at ") && l.nanos() <= killedAt - TimeUnit.SECONDS.toNanos(1)) {
          durableBound = Math.max(durableBound, Long.parseLong(l.text().substring(3)));
        } else if (l.text().startsWith("saved ")) {
          saved.add(Long.parseLong(l.text().substring(6)));
        }
      }
    }
    assertThat(durableBound).isPositive();
    assertThat(saved).isNotEmpty();

    assertThat(Records.integrity(data)).isEqualTo("ok");
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      long results = Records.count(data, "SELECT COUNT(*) FROM results");
      assertThat(results).isGreaterThanOrEqualTo(durableBound);
      for (long id : saved) {
        assertThat(store.incident(id)).as("incident %s", id).isPresent();
      }
      assertThat(store.incidents("crash", Instant.MIN, Instant.MAX))
          .extracting(i -> i.id())
          .containsAll(saved)
          .doesNotHaveDuplicates();
      assertThat(Records.count(data, "SELECT SUM(checks) FROM rollup_minute")).isEqualTo(results);
      assertThat(Records.count(data, "SELECT SUM(checks) FROM rollup_day")).isEqualTo(results);
    }
    assertThat(Records.integrity(data)).isEqualTo("ok");
  }

  private void read(Process child) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        synchronized (lines) {
          lines.add(new Line(System.nanoTime(), text));
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the child was killed: its pipe closes
    }
  }

  private void awaitLine(Predicate<String> wanted, Process child, Path log)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (lines) {
      while (lines.stream().noneMatch(l -> wanted.test(l.text()))) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !child.isAlive()) {
          throw new AssertionError(
              "the child did not say what was expected; its log:\n" + Files.readString(log));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    }
  }
}

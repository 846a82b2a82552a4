package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.incident.Incident;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon as a process: kill -9 while it writes, start it again, and nothing recorded is
 * lost or doubled; then a clean SIGTERM stop exits 0.
 */
class DaemonCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** Both daemons end after the test, also when an assertion fails halfway. */
  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  private final AtomicInteger status = new AtomicInteger(500);

  @Test
  void a_kill_9_loses_no_incident_and_at_most_a_second_of_results() throws Exception {
    try (TestHttpServer target =
        TestHttpServer.plain().route("/conversions", r -> Reply.status(status.get()).json("{}"))) {
      Files.writeString(
          dir.resolve("tickr.yml"),
          """
          monitors:
            - name: conversions
              url: %s
              interval: 1s
              timeout: 1s
              failure-threshold: 2
              success-threshold: 1
          """
              .formatted(target.url("/conversions")));
      Path data = dir.resolve("data");

      Process first = start();
      long firstPid = first.pid();
      await(data, s -> s.openIncidents().size() == 1);
      Incident open;
      try (Store store = SqliteStore.openReadOnly(data)) {
        open = store.openIncidents().get(0);
      }
      // Let it write for a while, then pull the plug mid-stream.
      TickrProcess.waitUntil(LIMIT, "six checks", () -> target.requests().size() >= 6);
      int seenByTarget = target.requests().size();
      Instant killedAt = Instant.now();
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int seenAtKill = target.requests().size();
      assertThat(scratch())
          .as("the killed process's copy of SQLite's library is still there")
          .singleElement()
          .satisfies(d -> assertThat(d.getFileName().toString()).contains("-" + firstPid + "-"));

      try (Store store = SqliteStore.openReadOnly(data)) {
        int stored =
            store
                .results("conversions", Instant.EPOCH, killedAt.plusSeconds(5), 10_000, null)
                .size();
        assertThat(stored)
            .as("results stored vs checks the target saw (%d) before the kill", seenAtKill)
            .isGreaterThanOrEqualTo(seenByTarget - 2)
            .isLessThanOrEqualTo(seenAtKill);
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly(open.id());
      }

      Process second = start();
      int before = target.requests().size();
      TickrProcess.waitUntil(
          LIMIT, "three checks after the restart", () -> target.requests().size() >= before + 3);
      JsonNode running = status(data);
      JsonNode monitor = running.get("monitors").get(0);
      assertThat(monitor.get("state").asText()).isEqualTo("DOWN");
      assertThat(monitor.get("incident").get("id").asLong()).isEqualTo(open.id());

      status.set(200);
      await(data, s -> s.openIncidents().isEmpty());
      second.destroy(); // SIGTERM
      assertThat(second.waitFor(15, TimeUnit.SECONDS)).as("stops within 15 s").isTrue();
      assertThat(second.exitValue()).isZero();
      assertThat(scratch())
          .as("the second start removed the killed one's library, its own stop its own")
          .isEmpty();

      try (Store store = SqliteStore.openReadOnly(data)) {
        List<Incident> incidents =
            store.incidents("conversions", Instant.EPOCH, Instant.now().plusSeconds(5));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).id()).isEqualTo(open.id());
        assertThat(incidents.get(0).startedAt()).isEqualTo(open.startedAt());
        assertThat(incidents.get(0).endedAt()).isNotNull();
      }
      assertThat(status(data).get("monitors").get(0).get("state").asText()).isEqualTo("UP");
    }
  }

  private Process start() throws Exception {
    return children.start(
        withTmp(
                TickrProcess.jar(
                    dir, "run", "-c", "tickr.yml", "--data", "data", "--listen", "127.0.0.1:0"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run-" + System.nanoTime() + ".log").toFile()));
  }

  /** The processes' temporary directory: this test's own, to see what they leave there. */
  private ProcessBuilder withTmp(ProcessBuilder b) throws java.io.IOException {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    b.command().add(1, "-Djava.io.tmpdir=" + tmp);
    return b;
  }

  /** The directories Tickr processes unpacked SQLite's native library into. */
  private List<Path> scratch() throws java.io.IOException {
    try (var dirs = Files.list(dir.resolve("tmp"))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("tickr-sqlite-")).toList();
    }
  }

  private JsonNode status(Path data) throws Exception {
    TickrProcess.Result r =
        TickrProcess.run(
            withTmp(TickrProcess.jar(dir, "status", "--data", data.toString(), "--json")),
            Duration.ofSeconds(30));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /** Polls the store (read-only, as another process would) until the condition holds. */
  private static void await(Path data, Predicate<Store> condition) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (Files.exists(data.resolve(SqliteStore.FILE_NAME))) {
        try (Store store = SqliteStore.openReadOnly(data)) {
          if (condition.test(store)) {
            return;
          }
        } catch (dev.tickr.store.StoreException notReadyYet) {
          // the daemon is still creating its schema
        }
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("condition not reached within 30 s");
  }
}

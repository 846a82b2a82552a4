package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Reason;
import dev.tickr.connectivity.LinkState;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TcpListener;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own-connectivity guard end to end, on a loopback "internet": two canaries and the monitors'
 * target are TCP listeners on 127.0.0.1 that the test stops and starts; alerts go to a real webhook
 * receiver on loopback. Time moves by hand, one interval per step.
 */
class OwnConnectivityTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final int MONITORS = 500;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final BlockingQueue<CheckRecord> records = new LinkedBlockingQueue<>();
  private final TcpListener canaryA = TcpListener.open();
  private final TcpListener canaryB = TcpListener.open();
  private final TcpListener target = TcpListener.open();
  private final TestHttpServer receiver = TestHttpServer.plain().text("/hook", 200, "thanks");
  private final dev.tickr.Tickr tickr = new dev.tickr.Tickr(Map.of(), clock, Ticker.system());
  private @Nullable Store store;
  private @Nullable Daemon daemon;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (store != null) {
      store.close();
    }
    receiver.close();
    canaryA.close();
    canaryB.close();
    target.close();
  }

  private Daemon start() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            """
            connectivity:
              targets: ["%s", "tcp://%s"]
              interval: 10s
              timeout: 8s
            channels:
              - name: ops
                type: webhook
                url: %s
                events: [down, connectivity-lost, connectivity-restored]
            defaults:
              type: tcp
              interval: 10s
              timeout: 2s
              alerts: [ops]
            monitors:
            """
                .formatted(canaryA.hostPort(), canaryB.hostPort(), receiver.url("/hook")));
    for (int i = 0; i < MONITORS; i++) {
      yaml.append("  - {name: m%03d, host: 127.0.0.1, port: %d}\n".formatted(i, target.port()));
    }
    Path file = Files.writeString(dir.resolve("tickr.yml"), yaml);
    Store opened = SqliteStore.open(dir.resolve("data"), Retention.defaults(), clock);
    store = opened;
    Daemon started =
        new Daemon(
            BuiltInTypes.loader(Map.of()).load(file),
            file,
            BuiltInTypes.loader(Map.of()),
            opened,
            tickr.types(),
            tickr.connectivityGuard(),
            new Judge(clock),
            clock,
            Ticker.system(),
            new Parked(),
            (s, e) -> Duration.ZERO,
            records::add,
            tickr.notifiers(),
            new Parked(),
            dev.tickr.auth.SecretBox.of(new byte[32]));
    daemon = started;
    started.start();
    return started;
  }

  private Daemon running() {
    return Objects.requireNonNull(daemon);
  }

  /** Moves one interval on, dispatches, and waits until every monitor's check is over. */
  private List<CheckRecord> step() throws InterruptedException {
    clock.advance(INTERVAL);
    running().scheduler().dispatchDue();
    List<CheckRecord> done = new ArrayList<>();
    for (int i = 0; i < MONITORS; i++) {
      CheckRecord r = records.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(r).as("check %d of %d at %s", i + 1, MONITORS, clock.instant()).isNotNull();
      done.add(r);
    }
    // A run ends just after it reports; wait for that so the next slot is not an overrun.
    long until = System.nanoTime() + WAIT.toNanos();
    while (running().scheduler().inFlight() > 0) {
      assertThat(System.nanoTime() - until).as("checks still running").isNegative();
      TimeUnit.MILLISECONDS.sleep(1);
    }
    return done;
  }

  private Map<String, MonitorStatus> states() {
    return running().tracker().snapshot();
  }

  private static List<String> events(List<RecordedRequest> requests) {
    ObjectMapper json = new ObjectMapper();
    List<String> events = new ArrayList<>();
    for (RecordedRequest r : requests) {
      try {
        events.add(json.readTree(r.body()).path("event").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return events;
  }

  @Test
  void when_the_canaries_fail_too_500_failing_monitors_open_no_incident_and_one_notice_goes_out()
      throws Exception {
    start();
    assertThat(step()).extracting(CheckRecord::verdict).containsOnly(Verdict.OK);

    // Tickr's "link" goes: the canaries and every target at once.
    canaryA.stop();
    canaryB.stop();
    target.stop();
    for (int i = 0; i < 3; i++) {
      List<CheckRecord> offline = step();
      assertThat(offline).extracting(CheckRecord::verdict).containsOnly(Verdict.INCONCLUSIVE);
      assertThat(offline)
          .allSatisfy(
              r -> {
                assertThat(r.reason()).isEqualTo(Reason.CONNECT);
                assertThat(r.error()).startsWith("not counted: Tickr lost its own connectivity");
              });
    }
    assertThat(running().connectivity().state()).isEqualTo(LinkState.LOST);
    assertThat(states().values())
        .allSatisfy(
            s -> {
              assertThat(s.state()).isEqualTo(MonitorState.UP);
              assertThat(s.incident()).isNull();
              assertThat(s.failures()).as("counts do not advance").isZero();
            });
    assertThat(Objects.requireNonNull(store).openIncidents()).isEmpty();

    List<RecordedRequest> first = receiver.awaitRequests(1, WAIT);
    assertThat(events(first)).containsExactly("connectivity-lost");
    JsonNode notice = new ObjectMapper().readTree(first.get(0).body());
    assertThat(notice.path("connectivity").path("detail").asText())
        .startsWith("all 2 canaries failed")
        .contains(canaryA.hostPort());
    assertThat(notice.has("monitor")).as("a notice is about no monitor").isFalse();

    // The link returns; the targets stay down.
    canaryA.start();
    canaryB.start();
    assertThat(running().connectivity().probeNow().up()).isTrue();
    List<RecordedRequest> both = receiver.awaitRequests(2, WAIT);
    assertThat(events(both)).containsExactly("connectivity-lost", "connectivity-restored");
    assertThat(running().connectivity().state()).isEqualTo(LinkState.ONLINE);

    // Judged afresh: the targets' failures count again from zero.
    List<CheckRecord> judged = step();
    assertThat(judged).extracting(CheckRecord::verdict).containsOnly(Verdict.FAILED);
    assertThat(states().values())
        .allSatisfy(
            s -> {
              assertThat(s.failures()).isEqualTo(1);
              assertThat(s.incident()).isNull();
            });
    assertThat(events(receiver.requests()))
        .as("exactly one lost and one restored notice, nothing else")
        .containsExactly("connectivity-lost", "connectivity-restored");
  }

  @Test
  void when_only_the_targets_fail_incidents_open_as_before() throws Exception {
    start();
    assertThat(step()).extracting(CheckRecord::verdict).containsOnly(Verdict.OK);
    long roundsBefore = running().connectivity().rounds();

    target.stop();
    assertThat(step()).extracting(CheckRecord::verdict).containsOnly(Verdict.FAILED);
    assertThat(step()).extracting(CheckRecord::verdict).containsOnly(Verdict.FAILED);

    assertThat(states().values())
        .allSatisfy(
            s -> {
              assertThat(s.state()).isEqualTo(MonitorState.DOWN);
              assertThat(Objects.requireNonNull(s.incident()).reason()).isEqualTo(Reason.CONNECT);
            });
    assertThat(running().connectivity().state()).isEqualTo(LinkState.ONLINE);
    assertThat(running().connectivity().rounds() - roundsBefore)
        .as("1,000 failed checks are confirmed by a few shared canary rounds, not one each")
        .isBetween(1L, 20L);
    assertThat(events(receiver.awaitRequests(MONITORS, WAIT)))
        .hasSize(MONITORS)
        .containsOnly("down");
  }
}

package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Reason;
import dev.tickr.config.Config;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Verdict;
import dev.tickr.schedule.Stalls;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon end to end against a real loopback target that goes down and comes back. Time is moved
 * by hand: each step advances the clock one interval and lets the scheduler dispatch.
 */
class DaemonTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger status = new AtomicInteger(200);
  private final BlockingQueue<CheckRecord> records = new LinkedBlockingQueue<>();
  private TestHttpServer target = TestHttpServer.plain();
  private @Nullable Store store;
  private @Nullable Daemon daemon;
  private final AtomicBoolean stalled = new AtomicBoolean();

  /** While {@link #stalled} is set, Tickr "could not run" for 30 s around every check. */
  private final Stalls stalls =
      (start, end) -> stalled.get() ? Duration.ofSeconds(30) : Duration.ZERO;

  private final dev.tickr.Tickr tickr = new dev.tickr.Tickr(Map.of(), clock, Ticker.system());
  private NotifierFactory notifiers = NotifierFactory.none();

  @BeforeEach
  void start() {
    target
        .route("/postback", r -> Reply.status(status.get()).json("{\"ok\":true}"))
        .json("/other", 200, "{}")
        .route(
            "/limited", r -> Reply.status(status.get()).header("Retry-After", "30").text("slow"));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (store != null) {
      store.close();
    }
    target.close();
  }

  private String yaml(String extra) {
    return """
        monitors:
          - name: postback
            url: %s
            interval: 10s
            timeout: 5s
            failure-threshold: 3
            success-threshold: 2
        %s"""
        .formatted(target.url("/postback"), extra);
  }

  private Store store() {
    return Objects.requireNonNull(store);
  }

  private Daemon running() {
    return Objects.requireNonNull(daemon);
  }

  private Daemon daemon(Config config, Path file) {
    Store opened = SqliteStore.open(dir.resolve("data"), Retention.defaults(), clock);
    store = opened;
    Daemon started =
        new Daemon(
            config,
            file,
            BuiltInTypes.loader(Map.of()),
            opened,
            tickr.types(),
            tickr.connectivityGuard(),
            new Judge(clock),
            clock,
            Ticker.system(),
            new Parked(),
            stalls,
            records::add,
            notifiers,
            new Parked(),
            dev.tickr.auth.SecretBox.of(new byte[32]));
    daemon = started;
    started.start();
    return started;
  }

  private Daemon daemon(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("tickr.yml"), yaml);
    return daemon(BuiltInTypes.loader(Map.of()).load(file), file);
  }

  /** Moves one interval on, dispatches, and waits for every check that became due. */
  private List<CheckRecord> step(int expectedChecks) throws InterruptedException {
    clock.advance(INTERVAL);
    running().scheduler().dispatchDue();
    List<CheckRecord> done = new ArrayList<>();
    for (int i = 0; i < expectedChecks; i++) {
      CheckRecord r = records.poll(10, TimeUnit.SECONDS);
      assertThat(r)
          .as(
              "check %d of %d finished at %s (in flight %d, overruns %d, skipped %d)",
              i + 1,
              expectedChecks,
              clock.instant(),
              running().scheduler().inFlight(),
              running().scheduler().overruns(),
              running().scheduler().skipped())
          .isNotNull();
      done.add(r);
    }
    // The run ends just after it reports; wait for that so the next slot is not an overrun.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (running().scheduler().inFlight() > 0) {
      if (System.nanoTime() - until > 0) {
        throw new AssertionError(
            running().scheduler().inFlight()
                + " check(s) still running 10 s after reporting, at "
                + clock.instant());
      }
      TimeUnit.MILLISECONDS.sleep(1);
    }
    return done;
  }

  private MonitorStatus state(String monitor) {
    return Objects.requireNonNull(running().tracker().snapshot().get(monitor), monitor);
  }

  private Incident incident(String monitor) {
    return Objects.requireNonNull(state(monitor).incident(), "open incident of " + monitor);
  }

  @Test
  void goes_down_after_exactly_the_failure_threshold_and_up_after_the_success_threshold()
      throws Exception {
    daemon(yaml(""));
    step(1);
    assertThat(state("postback").state()).isEqualTo(MonitorState.UP);

    status.set(500);
    Instant firstFailure = step(1).get(0).startedAt();
    step(1);
    assertThat(state("postback").state()).as("two failures of three").isEqualTo(MonitorState.UP);
    step(1);
    MonitorStatus down = state("postback");
    assertThat(down.state()).isEqualTo(MonitorState.DOWN);
    Incident incident = incident("postback");
    assertThat(incident.startedAt()).isEqualTo(firstFailure);
    assertThat(incident.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(incident.evidence().status()).isEqualTo(500);
    assertThat(incident.evidence().bodyStart()).isEqualTo("{\"ok\":true}");

    status.set(200);
    step(1);
    assertThat(state("postback").state()).as("one success of two").isEqualTo(MonitorState.DOWN);
    Instant recovered = step(1).get(0).startedAt();
    assertThat(state("postback").state()).isEqualTo(MonitorState.UP);

    store().flush();
    List<Incident> incidents = store().incidents("postback", T0, clock.instant().plusSeconds(1));
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).startedAt()).isEqualTo(firstFailure);
    assertThat(incidents.get(0).endedAt()).isEqualTo(recovered);
    assertThat(incidents.get(0).duration()).isEqualTo(Duration.between(firstFailure, recovered));
    assertThat(store().openIncidents()).isEmpty();
  }

  @Test
  void a_429_with_retry_after_holds_the_next_check_back_that_long() throws Exception {
    daemon(yaml("").replace("/postback", "/limited"));
    step(1);
    status.set(429);
    Instant limited = step(1).get(0).startedAt();
    assertThat(running().scheduler().heldUntil("postback")).contains(limited.plusSeconds(30));

    status.set(200);
    clock.advance(INTERVAL);
    running().scheduler().dispatchDue();
    clock.advance(INTERVAL);
    running().scheduler().dispatchDue();
    assertThat(records).as("no check within the 30 s the target asked for").isEmpty();
    Instant next = step(1).get(0).startedAt();
    assertThat(Duration.between(limited, next)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_plain_failure_holds_nothing_back() throws Exception {
    daemon(yaml("").replace("/postback", "/limited"));
    step(1);
    status.set(500);
    step(1);
    assertThat(running().scheduler().heldUntil("postback")).isEmpty();
    assertThat(step(1)).hasSize(1);
  }

  @Test
  void timeouts_while_tickr_itself_was_stalled_are_recorded_but_never_open_an_incident()
      throws Exception {
    try (MisbehavingServer silent = MisbehavingServer.acceptsAndNeverAnswers()) {
      daemon(
          """
          monitors:
            - name: silent
              url: %s
              interval: 10s
              timeout: 500ms
              failure-threshold: 2
          """
              .formatted(silent.url("/")));
      stalled.set(true);
      for (int i = 0; i < 3; i++) {
        CheckRecord r = step(1).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason()).isEqualTo(Reason.INTERNAL);
        assertThat(r.error())
            .startsWith("not counted: Tickr itself could not run for")
            .endsWith("(timeout after 500ms while waiting for the response)");
      }
      assertThat(state("silent").state()).isEqualTo(MonitorState.PENDING);
      assertThat(state("silent").incident()).isNull();

      // Without a stall the same timeouts count: DOWN after two.
      stalled.set(false);
      step(1);
      CheckRecord counted = step(1).get(0);
      assertThat(counted.verdict()).isEqualTo(Verdict.FAILED);
      assertThat(counted.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(state("silent").state()).isEqualTo(MonitorState.DOWN);
      store().flush();
      assertThat(store().uptime("silent", T0, clock.instant().plusSeconds(1)).checks())
          .as("stalled checks are not counted in uptime")
          .isEqualTo(2);
    }
  }

  @Test
  void a_flapping_target_yields_only_the_incidents_its_thresholds_allow() throws Exception {
    daemon(yaml(""));
    // + x + x x + x x x + + x x x + +   (threshold 3 down, 2 up)
    String pattern = "+x+xx+xxx++xxx++";
    for (int i = 0; i < pattern.length(); i++) {
      status.set(pattern.charAt(i) == '+' ? 200 : 503);
      step(1);
    }
    store().flush();
    List<Incident> incidents = store().incidents("postback", T0, clock.instant().plusSeconds(1));
    assertThat(incidents).hasSize(2);
    assertThat(incidents).allSatisfy(i -> assertThat(i.endedAt()).isNotNull());
    assertThat(state("postback").state()).isEqualTo(MonitorState.UP);
  }

  @Test
  void state_and_the_open_incident_survive_a_restart_without_a_duplicate() throws Exception {
    daemon(yaml(""));
    status.set(500);
    step(1);
    step(1);
    step(1);
    Incident before = incident("postback");
    running().close();
    store().close();

    records.clear();
    daemon(yaml(""));
    assertThat(state("postback").state()).isEqualTo(MonitorState.DOWN);
    assertThat(state("postback").incident()).isEqualTo(before);
    step(1);
    step(1);
    assertThat(store().openIncidents()).extracting(Incident::id).containsExactly(before.id());
    status.set(200);
    step(1);
    step(1);
    store().flush();
    List<Incident> all = store().incidents("postback", T0, clock.instant().plusSeconds(1));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).id()).isEqualTo(before.id());
    assertThat(all.get(0).endedAt()).isNotNull();
  }

  @Test
  void reload_adds_changes_and_removes_monitors_keeping_the_state_of_unchanged_ones()
      throws Exception {
    daemon(
        yaml(
            """
              - name: doomed
                url: %s
                interval: 10s
            """
                .formatted(target.url("/other"))));
    status.set(500);
    step(2);
    step(2);
    step(2);
    assertThat(state("postback").state()).isEqualTo(MonitorState.DOWN);
    long incident = incident("postback").id();

    Files.writeString(
        dir.resolve("tickr.yml"),
        yaml(
            """
              - name: newcomer
                url: %s
                interval: 10s
            """
                .formatted(target.url("/other"))));
    assertThat(running().reload()).isTrue();
    assertThat(running().scheduler().size()).isEqualTo(2);
    assertThat(running().tracker().snapshot()).containsKeys("postback", "newcomer");
    assertThat(running().tracker().snapshot()).doesNotContainKey("doomed");
    assertThat(incident("postback").id()).as("unchanged keeps its incident").isEqualTo(incident);
    List<CheckRecord> ran = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ran.addAll(step(2));
    }
    assertThat(ran).extracting(CheckRecord::monitor).containsOnly("postback", "newcomer");
    assertThat(store().monitors())
        .extracting(m -> m.name())
        .containsExactlyInAnyOrder("postback", "newcomer");
  }

  /** A channel's notifier that hands each notification to the test. */
  private static final class Inbox implements Notifier {
    final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();

    @Override
    public Delivery send(Notification notification) {
      received.add(notification);
      return Delivery.sent(200, "ok");
    }
  }

  @Test
  void an_incident_reaches_the_monitors_channel_and_so_does_its_recovery() throws Exception {
    Inbox inbox = new Inbox();
    notifiers = channels -> Map.of("ops", inbox);
    daemon(
        yaml("""
                channels:
                  - {name: ops, type: webhook, url: https://hooks.example.com/ops}
                """)
            .replace("success-threshold: 2", "success-threshold: 2\n    alerts: [ops]"));
    step(1);
    status.set(503);
    step(1);
    step(1);
    step(1);

    Notification down = inbox.received.poll(10, TimeUnit.SECONDS);
    assertThat(down).isNotNull();
    assertThat(down.event()).isEqualTo(AlertEvent.DOWN);
    assertThat(down.first().incidentId()).isEqualTo(incident("postback").id());
    assertThat(down.first().status()).isEqualTo(503);

    status.set(200);
    step(1);
    step(1);
    Notification up = inbox.received.poll(10, TimeUnit.SECONDS);
    assertThat(up).isNotNull();
    assertThat(up.event()).isEqualTo(AlertEvent.UP);
    assertThat(up.first().duration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(running().channelHealth())
        .singleElement()
        .satisfies(h -> assertThat(h.lastSuccess()).isNotNull());
  }

  @Test
  void an_invalid_reload_keeps_the_running_config() throws Exception {
    daemon(yaml(""));
    step(1);
    Files.writeString(dir.resolve("tickr.yml"), "monitors:\n  - name: broken\n    interval: 1ms\n");
    assertThat(running().reload()).isFalse();
    assertThat(running().config().monitors()).extracting(m -> m.name()).containsExactly("postback");
    step(1);
    assertThat(state("postback").state()).isEqualTo(MonitorState.UP);
  }

  @Test
  void uptime_matches_a_hand_computed_window() throws Exception {
    daemon(yaml(""));
    String pattern = "++x+xx++++x+++++++++"; // 20 checks, 4 failed
    for (int i = 0; i < pattern.length(); i++) {
      status.set(pattern.charAt(i) == '+' ? 200 : 500);
      step(1);
    }
    store().flush();
    Uptime uptime = store().uptime("postback", T0, clock.instant().plusSeconds(1));
    assertThat(uptime.checks()).isEqualTo(20);
    assertThat(uptime.failed()).isEqualTo(4);
    assertThat(uptime.ratio()).isEqualTo(16 / 20.0);
    assertThat(uptime.p95()).isNotNull();
  }

  @Test
  void every_check_records_its_lateness_and_phases() throws Exception {
    daemon(yaml(""));
    CheckRecord r = step(1).get(0);
    assertThat(r.lateness()).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(INTERVAL);
    assertThat(r.connect()).isNotNull();
    assertThat(r.status()).isEqualTo(200);
    store().flush();
    assertThat(store().results("postback", T0, clock.instant().plusSeconds(1), 10, null))
        .hasSize(1);
  }
}

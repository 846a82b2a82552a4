package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.check.StepResult;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.schedule.CheckSlots;
import dev.tickr.schedule.Scheduler;
import dev.tickr.schedule.Waiter;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flows whose steps poll, run by a real scheduler with very few slots beside many other monitors: a
 * polling step gives its slot up while it waits, so every other monitor still runs at its slot.
 * Time is a fake clock the test moves a second at a time; after each second the test waits for the
 * runs due in it to end (a run blocked for a slot fails the test), and each run's lateness is its
 * start against its plan, as the scheduler's lateness metric has it.
 */
class FlowSchedulingTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Duration BLOCKED = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock(T0);
  private final Ticker ticker = () -> Duration.between(T0, clock.instant()).toNanos();
  private final Object time = new Object();
  private final TestHttpServer server = TestHttpServer.plain();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final AtomicLong worstLatenessMillis = new AtomicLong();
  private final AtomicInteger flowsRunning = new AtomicInteger();
  private final List<StepResult> flowSteps = new CopyOnWriteArrayList<>();
  private final Object ended = new Object();

  /** Flows waiting between tries, until when. */
  private final Map<Thread, Instant> pausedUntil = new ConcurrentHashMap<>();

  /** The most flows waiting between tries at once; guarded by {@code ended}. */
  private int mostPaused;

  @AfterEach
  void stop() {
    synchronized (time) {
      clock.advance(Duration.ofDays(1)); // lets every pause end
      time.notifyAll();
    }
    threads.shutdownNow();
    server.close();
  }

  /** The flow type as the daemon wires it: a poll's wait gives the scheduler slot up. */
  private FlowType flowType(CheckSlots slots) {
    HttpCheck http = new HttpCheck(clock, ticker, "tickr-test");
    return new FlowType(
        http,
        new OAuth2Tokens(http, clock),
        new Judge(clock),
        ticker,
        pause ->
            slots.away(
                () -> {
                  Instant until = clock.instant().plus(pause);
                  synchronized (ended) {
                    pausedUntil.put(Thread.currentThread(), until);
                    mostPaused = Math.max(mostPaused, pausedUntil.size());
                    ended.notifyAll();
                  }
                  try {
                    sleepUntil(until);
                  } finally {
                    pausedUntil.remove(Thread.currentThread());
                  }
                }));
  }

  /** Waits until the fake clock reaches {@code at}: the test moves it. */
  private void sleepUntil(Instant at) throws InterruptedException {
    synchronized (time) {
      while (clock.instant().isBefore(at)) {
        time.wait(1_000);
      }
    }
  }

  private MonitorSpec flow(FlowType type, String name, String every, String within)
      throws Exception {
    HttpCheck http = new HttpCheck(clock, ticker, "tickr-test");
    ConfigLoader loader =
        new ConfigLoader(
            Map.of(),
            new MonitorTypes(List.of(new HttpType(http, new OAuth2Tokens(http, clock)), type))
                .definitions());
    return loader
        .parse(
            "tickr.yml",
            """
            monitors:
              - name: %s
                type: flow
                interval: 1h
                steps:
                  - name: report
                    url: %s
                    poll: {every: %s, within: %s}
            """
                .formatted(name, server.url("/report"), every, within))
        .monitors()
        .get(0);
  }

  private Scheduler scheduler(CheckSlots slots, Map<String, MonitorSpec> flows, FlowType type) {
    Waiter never =
        new Waiter() {
          @Override
          public void await(Duration atMost) {}

          @Override
          public void wake() {}
        };
    // Tells the test each time a run has ended (the scheduler has then noted it).
    Executor executor =
        task ->
            threads.execute(
                () -> {
                  try {
                    task.run();
                  } finally {
                    synchronized (ended) {
                      ended.notifyAll();
                    }
                  }
                });
    return new Scheduler(
        clock,
        never,
        executor,
        slots,
        (monitor, planned) -> {
          runs.computeIfAbsent(monitor, k -> new AtomicInteger()).incrementAndGet();
          MonitorSpec spec = flows.get(monitor);
          if (spec == null) {
            long late = Duration.between(planned, clock.instant()).toMillis();
            worstLatenessMillis.accumulateAndGet(late, Math::max);
            return;
          }
          flowsRunning.incrementAndGet();
          try {
            Observation o = type.observe(spec.settings(), Deadline.after(spec.timeout(), ticker));
            flowSteps.add(o.steps().get(0));
          } finally {
            flowsRunning.decrementAndGet();
          }
        });
  }

  /**
   * Moves the clock a second at a time for {@code span}; after each second, waits until every run
   * but the flows' has ended, and fails if that takes more than {@link #BLOCKED} of real time.
   */
  private void runFor(Scheduler s, Duration span) {
    Instant end = clock.instant().plus(span);
    while (clock.instant().isBefore(end)) {
      synchronized (time) {
        clock.advance(STEP);
        time.notifyAll();
      }
      s.dispatchDue();
      long deadline = System.nanoTime() + BLOCKED.toNanos();
      synchronized (ended) {
        while (s.inFlight() > flowsRunning.get() || !flowsSettled()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError(
                "monitors blocked at "
                    + clock.instant()
                    + ": "
                    + s.inFlight()
                    + " in flight, of which flows "
                    + flowsRunning.get());
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(ended, Math.min(left, 50_000_000L));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
        }
      }
    }
  }

  /** Whether every running flow waits for a time still to come: it is not due to try again. */
  private boolean flowsSettled() {
    Instant now = clock.instant();
    return pausedUntil.size() == flowsRunning.get()
        && pausedUntil.values().stream().allMatch(t -> t.isAfter(now));
  }

  private int runsOf(String monitor) {
    AtomicInteger n = runs.get(monitor);
    return n == null ? 0 : n.get();
  }

  @Test
  void three_polling_flows_on_two_slots_hold_back_no_other_monitor() throws Exception {
    server.text("/report", 404, "not yet");
    CheckSlots slots = new CheckSlots(2);
    FlowType type = flowType(slots);
    Map<String, MonitorSpec> flows = new ConcurrentHashMap<>();
    for (String name : List.of("flow-a", "flow-b", "flow-c")) {
      flows.put(name, flow(type, name, "1m", "55m"));
    }
    Scheduler s = scheduler(slots, flows, type);
    flows.keySet().forEach(name -> s.schedule(name, Duration.ofHours(1)));
    for (int i = 0; i < 20; i++) {
      s.schedule("m" + i, Duration.ofSeconds(10));
    }

    runFor(s, Duration.ofMinutes(121));

    synchronized (ended) {
      assertThat(mostPaused).as("three flows polling at once, with two slots").isEqualTo(3);
    }
    assertThat(flowSteps).as("each flow ran and polled till its end").hasSizeGreaterThan(3);
    // A poll every minute for 55 minutes tries 56 times; the flow that found both slots taken at
    // its start begins up to a step later on the test's clock, and so may try once less.
    assertThat(flowSteps)
        .allSatisfy(
            step -> {
              assertThat(step.attempts()).isBetween(55, 56);
              assertThat(step.message()).contains("timed out after 55m");
            });
    for (int i = 0; i < 20; i++) {
      assertThat(runsOf("m" + i)).as("m" + i + " ran at each slot").isBetween(725, 727);
    }
    assertThat(worstLatenessMillis.get()).isLessThan(STEP.toMillis());
    assertThat(slots.free()).isEqualTo(2);
  }

  @Test
  void an_hourly_flow_polling_for_ten_minutes_delays_none_of_1000_monitors() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    server.route(
        "/report",
        r ->
            tries.incrementAndGet() < 4
                ? dev.tickr.testing.Reply.status(404).text("not yet")
                : dev.tickr.testing.Reply.status(200).text("there"));
    CheckSlots slots = new CheckSlots(1); // the flow's request takes the only slot while it runs
    FlowType type = flowType(slots);
    Map<String, MonitorSpec> flows = Map.of("flow", flow(type, "flow", "10m", "1h"));
    Scheduler s = scheduler(slots, flows, type);
    s.schedule("flow", Duration.ofHours(1));
    for (int i = 0; i < 1_000; i++) {
      s.schedule("m" + i, Duration.ofMinutes(1));
    }

    runFor(s, Duration.ofMinutes(121));

    assertThat(flowSteps).isNotEmpty();
    assertThat(flowSteps.get(0).status()).isEqualTo(StepResult.Status.PASSED);
    assertThat(flowSteps.get(0).attempts()).isEqualTo(4);
    assertThat(flowSteps.get(0).took()).isEqualTo(Duration.ofMinutes(30));
    for (int i = 0; i < 1_000; i++) {
      assertThat(runsOf("m" + i)).as("m" + i + " ran every minute").isBetween(120, 122);
    }
    assertThat(worstLatenessMillis.get()).as("the worst lateness").isLessThan(STEP.toMillis());
    assertThat(s.skipped()).isZero();
  }
}

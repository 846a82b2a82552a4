package dev.tickr.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Executor SAME_THREAD = Runnable::run;

  private final MutableClock clock = new MutableClock(T0);
  private final List<String> runs = new ArrayList<>();
  private final Map<String, List<Instant>> planned = new HashMap<>();

  private Scheduler scheduler(Executor executor) {
    return new Scheduler(
        clock,
        new NoWait(),
        executor,
        100,
        (monitor, at) -> {
          synchronized (runs) {
            runs.add(monitor);
            planned.computeIfAbsent(monitor, k -> new ArrayList<>()).add(at);
          }
        });
  }

  /** Steps the clock in small increments for the given span, dispatching at each step. */
  private void runFor(Scheduler s, Duration span, Duration step) {
    Instant end = clock.instant().plus(span);
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      s.dispatchDue();
    }
  }

  @Test
  void each_monitor_runs_once_per_interval_on_a_fixed_grid() {
    Scheduler s = scheduler(SAME_THREAD);
    s.schedule("postback", Duration.ofSeconds(10));
    runFor(s, Duration.ofMinutes(10), Duration.ofMillis(370));
    List<Instant> times = java.util.Objects.requireNonNull(planned.get("postback"));
    assertThat(times).hasSizeBetween(59, 61);
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .isEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void planned_times_do_not_drift_over_hours() {
    Scheduler s = scheduler(SAME_THREAD);
    s.schedule("report", Duration.ofSeconds(30));
    runFor(s, Duration.ofHours(6), Duration.ofMillis(1_337));
    List<Instant> times = java.util.Objects.requireNonNull(planned.get("report"));
    long offset = Slots.offsetMillis("report", Duration.ofSeconds(30));
    assertThat(times).hasSizeBetween(719, 721);
    assertThat(times)
        .allSatisfy(t -> assertThat(Math.floorMod(t.toEpochMilli(), 30_000L)).isEqualTo(offset));
  }

  @Test
  void many_monitors_with_one_interval_are_spread_over_it() {
    Scheduler s = scheduler(SAME_THREAD);
    int monitors = 10_000;
    for (int i = 0; i < monitors; i++) {
      s.schedule("m" + i, Duration.ofSeconds(10));
    }
    int[] perSecond = new int[10];
    for (int i = 0; i < monitors; i++) {
      perSecond[(int) (Slots.offsetMillis("m" + i, Duration.ofSeconds(10)) / 1000)]++;
    }
    // Each second of the interval gets close to a tenth of the monitors: no burst.
    for (int n : perSecond) {
      assertThat(n).isBetween(850, 1150);
    }
    runFor(s, Duration.ofSeconds(10), Duration.ofMillis(100));
    // Every monitor once; the few whose slot is exactly the start run twice.
    assertThat(runs).hasSizeBetween(monitors, monitors + 10);
    assertThat(planned).hasSize(monitors);
  }

  @Test
  void offsets_are_stable_for_a_name() {
    assertThat(Slots.offsetMillis("impact-campaigns", Duration.ofMinutes(1)))
        .isEqualTo(Slots.offsetMillis("impact-campaigns", Duration.ofMinutes(1)))
        .isBetween(0L, 59_999L);
  }

  @Test
  void after_a_long_pause_missed_runs_are_skipped_not_caught_up() {
    Scheduler s = scheduler(SAME_THREAD);
    s.schedule("a", Duration.ofSeconds(10));
    s.schedule("b", Duration.ofSeconds(10));
    runFor(s, Duration.ofSeconds(30), Duration.ofMillis(500));
    int before = runs.size();
    clock.advance(Duration.ofHours(1)); // the machine was suspended
    s.dispatchDue();
    assertThat(runs).as("no burst of missed runs").hasSize(before);
    assertThat(s.skipped()).isGreaterThanOrEqualTo(2 * 359L);
    runFor(s, Duration.ofSeconds(10), Duration.ofMillis(500));
    assertThat(runs).hasSize(before + 2);
  }

  @Test
  void a_run_still_going_skips_its_next_slot_but_not_other_monitors() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> started = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      // Says when a run has ended (the scheduler has then noted it), for awaitInFlight.
      Executor executor =
          task ->
              threads.execute(
                  () -> {
                    task.run();
                    synchronized (started) {
                      started.notifyAll();
                    }
                  });
      Scheduler s =
          new Scheduler(
              clock,
              new NoWait(),
              executor,
              100,
              (monitor, at) -> {
                synchronized (started) {
                  started.add(monitor);
                }
                if (monitor.equals("hanging")) {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
      s.schedule("hanging", Duration.ofSeconds(1));
      s.schedule("healthy", Duration.ofSeconds(1));
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        s.dispatchDue();
        awaitCount(started, "healthy", i + 1);
        // Its run has started; the next slot is skipped unless it has also ended by then.
        awaitInFlight(s, started, 1);
      }
      assertThat(started.stream().filter("hanging"::equals).count()).isEqualTo(1);
      assertThat(s.overruns()).isGreaterThanOrEqualTo(4);
      assertThat(s.inFlight()).isEqualTo(1);
      release.countDown();
    }
  }

  @Test
  void unscheduled_monitors_stop_and_rescheduled_ones_take_the_new_interval() {
    Scheduler s = scheduler(SAME_THREAD);
    s.schedule("a", Duration.ofSeconds(10));
    s.schedule("b", Duration.ofSeconds(10));
    runFor(s, Duration.ofSeconds(20), Duration.ofMillis(250));
    s.unschedule("a");
    s.schedule("b", Duration.ofSeconds(5));
    planned.clear();
    runFor(s, Duration.ofSeconds(60), Duration.ofMillis(250));
    assertThat(planned).doesNotContainKey("a");
    assertThat(planned.get("b")).hasSizeBetween(11, 13);
    assertThat(s.size()).isEqualTo(1);
  }

  @Test
  void the_timer_thread_dispatches_with_the_real_waiter() throws Exception {
    CountDownLatch ran = new CountDownLatch(2);
    try (Scheduler s =
        new Scheduler(
            java.time.Clock.systemUTC(),
            Waiter.system(),
            Executors.newVirtualThreadPerTaskExecutor(),
            10,
            (monitor, at) -> ran.countDown())) {
      s.start();
      s.schedule("one", Duration.ofSeconds(1));
      s.schedule("two", Duration.ofSeconds(1));
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitCount(List<String> started, String monitor, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      synchronized (started) {
        if (started.stream().filter(monitor::equals).count() >= count) {
          return;
        }
      }
      synchronized (started) {
        started.wait(10);
      }
    }
    throw new AssertionError(monitor + " did not reach " + count + " runs");
  }

  private static void awaitInFlight(Scheduler s, Object ended, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    synchronized (ended) {
      while (s.inFlight() != count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("runs in flight: " + s.inFlight() + ", expected " + count);
        }
        TimeUnit.NANOSECONDS.timedWait(ended, left);
      }
    }
  }

  /** The tests move the clock themselves. */
  private static final class NoWait implements Waiter {
    @Override
    public void await(Duration atMost) {}

    @Override
    public void wake() {}
  }
}

package dev.tickr.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** A monitor held back by its target ({@code Retry-After}): {@link Scheduler#notBefore}. */
class SchedulerHoldTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(T0);
  private final List<Instant> starts = new ArrayList<>();

  private Scheduler scheduler(BiConsumer<Scheduler, Instant> onRun) {
    Scheduler[] self = new Scheduler[1];
    self[0] =
        new Scheduler(
            clock,
            new NoWait(),
            Runnable::run,
            10,
            (monitor, planned) -> {
              starts.add(clock.instant());
              onRun.accept(self[0], planned);
            });
    return self[0];
  }

  private void runFor(Scheduler s, Duration span) {
    Instant end = clock.instant().plus(span);
    while (clock.instant().isBefore(end)) {
      Duration wait = s.dispatchDue();
      Duration step = wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
      clock.advance(step);
    }
  }

  @Test
  void a_retry_after_of_120_s_delays_the_next_run_by_120_s() {
    Scheduler s =
        scheduler(
            (self, planned) -> {
              if (starts.size() == 1) {
                self.notBefore("api", clock.instant().plusSeconds(120)); // the 429's answer
              }
            });
    s.schedule("api", MINUTE);
    runFor(s, Duration.ofMinutes(6));

    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofMinutes(2));
    for (int i = 2; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
          .as("never closer than an interval after the hold")
          .isGreaterThanOrEqualTo(MINUTE);
    }
    long offset = Slots.offsetMillis("api", MINUTE);
    assertThat(Math.floorMod(starts.get(2).toEpochMilli(), MINUTE.toMillis()))
        .as("back on its grid")
        .isEqualTo(offset);
    assertThat(s.heldUntil("api")).isEmpty();
  }

  @Test
  void a_hold_off_the_grid_is_followed_by_a_full_interval_not_the_next_slot() {
    Scheduler s =
        scheduler(
            (self, planned) -> {
              if (starts.size() == 1) {
                self.notBefore("api", clock.instant().plusSeconds(90));
              }
            });
    s.schedule("api", MINUTE);
    runFor(s, Duration.ofMinutes(5));

    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofSeconds(90));
    assertThat(Duration.between(starts.get(1), starts.get(2))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void a_hold_shorter_than_the_interval_changes_nothing() {
    Scheduler s =
        scheduler(
            (self, planned) -> {
              if (starts.size() == 1) {
                self.notBefore("api", clock.instant().plusSeconds(30));
              }
            });
    s.schedule("api", MINUTE);
    runFor(s, Duration.ofMinutes(3));

    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(MINUTE);
  }

  private static final class NoWait implements Waiter {
    @Override
    public void await(Duration atMost) {}

    @Override
    public void wake() {}
  }
}

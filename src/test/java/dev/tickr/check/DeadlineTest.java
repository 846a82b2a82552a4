package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.time.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A deadline on a ticker the test moves. */
class DeadlineTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final Ticker ticker = now::get;

  @Test
  void millisecond_timeouts_are_rounded_up_so_they_never_end_before_the_deadline() {
    Deadline deadline = Deadline.after(Duration.ofMillis(1200), ticker);
    assertThat(deadline.remainingMillisRoundedUp()).isEqualTo(1200);

    now.addAndGet(1); // 1,199.999999 ms left
    assertThat(deadline.remaining()).isEqualTo(Duration.ofNanos(1_199_999_999));
    assertThat(deadline.remainingMillisRoundedUp()).isEqualTo(1200);

    now.addAndGet(1_199_999_998); // 1 ns left
    assertThat(deadline.remainingMillisRoundedUp()).isEqualTo(1);
    assertThat(deadline.expired()).isFalse();

    now.addAndGet(1);
    assertThat(deadline.remainingMillisRoundedUp()).isZero();
    assertThat(deadline.remaining()).isZero();
    assertThat(deadline.expired()).isTrue();
  }
}

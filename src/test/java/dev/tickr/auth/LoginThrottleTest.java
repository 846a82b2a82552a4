package dev.tickr.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @ParameterizedTest
  @CsvSource({
    "1, PT0S",
    "4, PT0S",
    "5, PT30S",
    "6, PT1M",
    "7, PT2M",
    "9, PT8M",
    "10, PT15M",
    "1000, PT15M"
  })
  void the_wait_after_n_attempts_doubles_from_the_fifth_up_to_a_quarter_hour(
      int attempts, Duration wait) {
    assertThat(LoginThrottle.waitAfter(attempts)).isEqualTo(wait);
  }

  @Test
  void a_refused_attempt_is_not_counted_and_a_quiet_quarter_hour_forgets_the_pair() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.attempt("10.0.0.1", "alice")).isEmpty();
    }
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.attempt("10.0.0.1", "Alice")).hasValue(Duration.ofSeconds(30));
    }
    clock.advance(Duration.ofSeconds(30));
    assertThat(throttle.attempt("10.0.0.1", "alice")).as("the sixth attempt").isEmpty();
    assertThat(throttle.attempt("10.0.0.1", "alice")).hasValue(Duration.ofMinutes(1));

    clock.advance(Duration.ofMinutes(1).plus(LoginThrottle.FORGET_AFTER));
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.attempt("10.0.0.1", "alice")).as("forgotten: free again").isEmpty();
    }
    assertThat(throttle.attempt("10.0.0.2", "alice")).as("another address").isEmpty();
  }
}

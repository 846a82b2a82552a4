package dev.tickr.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tracker owns flap damping: it counts changes between judged states (UP, DEGRADED, DOWN), says
 * STARTED before the change that made the monitor flap, SETTLED when {@link IncidentTracker#settle}
 * finds it stable for the rule's window, and shows the flag in {@link ShownState}.
 */
class FlappingTransitionsTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final StateMachine.Thresholds ONE = new StateMachine.Thresholds(1, 1);

  private final MutableClock clock = new MutableClock(T0);
  private final Map<String, @Nullable FlapRule> rules = new HashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<IncidentEvent> events = new ArrayList<>();
  private final IncidentTracker tracker =
      new IncidentTracker(
          new StateMachine(ids::incrementAndGet),
          new StatusSink() {
            @Override
            public void saveStatus(MonitorStatus status) {}

            @Override
            public void saveIncident(Incident incident) {}

            @Override
            public void saveMaintenance(Map<String, Maintenance> windows) {}
          },
          rules::get,
          clock);

  {
    rules.put("postback", new FlapRule(2, Duration.ofMinutes(10)));
    tracker.listen(events::add);
  }

  /** One check a minute: + passes, ~ degraded, x fails, p pause, r resume. */
  private void feed(String script) {
    for (int i = 0; i < script.length(); i++) {
      clock.advance(Duration.ofMinutes(1));
      Instant at = clock.instant();
      switch (script.charAt(i)) {
        case '+' -> tracker.apply("postback", Outcome.ok(at), ONE);
        case '~' ->
            tracker.apply(
                "postback",
                new Outcome(at, Verdict.DEGRADED, Reason.CONDITION, "slow", Evidence.NONE),
                ONE);
        case 'x' ->
            tracker.apply(
                "postback",
                new Outcome(at, Verdict.FAILED, Reason.HTTP_STATUS, "500", Evidence.NONE),
                ONE);
        case 'p' -> tracker.pause("postback", at);
        case 'r' -> tracker.resume("postback", at);
        default -> throw new IllegalArgumentException(script);
      }
    }
  }

  /** The events told, as {@code STARTED}, {@code SETTLED} or the judged transition. */
  private List<String> told() {
    return events.stream()
        .map(
            e ->
                switch (e) {
                  case IncidentEvent.FlappingChanged f -> f.transition().name();
                  case IncidentEvent.StateChanged c -> c.transition().name();
                  default -> "";
                })
        .filter(s -> !s.isEmpty())
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // more than 2 judged changes within 10 minutes: STARTED, told before the third change
    "+x+x, PENDING_TO_UP UP_TO_DOWN DOWN_TO_UP STARTED UP_TO_DOWN",
    "+~+~, PENDING_TO_UP UP_TO_DEGRADED DEGRADED_TO_UP STARTED UP_TO_DEGRADED",
    // pausing and resuming are no judged changes
    "+xpr+x, PENDING_TO_UP UP_TO_DOWN DOWN_TO_PAUSED PAUSED_TO_PENDING PENDING_TO_UP UP_TO_DOWN",
    "+x+, PENDING_TO_UP UP_TO_DOWN DOWN_TO_UP",
  })
  void starts_flapping_on_too_many_judged_changes(String script, String expected) {
    feed(script);

    assertThat(told()).containsExactly(expected.split(" "));
  }

  @Test
  void settles_once_stable_for_the_window_and_shows_the_flag_meanwhile() {
    feed("+x+x");
    Instant started = clock.instant();
    assertThat(tracker.flapping("postback")).isTrue();
    assertThat(tracker.shown("postback", started).flappingSince()).isEqualTo(started);
    assertThat(tracker.nextSettle()).isEqualTo(started.plus(Duration.ofMinutes(10)));
    events.clear();

    tracker.settle(started.plus(Duration.ofMinutes(9)));
    assertThat(told()).isEmpty();
    tracker.settle(started.plus(Duration.ofMinutes(10)));

    assertThat(told()).containsExactly("SETTLED");
    assertThat(tracker.flapping("postback")).isFalse();
    assertThat(tracker.shown("postback", started).flapping()).isFalse();
    assertThat(tracker.nextSettle()).isEqualTo(Instant.MAX);
  }

  @Test
  void a_monitor_that_is_gone_is_forgotten_without_a_notice() {
    feed("+x+x");
    events.clear();
    rules.remove("postback");

    tracker.settle(clock.instant().plus(Duration.ofHours(1)));

    assertThat(told()).isEmpty();
    assertThat(tracker.flapping("postback")).isFalse();
  }

  @Test
  void damping_off_never_flaps() {
    rules.put("postback", new FlapRule(0, Duration.ofMinutes(10)));

    feed("+x+x+x+x");

    assertThat(told()).doesNotContain("STARTED");
  }
}

package dev.tickr.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StateMachineTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final AtomicLong ids = new AtomicLong();
  private final StateMachine machine = new StateMachine(ids::incrementAndGet);
  private final List<IncidentEvent> events = new ArrayList<>();
  private MonitorStatus status = MonitorStatus.pending("postback", T0);
  private int second;

  private void feed(StateMachine.Thresholds t, String verdicts) {
    for (int i = 0; i < verdicts.length(); i++) {
      char c = verdicts.charAt(i);
      Instant at = T0.plusSeconds(++second * 10L);
      Outcome outcome =
          switch (c) {
            case '+' -> Outcome.ok(at);
            case '~' -> new Outcome(at, Verdict.DEGRADED, Reason.CONDITION, "slow", Evidence.NONE);
            default ->
                new Outcome(
                    at,
                    Verdict.FAILED,
                    Reason.HTTP_STATUS,
                    "HTTP 500 #" + second,
                    new Evidence(500, List.of(), "oops"));
          };
      StateMachine.Step step = machine.apply(status, outcome, t);
      status = step.status();
      events.addAll(step.events());
    }
  }

  private List<Transition> transitions() {
    return events.stream()
        .filter(IncidentEvent.StateChanged.class::isInstance)
        .map(e -> ((IncidentEvent.StateChanged) e).transition())
        .toList();
  }

  private List<Incident> opened() {
    return events.stream()
        .filter(IncidentEvent.IncidentOpened.class::isInstance)
        .map(e -> ((IncidentEvent.IncidentOpened) e).incident())
        .toList();
  }

  private List<Incident> resolved() {
    return events.stream()
        .filter(IncidentEvent.IncidentResolved.class::isInstance)
        .map(e -> ((IncidentEvent.IncidentResolved) e).incident())
        .toList();
  }

  @Test
  void first_good_check_makes_a_pending_monitor_up() {
    feed(new StateMachine.Thresholds(2, 3), "+");
    assertThat(status.state()).isEqualTo(MonitorState.UP);
    assertThat(transitions()).containsExactly(Transition.PENDING_TO_UP);
  }

  @Test
  void goes_down_after_exactly_failure_threshold_consecutive_failures() {
    feed(new StateMachine.Thresholds(3, 1), "+xx");
    assertThat(status.state()).isEqualTo(MonitorState.UP);
    feed(new StateMachine.Thresholds(3, 1), "x");
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    assertThat(transitions()).containsExactly(Transition.PENDING_TO_UP, Transition.UP_TO_DOWN);
  }

  @Test
  void incident_starts_at_the_first_failure_with_its_reason_and_evidence() {
    feed(new StateMachine.Thresholds(2, 1), "+xx");
    Incident incident = opened().get(0);
    assertThat(incident.startedAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(incident.detail()).isEqualTo("HTTP 500 #2");
    assertThat(incident.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(incident.evidence().status()).isEqualTo(500);
    assertThat(status.since()).isEqualTo(T0.plusSeconds(20));
    assertThat(status.incident()).isEqualTo(incident);
  }

  @Test
  void a_good_check_between_failures_resets_the_count() {
    feed(new StateMachine.Thresholds(2, 1), "+x+x+x+");
    assertThat(status.state()).isEqualTo(MonitorState.UP);
    assertThat(opened()).isEmpty();
  }

  @Test
  void comes_back_up_only_after_success_threshold_and_resolves_the_incident() {
    feed(new StateMachine.Thresholds(2, 2), "+xx+");
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    feed(new StateMachine.Thresholds(2, 2), "+");
    assertThat(status.state()).isEqualTo(MonitorState.UP);
    Incident done = resolved().get(0);
    assertThat(done.id()).isEqualTo(opened().get(0).id());
    assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(50));
    assertThat(done.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(status.incident()).isNull();
  }

  @Test
  void a_relapse_before_recovery_keeps_the_same_incident() {
    feed(new StateMachine.Thresholds(2, 2), "+xx+x++");
    assertThat(opened()).hasSize(1);
    assertThat(resolved()).hasSize(1);
    assertThat(transitions())
        .containsExactly(Transition.PENDING_TO_UP, Transition.UP_TO_DOWN, Transition.DOWN_TO_UP);
  }

  @Test
  void a_flapping_target_yields_one_incident_per_real_outage() {
    feed(new StateMachine.Thresholds(2, 1), "+x+xx+xx+x+");
    assertThat(opened()).hasSize(2);
    assertThat(resolved()).hasSize(2);
    assertThat(status.state()).isEqualTo(MonitorState.UP);
  }

  @Test
  void soft_failures_make_it_degraded_without_an_incident() {
    feed(new StateMachine.Thresholds(2, 1), "+~~");
    assertThat(status.state()).isEqualTo(MonitorState.DEGRADED);
    assertThat(opened()).isEmpty();
    feed(new StateMachine.Thresholds(2, 1), "x");
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    assertThat(opened().get(0).startedAt()).isEqualTo(T0.plusSeconds(40));
    feed(new StateMachine.Thresholds(2, 1), "+");
    assertThat(transitions())
        .containsExactly(
            Transition.PENDING_TO_UP,
            Transition.UP_TO_DEGRADED,
            Transition.DEGRADED_TO_DOWN,
            Transition.DOWN_TO_UP);
  }

  @Test
  void a_new_monitor_that_never_answers_goes_down_from_pending() {
    feed(new StateMachine.Thresholds(2, 1), "x");
    assertThat(status.state()).isEqualTo(MonitorState.PENDING);
    feed(new StateMachine.Thresholds(2, 1), "x");
    assertThat(transitions()).containsExactly(Transition.PENDING_TO_DOWN);
  }

  @Test
  void pausing_ends_the_incident_and_resuming_starts_from_pending() {
    feed(new StateMachine.Thresholds(1, 1), "x");
    StateMachine.Step paused = machine.pause(status, T0.plusSeconds(100));
    assertThat(paused.status().state()).isEqualTo(MonitorState.PAUSED);
    assertThat(paused.events()).hasAtLeastOneElementOfType(IncidentEvent.IncidentResolved.class);
    status = paused.status();
    feed(new StateMachine.Thresholds(1, 1), "xxx");
    assertThat(status.state()).isEqualTo(MonitorState.PAUSED);
    StateMachine.Step resumed = machine.resume(status, T0.plusSeconds(200));
    assertThat(resumed.status().state()).isEqualTo(MonitorState.PENDING);
  }

  @Test
  void judged_afresh_a_monitor_forgets_its_streak_but_keeps_its_state_and_incident() {
    StateMachine.Thresholds t = new StateMachine.Thresholds(2, 2);
    feed(t, "+-");
    assertThat(status.failures()).isEqualTo(1);

    StateMachine.Step afresh = machine.afresh(status);
    assertThat(afresh.events()).isEmpty();
    status = afresh.status();
    assertThat(status.failures()).isZero();
    assertThat(status.streakStart()).isNull();
    feed(t, "-");
    assertThat(status.state())
        .as("one failure after the reset is not two")
        .isEqualTo(MonitorState.UP);
    feed(t, "-+");
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    Incident open = opened().get(0);

    status = machine.afresh(status).status();
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    assertThat(status.incident()).isEqualTo(open);
    assertThat(status.successes()).as("the good check before is forgotten too").isZero();
    feed(t, "+");
    assertThat(status.state()).isEqualTo(MonitorState.DOWN);
    feed(t, "+");
    assertThat(status.state()).isEqualTo(MonitorState.UP);
    status = machine.afresh(status).status();
    assertThat(machine.afresh(status).status()).as("nothing to forget").isSameAs(status);
  }

  @Test
  void illegal_transitions_are_refused() {
    assertThatThrownBy(() -> Transition.between(MonitorState.PAUSED, MonitorState.DOWN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAUSED -> DOWN");
  }
}

package dev.tickr.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * A maintenance window is an explicit input of the tracker: the monitor is shown as MAINTENANCE
 * while one covers it (unless paused), its checks are judged underneath, and every change of what
 * it is shown as is one legal {@link Transition} told by one {@link IncidentEvent.ShownChanged}.
 */
class MaintenanceTransitionsTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Maintenance RELEASE =
      new Maintenance("release", T0.plusSeconds(60), T0.plus(Duration.ofMinutes(31)));
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  private static final StateMachine.Thresholds ONE = new StateMachine.Thresholds(1, 1);

  /** A sink that keeps what it is given, as the store would. */
  private static final class Saved implements StatusSink {
    final Map<String, MonitorStatus> statuses = new HashMap<>();
    final List<Incident> incidents = new ArrayList<>();
    Map<String, Maintenance> windows = Map.of();

    @Override
    public void saveStatus(MonitorStatus status) {
      statuses.put(status.monitor(), status);
    }

    @Override
    public void saveIncident(Incident incident) {
      incidents.add(incident);
    }

    @Override
    public void saveMaintenance(Map<String, Maintenance> windows) {
      this.windows = windows;
    }
  }

  private final AtomicLong ids = new AtomicLong();
  private final Saved saved = new Saved();
  private final IncidentTracker tracker =
      new IncidentTracker(new StateMachine(ids::incrementAndGet), saved, m -> null, CLOCK);
  private final List<IncidentEvent> events = new ArrayList<>();

  {
    tracker.listen(events::add);
  }

  private List<Transition> shownTransitions() {
    return events.stream()
        .filter(IncidentEvent.ShownChanged.class::isInstance)
        .map(e -> ((IncidentEvent.ShownChanged) e).transition())
        .toList();
  }

  private void judge(String verdicts) {
    Instant at = T0;
    for (int i = 0; i < verdicts.length(); i++) {
      char c = verdicts.charAt(i);
      Outcome o =
          switch (c) {
            case '+' -> Outcome.ok(at);
            case '~' -> new Outcome(at, Verdict.DEGRADED, Reason.CONDITION, "slow", Evidence.NONE);
            default -> new Outcome(at, Verdict.FAILED, Reason.HTTP_STATUS, "500", Evidence.NONE);
          };
      tracker.apply("postback", o, ONE);
      at = at.plusSeconds(1);
    }
  }

  /** The judged state a monitor is brought to by these checks ("" none, "p" paused). */
  private void bring(String how) {
    if (how.equals("p")) {
      tracker.pause("postback", T0);
    } else {
      judge(how);
    }
    events.clear();
  }

  private void window(@Nullable Maintenance w) {
    tracker.maintenance(w == null ? Map.of() : Map.of("postback", w), RELEASE.start());
  }

  @ParameterizedTest(name = "{0} monitor: window begins -> {1}, ends -> {2}")
  @CsvSource({
    "'',  PENDING_TO_MAINTENANCE,  MAINTENANCE_TO_PENDING",
    "+,   UP_TO_MAINTENANCE,       MAINTENANCE_TO_UP",
    "~,   DEGRADED_TO_MAINTENANCE, MAINTENANCE_TO_DEGRADED",
    "x,   DOWN_TO_MAINTENANCE,     MAINTENANCE_TO_DOWN",
  })
  void a_window_takes_a_judged_monitor_into_maintenance_and_back(
      String checks, Transition begins, Transition ends) {
    bring(checks);
    MonitorState judged = tracker.track("postback", T0).state();

    window(RELEASE);
    assertThat(shownTransitions()).containsExactly(begins);
    assertThat(tracker.shown("postback", RELEASE.start()))
        .isEqualTo(new ShownState(MonitorState.MAINTENANCE, RELEASE.start(), null));
    assertThat(tracker.status("postback")).extracting(MonitorStatus::state).isEqualTo(judged);

    window(null);
    assertThat(shownTransitions()).containsExactly(begins, ends);
    assertThat(tracker.shown("postback", RELEASE.start()).state()).isEqualTo(judged);
  }

  @Test
  void a_paused_monitor_stays_paused_through_a_window() {
    bring("p");
    window(RELEASE);
    window(null);

    assertThat(events).isEmpty();
    assertThat(tracker.shown("postback", RELEASE.start()).state()).isEqualTo(MonitorState.PAUSED);
  }

  @ParameterizedTest(name = "{0} then {1}")
  @CsvSource({
    "pause,  MAINTENANCE_TO_PAUSED",
    "resume, PAUSED_TO_MAINTENANCE",
  })
  void pausing_or_resuming_during_a_window_is_a_shown_transition(
      String action, Transition expected) {
    bring(action.equals("resume") ? "p" : "+");
    window(RELEASE);
    events.clear();

    if (action.equals("pause")) {
      tracker.pause("postback", RELEASE.start());
    } else {
      tracker.resume("postback", RELEASE.start());
    }

    assertThat(shownTransitions()).containsExactly(expected);
  }

  @Test
  void checks_are_judged_underneath_a_window_and_open_incidents_without_changing_what_is_shown() {
    bring("+");
    window(RELEASE);
    events.clear();

    judge("x+");

    assertThat(shownTransitions()).isEmpty();
    assertThat(events)
        .filteredOn(IncidentEvent.StateChanged.class::isInstance)
        .extracting(e -> ((IncidentEvent.StateChanged) e).transition())
        .containsExactly(Transition.UP_TO_DOWN, Transition.DOWN_TO_UP);
    assertThat(saved.incidents).hasSize(2); // opened, then resolved
    assertThat(tracker.shown("postback", RELEASE.start()).state())
        .isEqualTo(MonitorState.MAINTENANCE);
  }

  @Test
  void a_window_shows_only_while_it_covers_the_moment_asked_about() {
    bring("+");
    window(RELEASE);

    assertThat(tracker.shown("postback", RELEASE.start().minusSeconds(1)).state())
        .isEqualTo(MonitorState.UP);
    assertThat(tracker.shown("postback", RELEASE.end().minusSeconds(1)).state())
        .isEqualTo(MonitorState.MAINTENANCE);
    assertThat(tracker.shown("postback", RELEASE.end()))
        .isEqualTo(new ShownState(MonitorState.UP, T0, null));
    assertThat(tracker.shown(RELEASE.start())).containsOnlyKeys("postback");
    assertThat(tracker.shown("unknown", RELEASE.start())).isEqualTo(ShownState.UNKNOWN);
  }

  @Test
  void windows_are_saved_and_taken_back_after_a_restart() {
    bring("+");
    window(RELEASE);
    assertThat(saved.windows).isEqualTo(Map.of("postback", RELEASE));

    IncidentTracker restarted =
        new IncidentTracker(new StateMachine(ids::incrementAndGet), saved, m -> null, CLOCK);
    restarted.restore(saved.statuses);
    restarted.restoreMaintenance(saved.windows);

    assertThat(restarted.shown("postback", RELEASE.start()).state())
        .isEqualTo(MonitorState.MAINTENANCE);

    window(null);
    assertThat(saved.windows).isEmpty();
  }

  @Test
  void the_same_windows_again_change_nothing() {
    bring("+");
    window(RELEASE);
    events.clear();
    window(RELEASE);

    assertThat(events).isEmpty();
  }
}

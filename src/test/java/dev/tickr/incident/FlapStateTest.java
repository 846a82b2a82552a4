package dev.tickr.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flap damping state machine: STEADY to FLAPPING (STARTED) when more than {@code changes}
 * judged state changes fall within {@code within}, FLAPPING to STEADY (SETTLED) once none has come
 * for {@code within}.
 */
class FlapStateTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  /**
   * Feeds changes at these minutes after T0 ({@code s7} settles at minute 7) and returns every
   * transition taken, as {@code minute:TRANSITION}.
   */
  private static List<String> run(FlapRule rule, String script) {
    FlapState s = FlapState.STEADY;
    List<String> taken = new ArrayList<>();
    for (String token : script.trim().split("\\s+")) {
      boolean settle = token.startsWith("s");
      int minute = Integer.parseInt(settle ? token.substring(1) : token);
      Instant at = T0.plus(Duration.ofMinutes(minute));
      FlapState.Step step = settle ? s.settle(at, rule) : s.change(at, rule);
      s = step.next();
      FlapState.Transition t = step.transition();
      if (t != null) {
        taken.add(minute + ":" + t);
      }
    }
    return taken;
  }

  @ParameterizedTest(name = "changes={0} within={1}m: {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5 | 10 | 0 1 2 3 4          | ''",
        "5 | 10 | 0 1 2 3 4 5        | 5:STARTED",
        "5 | 10 | 0 2 4 6 8 10 12    | ''", // never more than 5 within 10 minutes
        "2 | 10 | 0 1 2 s11          | 2:STARTED",
        "2 | 10 | 0 1 2 s12          | 2:STARTED 12:SETTLED",
        "2 | 10 | 0 1 2 5 s14 s15    | 2:STARTED 15:SETTLED",
        "2 | 10 | 0 1 2 s12 13 14    | 2:STARTED 12:SETTLED", // the old changes were forgotten
        "2 | 10 | 0 1 2 s12 13 14 15 | 2:STARTED 12:SETTLED 15:STARTED",
        "0 | 10 | 0 1 2 3 4 5 6 7    | ''", // damping off
      })
  void starts_and_settles_as_the_rule_says(int changes, int within, String script, String want) {
    FlapRule rule = new FlapRule(changes, Duration.ofMinutes(within));
    List<String> expected = want.isBlank() ? List.of() : List.of(want.trim().split("\\s+"));

    assertThat(run(rule, script)).isEqualTo(expected);
  }

  @Test
  void a_flapping_monitor_whose_damping_is_turned_off_settles_at_once() {
    FlapState s = FlapState.STEADY;
    FlapRule on = new FlapRule(1, Duration.ofMinutes(10));
    s = s.change(T0, on).next();
    s = s.change(T0.plusSeconds(60), on).next();
    assertThat(s.flapping()).isTrue();
    assertThat(s.since()).isEqualTo(T0.plusSeconds(60));

    FlapState.Step step = s.settle(T0.plusSeconds(61), new FlapRule(0, Duration.ofMinutes(10)));

    assertThat(step.transition()).isEqualTo(FlapState.Transition.SETTLED);
    assertThat(step.next().flapping()).isFalse();
    assertThat(step.next().since()).isNull();
  }

  @Test
  void settles_at_the_last_change_plus_the_window() {
    FlapRule rule = new FlapRule(1, Duration.ofMinutes(10));
    FlapState s = FlapState.STEADY.change(T0, rule).next().change(T0.plusSeconds(30), rule).next();

    assertThat(s.settlesAt(rule)).isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(10)));
    assertThat(FlapState.STEADY.settlesAt(rule)).isNull();
    assertThat(s.recentChanges()).isEqualTo(2);
  }
}
